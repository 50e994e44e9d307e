package output

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
)

// sameDeviceOS reports whether the folders a and b are on one volume (so
// that a file renamed from one to the other is moved, not refused), and
// whether that could be told: by their volume names, which misses
// volumes mounted in a folder (the rename then fails and is done again
// by copying).
func sameDeviceOS(a, b string) (same, known bool) {
	ra, err1 := filepath.EvalSymlinks(a)
	rb, err2 := filepath.EvalSymlinks(b)
	if err1 != nil || err2 != nil {
		return false, false
	}
	ra, err1 = filepath.Abs(ra)
	rb, err2 = filepath.Abs(rb)
	if err1 != nil || err2 != nil {
		return false, false
	}
	return strings.EqualFold(filepath.VolumeName(ra), filepath.VolumeName(rb)), true
}

// errNotSameDevice is ERROR_NOT_SAME_DEVICE, what MoveFileEx answers a
// rename to another volume.
const errNotSameDevice = syscall.Errno(17)

// isCrossDevice reports whether err is a rename refused because it would
// cross from one volume to another.
func isCrossDevice(err error) bool {
	return errors.Is(err, errNotSameDevice) || errors.Is(err, syscall.EXDEV)
}
