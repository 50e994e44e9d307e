package output

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The manifest, <dir>.bti-manifest beside the output folder, is the
// record of which files bti wrote there: nothing else in the folder is
// ever removed or replaced. It lists, by owned folder, every file a build
// wrote or left, with a stamp (size, time, checksum) so that a rebuild
// need not read unchanged files, and a note per folder for later builds
// (the name of each municipality, for the root list of a subset build).
//
// A build never leaves the folder without a true record. Before it
// changes anything it replaces the manifest, atomically, by a journal:
// the old record plus every file it is about to write. A build killed
// after that leaves the journal, which still names every file of bti's
// in the folder (the old ones and the new ones, and the temporary files
// beside them); the next build trusts none of the journal's stamps of
// folders it lists again, and ends with a complete manifest once more.
//
// A file made from sources whose key the build knows (a PDF: pdf.Job.Key)
// has the key as a fifth field of its line: a later build whose job has
// the same key keeps the file, without making it, while the file still
// has its stamp (Session.Reuse). A bti of format 4 that knows no keys
// reads such a line as a file of its own whose stamp it does not know.

// The first line of a manifest: this format, and the one before it (no
// notes, no journal; read as a complete record).
const (
	manifestMagic    = "bti-manifest "
	manifestHeader   = manifestMagic + "4"
	manifestHeaderV3 = manifestMagic + "3"
)

func manifestPath(dir string) string { return filepath.Clean(dir) + ".bti-manifest" }

// stamp is what the manifest knows of a file: its size, its modification
// time and a checksum of its bytes (and, for a file made from sources
// whose key the build knows, such as a PDF, that key; see Session.Reuse). A new version of the file with the
// same size and checksum, over a file on disk with that size and time, is
// taken to be unchanged without reading it (as git takes files whose
// stat is unchanged). The checksum is two hardware-assisted CRC-32s.
type stamp struct {
	size  int64
	mtime int64 // Unix nanoseconds
	sum   uint64
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func checksum(data []byte) uint64 {
	return uint64(crc32.Checksum(data, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(data))
}

func stampOf(fi fs.FileInfo, data []byte) stamp {
	return stamp{size: fi.Size(), mtime: fi.ModTime().UnixNano(), sum: checksum(data)}
}

// matches reports whether data is what the stamped file held.
func (s *stamp) matches(data []byte) bool {
	return s.size == int64(len(data)) && s.sum == checksum(data)
}

// on reports whether fi is the stamped file, untouched since.
func (s *stamp) on(fi fs.FileInfo) bool {
	return fi.Mode().IsRegular() && fi.Size() == s.size && fi.ModTime().UnixNano() == s.mtime
}

// Key identifies what a made file (a PDF) was made from: equal keys make
// equal bytes (pdf.Job.Key).
type Key = [32]byte

// manifest is what the last build recorded.
type manifest struct {
	folders map[string][]string // owned folder -> the files bti wrote there
	owns    map[string]bool     // every file of folders
	stamps  map[string]stamp    // the files whose stamp is known
	keys    map[string]Key      // the stamped files made from a known key
	notes   map[string]string   // owned folder -> its note
	// journal: the build that wrote this was killed (or failed) before
	// it finished; files of its folders may be in either version, and
	// temporary files may be left beside them.
	journal bool
	// legacy: written by a bti (format 3) that did not record the
	// shared assets/ folder at the top, which it wrote all the same.
	legacy bool
	raw    []byte // the file as read
}

func newManifest() *manifest {
	return &manifest{folders: map[string][]string{}, owns: map[string]bool{}, stamps: map[string]stamp{}, keys: map[string]Key{}, notes: map[string]string{}}
}

// stamp returns the stamp of the file p, or nil.
func (m *manifest) stamp(p string) *stamp {
	if m == nil {
		return nil
	}
	if s, ok := m.stamps[p]; ok {
		return &s
	}
	return nil
}

// key returns the key the file p was made from, when recorded.
func (m *manifest) key(p string) *Key {
	if m == nil {
		return nil
	}
	if k, ok := m.keys[p]; ok {
		return &k
	}
	return nil
}

// owned reports whether the manifest says bti wrote p.
func (m *manifest) owned(p string) bool { return m != nil && m.owns[p] }

// errForeignManifest: the manifest's place holds something bti did not
// write.
var errForeignManifest = errors.New("not a bti manifest")

// readManifest returns what the last build left: nil when there is no
// manifest, errForeignManifest when a file (or folder) of that name is
// not one of bti's manifests.
func readManifest(dir string) (*manifest, error) {
	data, err := os.ReadFile(manifestPath(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		if fi, serr := os.Lstat(manifestPath(dir)); serr == nil && !fi.Mode().IsRegular() {
			return nil, errForeignManifest
		}
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(manifestMagic)) {
		return nil, errForeignManifest
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	m := newManifest()
	m.raw = data
	switch head := string(first); head {
	case manifestHeaderV3:
		m.legacy = true
	case manifestHeader + " complete":
	case manifestHeader + " journal":
		m.journal = true
	default:
		// Another version of bti's, whose record this one cannot read:
		// as if there were none (Force takes the folder over).
		return nil, nil
	}
	cur, in := "", false
	for _, line := range strings.Split(string(rest), "\n") {
		if line == "" || strings.HasPrefix(line, "/ ") {
			continue // format 3's folder times
		}
		if o, ok := strings.CutPrefix(line, "== "); ok {
			cur, in = o, true
			if m.folders[cur] == nil {
				m.folders[cur] = []string{}
			}
			continue
		}
		if !in {
			continue
		}
		if n, ok := strings.CutPrefix(line, "@ "); ok {
			if s, err := strconv.Unquote(n); err == nil {
				m.notes[cur] = s
			}
			continue
		}
		f := strings.Split(line, "\t")
		if !fs.ValidPath(f[0]) {
			continue
		}
		m.folders[cur] = append(m.folders[cur], f[0])
		m.owns[f[0]] = true
		if len(f) != 4 && len(f) != 5 {
			continue // owned, stamp unknown (a journal's new file)
		}
		size, err1 := strconv.ParseInt(f[1], 10, 64)
		mtime, err2 := strconv.ParseInt(f[2], 10, 64)
		sum, err3 := strconv.ParseUint(f[3], 16, 64)
		if err1 == nil && err2 == nil && err3 == nil {
			m.stamps[f[0]] = stamp{size: size, mtime: mtime, sum: sum}
			// The fifth field: the key of what the file was made from.
			var k Key
			if len(f) == 5 && len(f[4]) == 2*len(k) {
				if _, err := hex.Decode(k[:], []byte(f[4])); err == nil {
					m.keys[f[0]] = k
				}
			}
		}
	}
	return m, nil
}

// topOf returns the folder at the top of p ("" for a file at the top).
func topOf(p string) string {
	top, _, ok := strings.Cut(p, "/")
	if !ok {
		return ""
	}
	return top
}

// foldersOf returns the folders below dir that hold one of files (not ""),
// parents first.
func foldersOf(files []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		for d := path.Dir(f); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

// record is a manifest to write: the files of each folder, with the
// stamps known, and the notes.
type record struct {
	folders map[string]map[string]bool
	stamps  map[string]stamp
	keys    map[string]Key
	notes   map[string]string
}

func newRecord() *record {
	return &record{folders: map[string]map[string]bool{}, stamps: map[string]stamp{}, keys: map[string]Key{}, notes: map[string]string{}}
}

// add records the file p as bti's, with its stamp when st is not nil and
// the key it was made from when key is not nil (a key is kept only with
// a stamp: it says what the stamped bytes were made from).
func (r *record) add(p string, st *stamp, key *Key) {
	o := topOf(p)
	if r.folders[o] == nil {
		r.folders[o] = map[string]bool{}
	}
	r.folders[o][p] = true
	if st != nil {
		r.stamps[p] = *st
	} else {
		delete(r.stamps, p)
	}
	if st != nil && key != nil {
		r.keys[p] = *key
	} else {
		delete(r.keys, p)
	}
}

// keep copies what m recorded of folder o.
func (r *record) keep(m *manifest, o string) {
	if m == nil {
		return
	}
	if _, ok := m.folders[o]; ok && r.folders[o] == nil {
		r.folders[o] = map[string]bool{}
	}
	for _, f := range m.folders[o] {
		r.add(f, m.stamp(f), m.key(f))
	}
	if n, ok := m.notes[o]; ok {
		r.notes[o] = n
	}
}

// bytes is the manifest's text: a journal, or the complete record.
func (r *record) bytes(journal bool) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	w.WriteString(manifestHeader)
	if journal {
		w.WriteString(" journal\n")
	} else {
		w.WriteString(" complete\n")
	}
	names := make([]string, 0, len(r.folders))
	for o := range r.folders {
		names = append(names, o)
	}
	for o := range r.notes {
		if r.folders[o] == nil {
			names = append(names, o)
		}
	}
	sort.Strings(names)
	for _, o := range names {
		w.WriteString("== " + o + "\n")
		if n, ok := r.notes[o]; ok {
			w.WriteString("@ " + strconv.Quote(n) + "\n")
		}
		files := make([]string, 0, len(r.folders[o]))
		for f := range r.folders[o] {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			if st, ok := r.stamps[f]; ok {
				fmt.Fprintf(w, "%s\t%d\t%d\t%x", f, st.size, st.mtime, st.sum)
				if k, ok := r.keys[f]; ok {
					fmt.Fprintf(w, "\t%x", k[:])
				}
				w.WriteString("\n")
			} else {
				w.WriteString(f + "\n")
			}
		}
	}
	w.Flush()
	return b.Bytes()
}

// writeManifestFile replaces the manifest with data atomically: written
// beside it and renamed over it, so that it is always the old record or
// the new one.
func writeManifestFile(dir string, data []byte) error {
	tmp := manifestPath(dir) + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = writeData(f, data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, manifestPath(dir))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// Notes returns the note each folder of dir was last built with (see
// Options.Notes), or nil when dir has no manifest.
func Notes(dir string) map[string]string {
	m, err := readManifest(dir)
	if err != nil || m == nil {
		return nil
	}
	return m.notes
}

// Folders returns the folders that dir's manifest records files of ("" for
// the files at the top), sorted, or nil when dir has no manifest.
func Folders(dir string) []string {
	m, err := readManifest(dir)
	if err != nil || m == nil {
		return nil
	}
	out := make([]string, 0, len(m.folders))
	for o := range m.folders {
		out = append(out, o)
	}
	sort.Strings(out)
	return out
}
