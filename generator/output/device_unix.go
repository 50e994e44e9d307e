//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

// sameDeviceOS reports whether the folders a and b are on one file system
// (so that a file renamed from one to the other is moved, not refused),
// and whether that could be told.
func sameDeviceOS(a, b string) (same, known bool) {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return false, false
	}
	sa, ok1 := fa.Sys().(*syscall.Stat_t)
	sb, ok2 := fb.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return false, false
	}
	return sa.Dev == sb.Dev, true
}

// isCrossDevice reports whether err is a rename refused because it would
// cross from one file system to another.
func isCrossDevice(err error) bool { return errors.Is(err, syscall.EXDEV) }
