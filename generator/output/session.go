package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Session writes one build into the output folder part by part (a
// municipality's site at a time), so that a build holds the bytes of the
// parts it is making and nothing more, with every guarantee of WriteWith:
//
//   - Begin refuses, having written nothing, a folder that is not bti's
//     to write (and names bti uses beside it taken by others);
//   - Add compares a part with what is there and writes its new or
//     changed files into the staging folder only: the output folder is
//     not changed, so a build that finds a mistake later, fails, runs
//     out of disk or is killed leaves the previous site as it was;
//   - Commit refuses, still having written nothing in the output folder,
//     when a file of someone else's is in the way; else it writes the
//     journal, renames every staged file into place, removes bti's stale
//     files and writes the complete manifest, as WriteWith does;
//   - Abort throws the staged files away.
//
// Its methods may be called from several goroutines at once, until
// Commit or Abort.
type Session struct {
	dir     string
	staging string
	man     *manifest
	w       *writer
	existed bool
	listAll bool // the manifest is missing, a journal or of the last format: list the owned folders

	mu        sync.Mutex
	owned     map[string]bool
	notes     map[string]string
	surveyed  map[string]bool     // top folders looked at
	hasFiles  map[string]bool     // top folders the build has files in
	kinds     map[string]kind     // what is at a path (listed, or looked at one by one)
	verified  map[string]bool     // folders that are real folders all the way up from dir
	fresh     map[string]bool     // owned folders that do not exist: built whole in staging
	paths     map[string]struct{} // every path of the build
	files     []file
	conflicts []string // someone else's files or folders in the way
	links     []string // symbolic links on the way
	leftovers []string // bti's temporary files left by a killed build
	made      []string // folders made in dir for files beside their places
	failed    error    // staging failed: nothing can be committed
	closed    bool
	stats     Stats
}

// Begin starts writing a build into dir as opts allows (opts.Owned: see
// Options; the folders of the files added are owned too). It returns a
// *RefusedError, having written nothing, when the folder is not bti's to
// write. The session must end with Commit or Abort.
func Begin(dir string, opts Options) (*Session, error) {
	owned := map[string]bool{}
	for _, o := range opts.Owned {
		if o == "" || (fs.ValidPath(o) && !strings.Contains(o, "/") && o != ".") {
			owned[o] = true
		}
	}
	notes := map[string]string{}
	for o, n := range opts.Notes {
		notes[o] = n
	}

	// What is there, and whether it is bti's to write: no change yet.
	// The folder itself is never a link (Clean: "public/" would
	// follow one).
	if fi, err := os.Lstat(filepath.Clean(dir)); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, refuse(DirIsLink, dir, nil)
	}
	man, err := readManifest(dir)
	if errors.Is(err, errForeignManifest) {
		return nil, refuse(ForeignManifest, dir, []string{manifestPath(dir)})
	}
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	existed := true
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		existed = false
	case err != nil:
		return nil, fmt.Errorf("output: %w", err)
	case !fi.IsDir():
		return nil, refuse(NotAFolder, dir, nil)
	}
	if existed && man == nil && !opts.Force {
		if names := someFiles(dir); len(names) > 0 {
			return nil, refuse(NotEmpty, dir, names)
		}
	}
	staging := stagingPath(dir)
	if err := clearStaging(staging); err != nil {
		if errors.Is(err, errForeignManifest) {
			return nil, refuse(ForeignManifest, dir, []string{staging})
		}
		return nil, fmt.Errorf("output: %w", err)
	}
	s := &Session{dir: dir, staging: staging, man: man, existed: existed,
		listAll: man == nil || man.journal || man.legacy,
		owned:   owned, notes: notes, surveyed: map[string]bool{}, hasFiles: map[string]bool{},
		kinds: map[string]kind{}, verified: map[string]bool{".": true}, fresh: map[string]bool{},
		paths: map[string]struct{}{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &WriteError{Err: err}
	}
	fail := func(err error) (*Session, error) {
		removeStaging(staging)
		s.undo()
		return nil, &WriteError{Err: err}
	}
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return fail(err)
	}
	if err := os.WriteFile(filepath.Join(staging, stagingMark), nil, 0o644); err != nil {
		return fail(err)
	}
	s.w = &writer{dir: dir, staging: staging, chmod: needsChmod(staging)}
	if same, known := sameDevice(staging, dir); known && !same {
		s.w.beside = true
	}
	return s, nil
}

// undo removes the output folder when Begin made it and it is still
// empty.
func (s *Session) undo() {
	if !s.existed {
		os.Remove(s.dir)
	}
}

// validPath reports whether p may be a path of the tree.
func validPath(p string) bool {
	return fs.ValidPath(p) && p != "." && !strings.HasPrefix(path.Base(p), tmpPrefix)
}

// Add takes the files of one part of the build (paths relative to the
// output folder; no path twice in a build), with the keys of those made
// from known sources (keys may be nil): it finds what is where they go,
// compares them with it, and writes the new and changed ones into the
// staging folder. The output folder is not changed. An error is a
// *WriteError (staging failed: the session can only be aborted) or an
// invalid path.
func (s *Session) Add(tree Tree, keys map[string]Key) error {
	paths := make([]string, 0, len(tree))
	for p := range tree {
		if !validPath(p) {
			return fmt.Errorf("output: invalid path %q", p)
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errors.New("output: the session is over")
	}
	for _, p := range paths {
		if _, dup := s.paths[p]; dup {
			s.mu.Unlock()
			return fmt.Errorf("output: %s is in two parts of the build", p)
		}
	}
	for _, p := range paths {
		s.paths[p] = struct{}{}
		o := topOf(p)
		s.owned[o] = true
		if err := s.surveyTop(o); err != nil {
			s.failed = err
			s.mu.Unlock()
			return &WriteError{Err: err}
		}
	}
	files := s.plan(paths)
	s.mu.Unlock()

	s.compare(files, tree)
	for i := range files {
		if k, ok := keys[files[i].path]; ok {
			files[i].key = &k
		}
	}

	s.mu.Lock()
	refused := len(s.conflicts) > 0 || len(s.links) > 0 || s.failed != nil
	s.mu.Unlock()
	var err error
	if !refused {
		// Nothing is staged for a build that is refused anyway.
		err = s.stage(files, tree)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.files = append(s.files, files...)
	if err != nil {
		if s.failed == nil {
			s.failed = err
		}
		return &WriteError{Err: err}
	}
	return nil
}

// Reuse reports whether the file at p (a path relative to the output
// folder) that an earlier build made from key is still there, whole and
// as that build wrote it (its manifest's stamp is on it): then it is part
// of this build as it is, and need not be made. A file that Reuse
// declines must be given to Add.
func (s *Session) Reuse(p string, key Key) bool {
	if !validPath(p) {
		return false
	}
	rec, k := s.man.stamp(p), s.man.key(p)
	if rec == nil || k == nil || *k != key {
		return false
	}
	s.mu.Lock()
	o := topOf(p)
	_, dup := s.paths[p]
	ok := !s.closed && s.failed == nil && !dup
	if ok {
		if err := s.surveyTop(o); err != nil {
			s.failed, ok = err, false
		}
	}
	ok = ok && s.mine(p) && (o == "" || s.kinds[o] == kDir) && !s.fresh[o] && !s.blocked(path.Dir(p))
	s.mu.Unlock()
	if !ok {
		return false
	}
	if fi, err := os.Lstat(s.target(p)); err != nil || !rec.on(fi) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.paths[p]; dup || s.closed {
		return false
	}
	s.paths[p] = struct{}{}
	s.owned[o] = true
	s.hasFiles[o] = true
	s.files = append(s.files, file{path: p, plan: planOwned, out: outUnchanged, st: *rec, key: &key})
	return true
}

// Own adds folders to those the build owns (see Options.Owned): until
// Commit, which removes the files of bti's there that the build did not
// have.
func (s *Session) Own(folders ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range folders {
		if o == "" || (fs.ValidPath(o) && !strings.Contains(o, "/") && o != ".") {
			s.owned[o] = true
		}
	}
}

// Note sets the note kept with the owned folder o (see Options.Notes).
func (s *Session) Note(o, note string) {
	s.mu.Lock()
	s.notes[o] = note
	s.mu.Unlock()
}

// Abort ends the session without changing the output folder: the staged
// files go (and the output folder, when Begin made it).
func (s *Session) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	removeStaging(s.staging)
	s.undo()
}

// Commit puts the build into the output folder (see the package
// documentation for the order, which keeps every file whole and the
// manifest true at any moment). It returns a *RefusedError, having
// written nothing, when files of someone else's are in the way or a
// folder is a link, and a *WriteError when writing failed.
func (s *Session) Commit() (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Stats{}, errors.New("output: the session is over")
	}
	s.closed = true
	defer removeStaging(s.staging)
	if s.failed != nil {
		s.undo()
		return Stats{}, &WriteError{Err: s.failed}
	}
	// The owned folders that received no files (a municipality removed
	// from the project) are looked at too: their stale files go.
	var tops []string
	for o := range s.owned {
		tops = append(tops, o)
	}
	sort.Strings(tops)
	for _, o := range tops {
		if err := s.surveyTop(o); err != nil {
			s.undo()
			return Stats{}, fmt.Errorf("output: %w", err)
		}
	}
	s.findLeftovers()
	if len(s.conflicts) > 0 || len(s.links) > 0 {
		s.undo()
		if len(s.links) > 0 {
			return Stats{}, refuse(Link, s.dir, sorted(s.links))
		}
		return Stats{}, refuse(InTheWay, s.dir, sorted(s.conflicts))
	}
	writes := 0
	for i := range s.files {
		switch s.files[i].out {
		case outWrite:
			writes++
		case outUnchanged:
			s.stats.Unchanged++
		}
	}
	stale := s.stale()
	final := s.record(false).bytes(false)
	man := s.man
	if writes == 0 && len(stale) == 0 && len(s.leftovers) == 0 && man != nil && string(man.raw) == string(final) {
		return Stats{Unchanged: len(s.files)}, nil
	}

	// From here on dir changes: first the journal, which names every
	// file bti may have put there whatever moment the build is killed at.
	if writes > 0 || len(stale) > 0 || len(s.leftovers) > 0 {
		if err := writeManifestFile(s.dir, s.record(true).bytes(true)); err != nil {
			s.undo()
			return Stats{}, &WriteError{Err: err}
		}
	}
	if s.w.beside {
		if err := s.placeBeside(); err != nil {
			// Nothing was renamed into dir: the previous site is whole.
			// Its record is put back (should that fail too, on a full
			// disk, the journal names every file of bti's, and the next
			// build lists the folders).
			s.unstage()
			if man != nil {
				writeManifestFile(s.dir, man.raw)
			} else {
				os.Remove(manifestPath(s.dir))
			}
			s.undo()
			return Stats{}, &WriteError{Err: err}
		}
	}
	if err := s.commit(); err != nil {
		return s.stats, &WriteError{Changed: true, Err: err}
	}
	removed, err := s.remove(stale)
	s.stats.Removed = removed
	if err != nil {
		return s.stats, &WriteError{Changed: true, Err: err}
	}
	// The stamps of files written beside their places are known now.
	if err := writeManifestFile(s.dir, s.record(false).bytes(false)); err != nil {
		return s.stats, &WriteError{Changed: true, Err: err}
	}
	return s.stats, nil
}
