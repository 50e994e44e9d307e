package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

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

func kindOf(fi fs.FileInfo) kind {
	switch m := fi.Mode(); {
	case m.IsRegular():
		return kFile
	case m.IsDir():
		return kDir
	case m&fs.ModeSymlink != 0:
		return kLink
	}
	return kOther
}

func kindOfType(t fs.FileMode) kind {
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
	return kindOf(fi)
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

// build is one Write: what is there, what changes, and how.
type build struct {
	dir     string
	tree    Tree
	paths   []string
	owned   map[string]bool
	man     *manifest
	w       *writer
	listAll bool // the manifest is missing, a journal or of the last format: list the owned folders

	mu       sync.Mutex
	kinds    map[string]kind // what is at a path (listed, or looked at one by one)
	verified map[string]bool // folders that are real folders all the way up from dir
	fresh    map[string]bool // owned folders that do not exist: built whole in staging

	plans     []plan
	outs      []outcome
	stamps    []stamp
	tmps      []string // where each written file was staged
	writes    int
	conflicts []string // someone else's files or folders in the way
	links     []string // symbolic links on the way
	leftovers []string // bti's temporary files left by a killed build
	made      []string // folders made in dir while staging
	stats     Stats
}

// mine reports whether bti wrote p: the manifest says so, or a format-3
// manifest leaves out the shared assets/ folder that bti wrote there.
func (b *build) mine(p string) bool {
	if b.man.owned(p) {
		return true
	}
	return b.man != nil && b.man.legacy && topOf(p) == "assets" && b.kinds[p] == kFile
}

// survey finds what is where the tree's files go, and plans each: which
// owned folders are missing (built whole in staging), which files are
// bti's, which are someone else's, what is in the way. It changes
// nothing on disk.
func (b *build) survey() error {
	b.kinds = map[string]kind{}
	b.verified = map[string]bool{".": true}
	b.fresh = map[string]bool{}
	hasFiles := map[string]bool{}
	for _, p := range b.paths {
		hasFiles[topOf(p)] = true
	}
	var tops []string
	for o := range b.owned {
		tops = append(tops, o)
	}
	sort.Strings(tops)
	for _, o := range tops {
		if o == "" {
			continue
		}
		k := lkind(filepath.Join(b.dir, o))
		b.kinds[o] = k
		switch k {
		case kNone:
			if hasFiles[o] && !b.w.beside {
				b.fresh[o] = true
			}
		case kDir:
			b.verified[o] = true
		case kLink:
			// A site folder that is a link could lead the build's files,
			// and its removals, anywhere.
			b.links = append(b.links, o)
		default:
			if hasFiles[o] {
				b.conflicts = append(b.conflicts, o)
			}
		}
	}
	if b.listAll {
		if err := b.list(tops); err != nil {
			return err
		}
	} else {
		b.checkKnown(tops)
	}
	b.plans = make([]plan, len(b.paths))
	for i, p := range b.paths {
		top := topOf(p)
		if b.fresh[top] {
			b.plans[i] = planFresh
			continue
		}
		if top != "" && b.kinds[top] != kDir && b.kinds[top] != kNone {
			continue // refused above
		}
		if b.blocked(path.Dir(p)) {
			continue
		}
		k := b.at(p, !b.mine(p))
		switch {
		case k == kDir || k == kOther:
			b.conflicts = append(b.conflicts, p)
		case b.mine(p):
			b.plans[i] = planOwned
		case k == kNone:
			b.plans[i] = planNew
		case k == kFile:
			b.plans[i] = planAdopt
		default:
			b.conflicts = append(b.conflicts, p) // someone's link
		}
	}
	return nil
}

// at returns what is at p: as listed, or looked at now when look is set
// (otherwise nothing is assumed).
func (b *build) at(p string, look bool) kind {
	if k, ok := b.kinds[p]; ok || b.listAll || !look {
		return k
	}
	k := lkind(filepath.Join(b.dir, filepath.FromSlash(p)))
	b.kinds[p] = k
	return k
}

// blocked reports whether the folder d (slash path, "." for dir) cannot
// take files: it, or a folder above it, is a file or a link. Missing
// folders are made when writing.
func (b *build) blocked(d string) bool {
	if ok, seen := b.verified[d]; seen {
		return !ok
	}
	bad := false
	switch b.at(d, true) {
	case kNone:
		return b.blocked(path.Dir(d)) // made when writing; not remembered
	case kDir:
		bad = b.blocked(path.Dir(d))
	case kLink:
		b.links = append(b.links, d)
		bad = true
	default:
		b.conflicts = append(b.conflicts, d)
		bad = true
	}
	b.verified[d] = !bad // each folder reported once
	return bad
}

// checkKnown looks at every folder the manifest knows below the owned
// folders (one system call each, on all cores): a folder of bti's that
// has become a link is refused.
func (b *build) checkKnown(tops []string) {
	var dirs []string
	for _, o := range tops {
		if o == "" || b.kinds[o] != kDir {
			continue
		}
		for _, d := range foldersOf(b.man.folders[o]) {
			if d != o {
				dirs = append(dirs, d)
			}
		}
	}
	kinds := make([]kind, len(dirs))
	parallel.Do(len(dirs), func(i int) { kinds[i] = lkind(filepath.Join(b.dir, filepath.FromSlash(dirs[i]))) })
	bad := map[string]bool{}
	for i, d := range dirs { // parents first
		b.kinds[d] = kinds[i]
		if bad[path.Dir(d)] {
			bad[d] = true
			continue
		}
		switch kinds[i] {
		case kDir:
			if b.verified[path.Dir(d)] {
				b.verified[d] = true
			}
		case kLink:
			b.links = append(b.links, d)
			bad[d] = true
		}
	}
}

// list reads the owned folders that exist, all the way down without
// following links (one directory read per folder, the folders on all
// cores), and finds the temporary files a killed build left beside bti's.
func (b *build) list(tops []string) error {
	type listing struct {
		kinds map[string]kind
		err   error
	}
	lists := make([]listing, len(tops))
	parallel.Do(len(tops), func(i int) {
		o := tops[i]
		l := &lists[i]
		l.kinds = map[string]kind{}
		if o != "" && b.kinds[o] != kDir {
			return
		}
		var walk func(rel string)
		walk = func(rel string) {
			f, err := os.Open(filepath.Join(b.dir, filepath.FromSlash(rel)))
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) && l.err == nil {
					l.err = err
				}
				return
			}
			entries, err := f.ReadDir(-1)
			f.Close()
			if err != nil && l.err == nil {
				l.err = err
			}
			for _, e := range entries {
				p := e.Name()
				if rel != "" {
					p = rel + "/" + p
				}
				k := kindOfType(e.Type())
				l.kinds[p] = k
				if k == kDir && o != "" {
					walk(p) // the top's own folders are owned folders, or not the build's
				}
			}
		}
		walk(o)
	})
	for _, l := range lists {
		if l.err != nil {
			return l.err
		}
		for p, k := range l.kinds {
			if _, ok := b.kinds[p]; !ok { // the owned folders were looked at already
				b.kinds[p] = k
			}
		}
	}
	// Real folders, all the way up.
	var dirs []string
	for p, k := range b.kinds {
		if k == kDir && strings.Contains(p, "/") {
			dirs = append(dirs, p)
		}
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		if b.verified[path.Dir(d)] {
			b.verified[d] = true
		}
	}
	// Temporary files beside bti's files (or the tree's) are bti's.
	tmps := map[string]bool{}
	if b.man != nil {
		for f := range b.man.owns {
			tmps[tmpBeside(f)] = true
		}
	}
	for _, p := range b.paths {
		tmps[tmpBeside(p)] = true
	}
	for p, k := range b.kinds {
		if k == kFile && strings.HasPrefix(path.Base(p), tmpPrefix) && tmps[p] {
			b.leftovers = append(b.leftovers, p)
		}
	}
	sort.Strings(b.leftovers)
	return nil
}

// compare reads, where it must, whether each file holds its new bytes
// already (the manifest's stamps spare reading unchanged files), and
// whether a file bti did not write that is where one of its own goes
// holds the same bytes (then it is taken over) or is in the way. It
// changes nothing on disk.
func (b *build) compare() error {
	n := len(b.paths)
	b.outs = make([]outcome, n)
	b.stamps = make([]stamp, n)
	each(n, func(i int) error {
		p := b.paths[i]
		data := b.tree[p]
		name := filepath.Join(b.dir, filepath.FromSlash(p))
		switch b.plans[i] {
		case planFresh, planNew:
			b.outs[i] = outWrite
		case planOwned:
			fi, err := os.Lstat(name)
			switch {
			case err != nil:
				b.outs[i] = outWrite
			case fi.IsDir():
				b.inTheWay(p)
			default:
				if rec := b.man.stamp(p); rec != nil && rec.matches(data) && rec.on(fi) {
					b.outs[i], b.stamps[i] = outUnchanged, *rec
				} else if fi.Mode().IsRegular() {
					if fi, ok := same(name, data); ok {
						b.outs[i], b.stamps[i] = outUnchanged, stampOf(fi, data)
						break
					}
					b.outs[i] = outWrite
				} else {
					b.outs[i] = outWrite // a link or such in bti's place: replaced, never followed
				}
			}
		case planAdopt:
			if fi, ok := same(name, data); ok && fi.Mode().IsRegular() {
				b.outs[i], b.stamps[i] = outUnchanged, stampOf(fi, data)
			} else {
				b.inTheWay(p)
			}
		}
		return nil
	})
	for _, o := range b.outs {
		switch o {
		case outWrite:
			b.writes++
		case outUnchanged:
			b.stats.Unchanged++
		}
	}
	return nil
}

func (b *build) inTheWay(p string) {
	b.mu.Lock()
	b.conflicts = append(b.conflicts, p)
	b.mu.Unlock()
}

// stale lists bti's files in the owned folders that the tree no longer
// holds (and that may be there: listed, or recorded).
func (b *build) stale() []string {
	if b.man == nil {
		return nil
	}
	var out []string
	for o := range b.owned {
		for _, f := range b.man.folders[o] {
			if _, keep := b.tree[f]; keep {
				continue
			}
			if b.listAll {
				if k := b.kinds[f]; k != kFile && k != kLink {
					continue // not there
				}
			}
			if b.underNonFolder(f) {
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
func (b *build) underNonFolder(p string) bool {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if k, ok := b.kinds[d]; ok && k != kDir && k != kNone {
			return true
		}
	}
	return false
}

// record is the manifest after the build (journal false), or the journal
// to write before changing anything: what the last build recorded and
// every file this one will write.
func (b *build) record(notes map[string]string, journal bool) *record {
	r := newRecord()
	if b.man != nil {
		for o := range b.man.folders {
			if !b.owned[o] || journal {
				r.keep(b.man, o)
			}
		}
		for o, n := range b.man.notes {
			if !b.owned[o] || journal {
				r.notes[o] = n
			}
		}
	}
	has := map[string]bool{}
	for i, p := range b.paths {
		has[topOf(p)] = true
		switch {
		case b.outs[i] == outUnchanged || (!journal && b.outs[i] == outWrite):
			st := b.stamps[i]
			r.add(p, &st)
		case journal && b.outs[i] == outWrite:
			r.add(p, b.man.stamp(p)) // valid only while the old version is there
		}
	}
	for o := range b.owned {
		if n, ok := notes[o]; ok && has[o] {
			r.notes[o] = n
		} else if b.man != nil && has[o] {
			if n, ok := b.man.notes[o]; ok {
				r.notes[o] = n
			}
		}
		if has[o] && r.folders[o] == nil {
			r.folders[o] = map[string]bool{}
		}
	}
	return r
}
