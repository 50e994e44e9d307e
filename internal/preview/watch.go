package preview

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the watcher waits after a change for more changes
// (an editor's save is often several events) before rebuilding.
const Debounce = 8 * time.Millisecond

// Watch rebuilds s whenever a file below the folders changes, until ctx
// ends. New folders are watched as they appear; editors that save by
// writing a temporary file and renaming it over the old one are seen as a
// create. Errors of the watcher itself go to report.
func (s *Site) Watch(ctx context.Context, folders []string, report func(error)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, f := range folders {
		addTree(w, f)
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					addTree(w, ev.Name)
				}
			}
			if ignored(ev.Name) {
				continue
			}
			if timer == nil {
				timer = time.AfterFunc(Debounce, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			} else {
				timer.Reset(Debounce)
			}
		case <-fire:
			s.Rebuild()
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			report(err)
		}
	}
}

// addTree watches dir and every folder below it.
func addTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			_ = w.Add(p)
		}
		return nil
	})
}

// ignored are editors' swap and backup files, which change all the time.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") ||
		strings.HasPrefix(base, ".#") || base == "4913" || strings.HasPrefix(base, ".goutputstream")
}
