package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// variantTheme is Fyne's default theme forced to light or dark, whatever
// the system prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

var _ fyne.Theme = variantTheme{}

func newVariantTheme(dark bool) variantTheme {
	v := theme.VariantLight
	if dark {
		v = theme.VariantDark
	}
	return variantTheme{Theme: theme.DefaultTheme(), variant: v}
}

// Color is part of fyne.Theme.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
