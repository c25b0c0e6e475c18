package gui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// recentItems lists the labels of File › Open Recent as the window's main
// menu has them now.
func recentItems(t *testing.T, u *ui) []string {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Open Recent" && it.ChildMenu != nil {
				var out []string
				for _, c := range it.ChildMenu.Items {
					if !c.IsSeparator {
						out = append(out, c.Label)
					}
				}
				return out
			}
		}
	}
	t.Fatal("no Open Recent menu")
	return nil
}

// openAndWait opens path as File › Open does and runs what it posts.
func openAndWait(u *ui, q *uiQueue, path string) {
	u.open(path, false)
	u.loading.t.Wait()
	q.run()
}

func TestOpenRecentFollowsTheList(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "small.json")
	if err := os.WriteFile(good, []byte(`{"nodes": [{"id": "a", "type": "ngo", "label": "A"}], "edges": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(dir, "gone.json")
	u.prefs.addRecent(gone)
	u.recentChanged()

	openAndWait(u, q, good)
	if got := recentItems(t, u); len(got) < 2 || got[0] != good || got[1] != gone {
		t.Fatalf("after opening %s the menu lists %v", good, got)
	}
	openAndWait(u, q, gone)
	if got := recentItems(t, u); slices.Contains(got, gone) || !slices.Contains(got, good) {
		t.Fatalf("after %s failed to open, the menu lists %v", gone, got)
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		o.Hide() // the error dialog
	}
	u.clearRecent()
	if got := recentItems(t, u); slices.Contains(got, good) {
		t.Fatalf("after Clear Recent Files the menu lists %v", got)
	}
}

// A file opened by a relative path is remembered by its absolute path.
func TestRecentPathsAreAbsolute(t *testing.T) {
	q := queueUI(t)
	u := newTestUI(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "rel.json"), []byte(`{"nodes": [{"id": "a", "type": "ngo", "label": "A"}], "edges": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	openAndWait(u, q, "rel.json")
	if got := u.prefs.recent(); len(got) == 0 || got[0] != filepath.Join(dir, "rel.json") {
		t.Fatalf("recent %v", got)
	}
}
