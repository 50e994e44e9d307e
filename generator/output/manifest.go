package output

import (
	"bufio"
	"bytes"
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

// The manifest, <dir>.bti-manifest beside the output folder, lists the
// files each owned folder held after the last build, so that the next
// build need not read every folder to know (on 50 sites, 6,000 folders
// and a tenth of a warm build). It is removed before a build changes
// anything and written again when the build is done, so a build that is
// killed leaves none, and the next build lists the folders itself.
// It also records each folder's time after the build: a folder whose time
// differs at the next build was changed by someone else (a file put in or
// taken out), and is read again, so such files are found and, like any
// file the build does not make, removed.

// manifestHeader is the first line of a manifest of this format.
const manifestHeader = "bti-manifest 3"

func manifestPath(dir string) string { return filepath.Clean(dir) + ".bti-manifest" }

// stamp is what the manifest knows of a file: its size, its modification
// time and a checksum of its bytes. A new version of the file with the
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

// manifest is what the last build recorded: the files of each owned
// folder, with their stamps.
type manifest struct {
	folders map[string][]string
	stamps  map[string]stamp
	dirs    map[string]int64 // the time of each folder ("" the output folder) after the build
}

// lists returns the files of each owned folder, or nil without a manifest.
func (m *manifest) lists() map[string][]string {
	if m == nil {
		return nil
	}
	return m.folders
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

// readManifest returns what the last build left, or nil when there is
// no manifest of this format. A line is "path size mtime sum" (tab-separated;
// paths have no tabs: they are URL paths).
func readManifest(dir string) *manifest {
	data, err := os.ReadFile(manifestPath(dir))
	if err != nil || !bytes.HasPrefix(data, []byte(manifestHeader+"\n")) {
		return nil
	}
	m := &manifest{folders: map[string][]string{}, stamps: map[string]stamp{}, dirs: map[string]int64{}}
	cur, in := "", false
	for _, line := range strings.Split(string(data[len(manifestHeader)+1:]), "\n") {
		if d, ok := strings.CutPrefix(line, "/ "); ok {
			p, t, _ := strings.Cut(d, "\t")
			mtime, err := strconv.ParseInt(t, 10, 64)
			if err != nil {
				return nil
			}
			m.dirs[p] = mtime
			continue
		}
		if o, ok := strings.CutPrefix(line, "== "); ok {
			cur, in = o, true
			if m.folders[cur] == nil {
				m.folders[cur] = []string{}
			}
			continue
		}
		if !in || line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil // not written by us: list the folders instead
		}
		size, err1 := strconv.ParseInt(f[1], 10, 64)
		mtime, err2 := strconv.ParseInt(f[2], 10, 64)
		sum, err3 := strconv.ParseUint(f[3], 16, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil
		}
		m.folders[cur] = append(m.folders[cur], f[0])
		m.stamps[f[0]] = stamp{size: size, mtime: mtime, sum: sum}
	}
	return m
}

// ownerOf returns the owned folder that holds p ("" for the root's own
// files), and whether there is one.
func ownerOf(p string, owned map[string]bool) (string, bool) {
	top, _, ok := strings.Cut(p, "/")
	if !ok {
		top = ""
	}
	return top, owned[top]
}

// foldersOf returns the owned folder o ("" for the output folder itself)
// and every folder below it that holds one of files, parents first.
func foldersOf(o string, files []string) []string {
	seen := map[string]bool{o: true}
	out := []string{o}
	for _, f := range files {
		for d := path.Dir(f); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

// writeManifest records the files this build wrote or left under each
// owned folder, with their stamps, and the times of their folders (taken
// from seen where it has them, else read), and keeps what old recorded
// for the folders this build did not own.
func writeManifest(dir string, owned []string, written map[string]stamp, old *manifest, seen map[string]int64) error {
	isOwned := map[string]bool{}
	lists := map[string][]string{}
	stamps := map[string]stamp{}
	for _, o := range owned {
		isOwned[o] = true
		lists[o] = []string{}
	}
	for p, st := range written {
		if o, ok := ownerOf(p, isOwned); ok {
			lists[o] = append(lists[o], p)
			stamps[p] = st
		}
	}
	if old != nil {
		for o, files := range old.folders {
			if !isOwned[o] {
				lists[o] = files
				for _, f := range files {
					stamps[f] = old.stamps[f]
				}
			}
		}
	}
	names := make([]string, 0, len(lists))
	for o := range lists {
		names = append(names, o)
	}
	sort.Strings(names)
	// The folders' times now, after every write: a folder whose time
	// differs at the next build was changed by someone else.
	dirTimes := map[string]int64{}
	for _, o := range owned {
		for _, d := range foldersOf(o, lists[o]) {
			if t, ok := seen[d]; ok {
				dirTimes[d] = t
			} else if fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(d))); err == nil {
				dirTimes[d] = fi.ModTime().UnixNano()
			}
		}
	}
	if old != nil {
		for d, t := range old.dirs {
			if o, _, _ := strings.Cut(d, "/"); !isOwned[o] && !(d == "" && isOwned[""]) {
				if _, ok := dirTimes[d]; !ok {
					dirTimes[d] = t
				}
			}
		}
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	w.WriteString(manifestHeader + "\n")
	for _, o := range names {
		files := lists[o]
		sort.Strings(files)
		w.WriteString("== " + o + "\n")
		for _, f := range files {
			st := stamps[f]
			fmt.Fprintf(w, "%s\t%d\t%d\t%x\n", f, st.size, st.mtime, st.sum)
		}
	}
	dirNames := make([]string, 0, len(dirTimes))
	for d := range dirTimes {
		dirNames = append(dirNames, d)
	}
	sort.Strings(dirNames)
	for _, d := range dirNames {
		fmt.Fprintf(w, "/ %s\t%d\n", d, dirTimes[d])
	}
	w.Flush()
	tmp := manifestPath(dir) + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, manifestPath(dir))
}
