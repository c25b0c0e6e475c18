package gui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file with storage.Writer before it
// calls back, and the desktop file repository's Writer is os.Create: the
// file the user chose is truncated before Linkscope writes a byte, so a
// failed (or cancelled) export would destroy it. Exports write only
// through dataset.WriteAtomic on the dialog's path, so the "file"
// repository is wrapped: its Writer opens (and truncates) the file only at
// the first Write, and closing a writer that wrote nothing leaves the file
// as it was (and creates no empty file).

var guardMu sync.Mutex

// guardFileSaves wraps the "file" repository once (again if a driver
// registered a new one since).
func guardFileSaves() {
	guardMu.Lock()
	defer guardMu.Unlock()
	cur, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, ok := cur.(*lazyFiles); ok {
		return
	}
	repository.Register("file", &lazyFiles{inner: cur})
}

// lazyFiles is a file repository whose writers open the file at their
// first Write; everything else is the wrapped repository's.
type lazyFiles struct{ inner repository.Repository }

func (r *lazyFiles) Exists(u fyne.URI) (bool, error)               { return r.inner.Exists(u) }
func (r *lazyFiles) Reader(u fyne.URI) (fyne.URIReadCloser, error) { return r.inner.Reader(u) }
func (r *lazyFiles) CanRead(u fyne.URI) (bool, error)              { return r.inner.CanRead(u) }
func (r *lazyFiles) Destroy(scheme string)                         { r.inner.Destroy(scheme) }

func (r *lazyFiles) writable() (repository.WritableRepository, error) {
	if w, ok := r.inner.(repository.WritableRepository); ok {
		return w, nil
	}
	return nil, repository.ErrOperationNotSupported
}

// Writer returns a writer that truncates u only when first written to.
func (r *lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	w, err := r.writable()
	if err != nil {
		return nil, err
	}
	return &lazyWriter{uri: u, open: func() (fyne.URIWriteCloser, error) { return w.Writer(u) }}, nil
}

func (r *lazyFiles) CanWrite(u fyne.URI) (bool, error) {
	w, err := r.writable()
	if err != nil {
		return false, err
	}
	return w.CanWrite(u)
}

func (r *lazyFiles) Delete(u fyne.URI) error {
	w, err := r.writable()
	if err != nil {
		return err
	}
	return w.Delete(u)
}

func (r *lazyFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if a, ok := r.inner.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (r *lazyFiles) DeleteAll(u fyne.URI) error {
	if d, ok := r.inner.(repository.DeleteAllRepository); ok {
		return d.DeleteAll(u)
	}
	return repository.ErrOperationNotSupported
}

func (r *lazyFiles) Parent(u fyne.URI) (fyne.URI, error) {
	if h, ok := r.inner.(repository.HierarchicalRepository); ok {
		return h.Parent(u)
	}
	return repository.GenericParent(u)
}

func (r *lazyFiles) Child(u fyne.URI, name string) (fyne.URI, error) {
	if c, ok := typedChild(u, name); ok { // a path typed in the save dialog (savename.go)
		return c, nil
	}
	if h, ok := r.inner.(repository.HierarchicalRepository); ok {
		return h.Child(u, name)
	}
	return repository.GenericChild(u, name)
}

func (r *lazyFiles) List(u fyne.URI) ([]fyne.URI, error) {
	if l, ok := r.inner.(repository.ListableRepository); ok {
		return l.List(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (r *lazyFiles) CanList(u fyne.URI) (bool, error) {
	if l, ok := r.inner.(repository.ListableRepository); ok {
		return l.CanList(u)
	}
	return false, repository.ErrOperationNotSupported
}

func (r *lazyFiles) CreateListable(u fyne.URI) error {
	if l, ok := r.inner.(repository.ListableRepository); ok {
		return l.CreateListable(u)
	}
	return repository.ErrOperationNotSupported
}

func (r *lazyFiles) Copy(from, to fyne.URI) error {
	if c, ok := r.inner.(repository.CopyableRepository); ok {
		return c.Copy(from, to)
	}
	return repository.GenericCopy(from, to)
}

func (r *lazyFiles) Move(from, to fyne.URI) error {
	if m, ok := r.inner.(repository.MovableRepository); ok {
		return m.Move(from, to)
	}
	return repository.GenericMove(from, to)
}

// lazyWriter opens its file at the first Write.
type lazyWriter struct {
	uri  fyne.URI
	open func() (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open()
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

// Close closes the file if it was opened; a writer that wrote nothing
// leaves the file untouched.
func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}
