// Package assets embeds Linkscope's own artwork: the entity-type icons
// (24×24 SVG, stroke style, drawn for this project) and the Noto Sans font
// the renderer sets labels in (SIL Open Font License, see fonts/OFL.txt).
package assets

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed icons/*.svg
var icons embed.FS

//go:embed fonts/NotoSans-Regular.ttf
var notoRegular []byte

//go:embed fonts/NotoSans-Bold.ttf
var notoBold []byte

//go:embed fonts/OFL.txt
var fontLicense string

// Icon returns the SVG source of the named icon ("company", "regulator",
// ...) and whether it exists.
func Icon(name string) ([]byte, bool) {
	b, err := icons.ReadFile("icons/" + name + ".svg")
	return b, err == nil
}

// IconNames lists the available icons, sorted.
func IconNames() []string {
	ents, _ := fs.ReadDir(icons, "icons")
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, strings.TrimSuffix(e.Name(), ".svg"))
	}
	sort.Strings(names)
	return names
}

// FontRegular is Noto Sans Regular (TrueType). The slice must not be modified.
func FontRegular() []byte { return notoRegular }

// FontBold is Noto Sans Bold (TrueType). The slice must not be modified.
func FontBold() []byte { return notoBold }

// FontLicense is the SIL Open Font License text that covers the fonts.
func FontLicense() string { return fontLicense }
