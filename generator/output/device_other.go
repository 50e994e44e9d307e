//go:build !unix && !windows

package output

import (
	"errors"
	"syscall"
)

// sameDeviceOS cannot tell here: a rename across file systems fails and is
// done again by copying.
func sameDeviceOS(a, b string) (same, known bool) { return false, false }

// isCrossDevice reports whether err is a rename refused because it would
// cross from one file system to another.
func isCrossDevice(err error) bool { return errors.Is(err, syscall.EXDEV) }
