package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/parallel"
)

// kind is what a path of the output folder is on disk.
type kind uint8

const (
	kNone  kind = iota // nothing
	kFile              // a regular file
	kDir               // a folder
	kLink              // a symbolic link (never followed)
	kOther             // a device, a socket, a pipe
)

// kindOf is the kind of a file of mode (or directory-entry type) t.
func kindOf(t fs.FileMode) kind {
	switch {
	case t.IsRegular():
		return kFile
	case t.IsDir():
		return kDir
	case t&fs.ModeSymlink != 0:
		return kLink
	}
	return kOther
}

// lkind is the kind of name, without following a link.
func lkind(name string) kind {
	fi, err := os.Lstat(name)
	if err != nil {
		return kNone
	}
	return kindOf(fi.Mode())
}

// plan is what a build does with one path of the tree.
type plan uint8

const (
	planSkip  plan = iota // in the way of something refused already
	planNew               // nothing there: write
	planOwned             // bti's file: write unless it holds the bytes already
	planAdopt             // a file bti did not write: the same bytes, or in the way
	planFresh             // in a folder built whole in staging
)

// outcome is what compare found for a path.
type outcome uint8

const (
	outNone      outcome = iota
	outUnchanged         // holds the bytes already
	outWrite             // new or changed
)

// file is what a session knows of one file of the build once its part
// is added: no bytes, only what the commit and the manifest need.
type file struct {
	path   string
	plan   plan
	out    outcome
	st     stamp
	key    *Key
	staged string // where it was written in the staging folder ("" when it is not written)
	beside string // planned beside its place (the staging folder on another file system)
}

// mine reports whether bti wrote p: the manifest says so, or a format-3
// manifest leaves out the shared assets/ folder that bti wrote there.
// The caller holds s.mu.
func (s *Session) mine(p string) bool {
	if s.man.owned(p) {
		return true
	}
	return s.man != nil && s.man.legacy && topOf(p) == "assets" && s.kinds[p] == kFile
}

// surveyTop looks, once, at the top folder o of the output folder and
// what it holds as far as the build needs: whether it is there and a real
// folder (a link is refused), and with no complete manifest everything
// below it (listed), else the folders the manifest knows there (looked
// at, for links). It changes nothing on disk. The caller holds s.mu.
func (s *Session) surveyTop(o string) error {
	if s.surveyed[o] {
		return nil
	}
	s.surveyed[o] = true
	if o != "" {
		k := lkind(filepath.Join(s.dir, o))
		s.kinds[o] = k
		switch k {
		case kDir:
			s.verified[o] = true
		case kLink:
			// A site folder that is a link could lead the build's files,
			// and its removals, anywhere.
			s.links = append(s.links, o)
		}
	}
	if s.listAll {
		return s.list(o)
	}
	s.checkKnown(o)
	return nil
}

// plan plans each path of a part (sorted) as survey found things: which
// files are bti's, which are someone else's, what is in the way, which go
// into a folder built whole in staging. The caller holds s.mu.
func (s *Session) plan(paths []string) []file {
	for _, p := range paths {
		o := topOf(p)
		if s.hasFiles[o] || o == "" {
			continue
		}
		s.hasFiles[o] = true
		switch s.kinds[o] {
		case kNone:
			if !s.w.beside {
				s.fresh[o] = true
			}
		case kDir, kLink:
		default:
			s.conflicts = append(s.conflicts, o)
		}
	}
	files := make([]file, len(paths))
	for i, p := range paths {
		files[i].path = p
		top := topOf(p)
		if s.fresh[top] {
			files[i].plan = planFresh
			continue
		}
		if top != "" && s.kinds[top] != kDir && s.kinds[top] != kNone {
			continue // refused above
		}
		if s.blocked(path.Dir(p)) {
			continue
		}
		k := s.at(p, !s.mine(p))
		switch {
		case k == kDir || k == kOther:
			s.conflicts = append(s.conflicts, p)
		case s.mine(p):
			files[i].plan = planOwned
		case k == kNone:
			files[i].plan = planNew
		case k == kFile:
			files[i].plan = planAdopt
		default:
			s.conflicts = append(s.conflicts, p) // someone's link
		}
	}
	return files
}

// at returns what is at p: as listed, or looked at now when look is set
// (otherwise nothing is assumed).
func (s *Session) at(p string, look bool) kind {
	if k, ok := s.kinds[p]; ok || s.listAll || !look {
		return k
	}
	k := lkind(filepath.Join(s.dir, filepath.FromSlash(p)))
	s.kinds[p] = k
	return k
}

// blocked reports whether the folder d (slash path, "." for dir) cannot
// take files: it, or a folder above it, is a file or a link. Missing
// folders are made when writing.
func (s *Session) blocked(d string) bool {
	if ok, seen := s.verified[d]; seen {
		return !ok
	}
	bad := false
	switch s.at(d, true) {
	case kNone:
		return s.blocked(path.Dir(d)) // made when writing; not remembered
	case kDir:
		bad = s.blocked(path.Dir(d))
	case kLink:
		s.links = append(s.links, d)
		bad = true
	default:
		s.conflicts = append(s.conflicts, d)
		bad = true
	}
	s.verified[d] = !bad // each folder reported once
	return bad
}

// checkKnown looks at every folder the manifest knows below the owned
// folder o (one system call each, on all cores): a folder of bti's that
// has become a link is refused.
func (s *Session) checkKnown(o string) {
	if o == "" || s.kinds[o] != kDir {
		return
	}
	var dirs []string
	for _, d := range foldersOf(s.man.folders[o]) {
		if d != o {
			dirs = append(dirs, d)
		}
	}
	kinds := make([]kind, len(dirs))
	parallel.Do(len(dirs), func(i int) { kinds[i] = lkind(filepath.Join(s.dir, filepath.FromSlash(dirs[i]))) })
	bad := map[string]bool{}
	for i, d := range dirs { // parents first
		s.kinds[d] = kinds[i]
		if bad[path.Dir(d)] {
			bad[d] = true
			continue
		}
		switch kinds[i] {
		case kDir:
			if s.verified[path.Dir(d)] {
				s.verified[d] = true
			}
		case kLink:
			s.links = append(s.links, d)
			bad[d] = true
		}
	}
}

// list reads the owned folder o when it exists, all the way down without
// following links (one directory read per folder; for "", the top only:
// the folders there are owned folders of their own, or not the build's).
func (s *Session) list(o string) error {
	if o != "" && s.kinds[o] != kDir {
		return nil
	}
	kinds := map[string]kind{}
	var first error
	var walk func(rel string)
	walk = func(rel string) {
		f, err := os.Open(filepath.Join(s.dir, filepath.FromSlash(rel)))
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) && first == nil {
				first = err
			}
			return
		}
		entries, err := f.ReadDir(-1)
		f.Close()
		if err != nil && first == nil {
			first = err
		}
		for _, e := range entries {
			p := e.Name()
			if rel != "" {
				p = rel + "/" + p
			}
			k := kindOf(e.Type())
			kinds[p] = k
			if k == kDir && o != "" {
				walk(p)
			}
		}
	}
	walk(o)
	if first != nil {
		return first
	}
	var dirs []string
	for p, k := range kinds {
		if _, ok := s.kinds[p]; !ok { // the owned folders were looked at already
			s.kinds[p] = k
		}
		if k == kDir && strings.Contains(p, "/") {
			dirs = append(dirs, p)
		}
	}
	// Real folders, all the way up.
	sort.Strings(dirs)
	for _, d := range dirs {
		if s.verified[path.Dir(d)] {
			s.verified[d] = true
		}
	}
	return nil
}

// findLeftovers finds the temporary files a killed build left beside
// bti's files (or the build's): they are bti's, and go. Only a listed
// folder shows them.
func (s *Session) findLeftovers() {
	if !s.listAll {
		return
	}
	tmps := map[string]bool{}
	if s.man != nil {
		for f := range s.man.owns {
			tmps[tmpBeside(f)] = true
		}
	}
	for p := range s.paths {
		tmps[tmpBeside(p)] = true
	}
	for p, k := range s.kinds {
		if k == kFile && strings.HasPrefix(path.Base(p), tmpPrefix) && tmps[p] {
			s.leftovers = append(s.leftovers, p)
		}
	}
	sort.Strings(s.leftovers)
}

// compare reads, where it must, whether each file of a part holds its
// new bytes already (the manifest's stamps spare reading unchanged
// files), and whether a file bti did not write that is where one of its
// own goes holds the same bytes (then it is taken over) or is in the way.
// It changes nothing on disk.
func (s *Session) compare(files []file, tree Tree) {
	each(len(files), func(i int) error {
		f := &files[i]
		data := tree[f.path]
		name := s.target(f.path)
		switch f.plan {
		case planFresh, planNew:
			f.out = outWrite
		case planOwned:
			fi, err := os.Lstat(name)
			switch {
			case err != nil:
				f.out = outWrite
			case fi.IsDir():
				s.inTheWay(f.path)
			default:
				if rec := s.man.stamp(f.path); rec != nil && rec.matches(data) && rec.on(fi) {
					f.out, f.st = outUnchanged, *rec
				} else if fi.Mode().IsRegular() {
					if fi, ok := same(name, data); ok {
						f.out, f.st = outUnchanged, stampOf(fi, data)
						break
					}
					f.out = outWrite
				} else {
					f.out = outWrite // a link or such in bti's place: replaced, never followed
				}
			}
		case planAdopt:
			if fi, ok := same(name, data); ok && fi.Mode().IsRegular() {
				f.out, f.st = outUnchanged, stampOf(fi, data)
			} else {
				s.inTheWay(f.path)
			}
		}
		return nil
	})
}

func (s *Session) inTheWay(p string) {
	s.mu.Lock()
	s.conflicts = append(s.conflicts, p)
	s.mu.Unlock()
}

// stale lists bti's files in the owned folders that the build no longer
// holds (and that may be there: listed, or recorded).
func (s *Session) stale() []string {
	if s.man == nil {
		return nil
	}
	var out []string
	for o := range s.owned {
		for _, f := range s.man.folders[o] {
			if _, keep := s.paths[f]; keep {
				continue
			}
			if s.listAll {
				if k := s.kinds[f]; k != kFile && k != kLink {
					continue // not there
				}
			}
			if s.underNonFolder(f) {
				continue // a file or such where its folder was: not there
			}
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// underNonFolder reports whether a folder above p is known to be
// something other than a folder.
func (s *Session) underNonFolder(p string) bool {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if k, ok := s.kinds[d]; ok && k != kDir && k != kNone {
			return true
		}
	}
	return false
}

// record is the manifest after the build (journal false), or the journal
// to write before changing anything: what the last build recorded and
// every file this one will write.
func (s *Session) record(journal bool) *record {
	r := newRecord()
	if s.man != nil {
		for o := range s.man.folders {
			if !s.owned[o] || journal {
				r.keep(s.man, o)
			}
		}
		for o, n := range s.man.notes {
			if !s.owned[o] || journal {
				r.notes[o] = n
			}
		}
	}
	has := map[string]bool{}
	for i := range s.files {
		f := &s.files[i]
		has[topOf(f.path)] = true
		switch {
		case f.out == outUnchanged || (!journal && f.out == outWrite):
			st := f.st
			r.add(f.path, &st, f.key)
		case journal && f.out == outWrite:
			// The old version's stamp and key, valid only while it is there.
			r.add(f.path, s.man.stamp(f.path), s.man.key(f.path))
		}
	}
	for o := range s.owned {
		if n, ok := s.notes[o]; ok && has[o] {
			r.notes[o] = n
		} else if s.man != nil && has[o] {
			if n, ok := s.man.notes[o]; ok {
				r.notes[o] = n
			}
		}
		if has[o] && r.folders[o] == nil {
			r.folders[o] = map[string]bool{}
		}
	}
	return r
}
