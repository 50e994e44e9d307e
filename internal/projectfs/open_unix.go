//go:build unix

package projectfs

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// openDirect opens name's full path p without following a link in its
// last place; ok is false when it is a link (then os.Root decides).
func openDirect(op, name, p string) (file *os.File, ok bool, err error) {
	file, err = os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW, 0)
	if err == nil {
		return file, true, nil
	}
	if errors.Is(err, syscall.ELOOP) {
		return nil, false, nil
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return nil, true, &fs.PathError{Op: op, Path: name, Err: err}
}
