package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/app/i18n"
)

// languageItem is View › Language: System, English or Français, saved in
// the preferences. main reads the choice before the window is built (Fyne
// translates each text when a widget is made), so a new choice applies
// when Linkscope is next started; the menu says so.
func (u *ui) languageItem() *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Language (on restart)"), nil)
	cur := u.prefs.p.String(i18n.PrefKey)
	choice := func(label, pref string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { u.setLanguage(pref) })
		it.Checked = cur == pref
		return it
	}
	// each language is named in itself
	item.ChildMenu = fyne.NewMenu("",
		choice(lang.L("System"), i18n.PrefSystem),
		choice("English", i18n.PrefEnglish),
		choice("Français", i18n.PrefFrench))
	return item
}

// setLanguage saves the language choice; it applies on restart.
func (u *ui) setLanguage(pref string) {
	if u.prefs.p.String(i18n.PrefKey) == pref {
		return
	}
	u.prefs.p.SetString(i18n.PrefKey, pref)
	u.win.SetMainMenu(u.mainMenu())
	dialog.ShowInformation(lang.L("Language"), lang.L("The new language applies when Linkscope is next started."), u.win)
}
