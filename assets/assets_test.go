package assets

import (
	"bytes"
	"encoding/xml"
	"testing"
)

func TestIconsAreWellFormedSVG(t *testing.T) {
	names := IconNames()
	for _, want := range []string{"company", "regulator", "ngo", "person", "police", "media", "platform", "other"} {
		if _, ok := Icon(want); !ok {
			t.Errorf("icon %q missing (have %v)", want, names)
		}
	}
	for _, n := range names {
		b, _ := Icon(n)
		d := xml.NewDecoder(bytes.NewReader(b))
		paths := 0
		for {
			tok, err := d.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: %v", n, err)
				}
				break
			}
			if se, ok := tok.(xml.StartElement); ok && (se.Name.Local == "path" || se.Name.Local == "circle") {
				paths++
			}
		}
		if paths == 0 {
			t.Errorf("%s: no shapes", n)
		}
	}
	if _, ok := Icon("no-such-icon"); ok {
		t.Error("Icon found a missing name")
	}
}

func TestFontsAreTrueType(t *testing.T) {
	for name, b := range map[string][]byte{"regular": FontRegular(), "bold": FontBold()} {
		if len(b) < 1000 || !bytes.Equal(b[:4], []byte{0, 1, 0, 0}) {
			t.Errorf("%s font is not a TrueType file", name)
		}
	}
	if !bytes.Contains([]byte(FontLicense()), []byte("SIL OPEN FONT LICENSE")) {
		t.Error("font licence text missing")
	}
}
