package output

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Reason says why Write refused to write.
type Reason int

const (
	// NotEmpty: the folder holds files and no manifest says that bti
	// wrote any of them (Options.Force takes it over).
	NotEmpty Reason = iota + 1
	// InTheWay: files or folders that bti did not write are where the
	// build would put its own files (Paths lists them).
	InTheWay
	// Link: a folder the build would write into is a symbolic link
	// (Paths lists it), which could lead the files anywhere.
	Link
	// NotAFolder: the output folder is a file.
	NotAFolder
	// ForeignManifest: the manifest's or the staging folder's name,
	// beside the output folder, is taken by something bti did not write
	// (Paths names it).
	ForeignManifest
	// DirIsLink: the output folder itself is a symbolic link, which
	// would lead the whole site (and the removals of a later build)
	// to wherever it points; Force does not take it over.
	DirIsLink
)

// RefusedError is Write refusing to build into a folder. Nothing was
// written.
type RefusedError struct {
	Reason Reason
	Dir    string
	// Paths are what is in the way (slash paths relative to Dir, or
	// whole paths for ForeignManifest), sorted; All counts them when
	// there are more than Paths lists (for NotEmpty, which looks for a
	// few files only, All is then one more than Paths).
	Paths []string
	All   int
}

// maxPaths is how many paths a RefusedError lists.
const maxPaths = 10

func (e *RefusedError) Error() string {
	what := map[Reason]string{NotEmpty: "holds files bti did not write", InTheWay: "files bti did not write are in the way",
		Link: "a folder is a symbolic link", NotAFolder: "is not a folder", ForeignManifest: "a file bti did not write has a name bti uses",
		DirIsLink: "is a symbolic link"}[e.Reason]
	s := fmt.Sprintf("output: %s: %s", e.Dir, what)
	if len(e.Paths) > 0 {
		s += ": " + strings.Join(e.Paths, ", ")
	}
	return s
}

// refuse makes the error of reason with the first of paths.
func refuse(reason Reason, dir string, paths []string) *RefusedError {
	paths = slices.Compact(slices.Sorted(slices.Values(paths)))
	e := &RefusedError{Reason: reason, Dir: dir, All: len(paths)}
	if len(paths) > maxPaths {
		paths = paths[:maxPaths]
	}
	e.Paths = paths
	return e
}

// WriteError is a failure while writing (a full disk, a file that cannot
// be written). Changed says whether the output folder had been changed
// by then: when it is false the previous site is there as it was.
type WriteError struct {
	Changed bool
	Err     error
}

func (e *WriteError) Error() string { return "output: " + e.Err.Error() }

// Unwrap returns the failure.
func (e *WriteError) Unwrap() error { return e.Err }

// IsRefused reports whether err is a refusal, and returns it.
func IsRefused(err error) (*RefusedError, bool) {
	var r *RefusedError
	ok := errors.As(err, &r)
	return r, ok
}
