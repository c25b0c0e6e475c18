package assets

import "embed"

// Translations holds the interface's catalogues, translations/en.json and
// translations/fr.json, in the go-i18n JSON format Fyne's lang package
// reads: {"English text": "texte français"}, or {"key": {"one": ...,
// "other": ...}} for plurals. The English text is the key, so en.json
// only holds plurals and keyed messages; adding a French translation is
// one line in fr.json.
//
//go:embed translations/*.json
var Translations embed.FS
