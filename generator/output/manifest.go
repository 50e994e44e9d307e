package output

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The manifest, <dir>.bti-manifest beside the output folder, lists the
// files each owned folder held after the last build, so that the next
// build need not read every folder to know (on 50 sites, 6,000 folders
// and a tenth of a warm build). It is removed before a build changes
// anything and written again when the build is done, so a build that is
// killed leaves none, and the next build lists the folders itself.
// Files someone else put into an owned folder after the last build are
// therefore not seen, and left alone.

// manifestHeader is the first line of a manifest of this format.
const manifestHeader = "bti-manifest 1"

func manifestPath(dir string) string { return filepath.Clean(dir) + ".bti-manifest" }

// readManifest returns the files of each owned folder as the last build
// left them, or nil when there is no manifest of this format.
func readManifest(dir string) map[string][]string {
	data, err := os.ReadFile(manifestPath(dir))
	if err != nil || !bytes.HasPrefix(data, []byte(manifestHeader+"\n")) {
		return nil
	}
	out := map[string][]string{}
	cur, in := "", false
	for _, line := range strings.Split(string(data[len(manifestHeader)+1:]), "\n") {
		if o, ok := strings.CutPrefix(line, "== "); ok {
			cur, in = o, true
			if out[cur] == nil {
				out[cur] = []string{}
			}
			continue
		}
		if in && line != "" {
			out[cur] = append(out[cur], line)
		}
	}
	return out
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

// writeManifest records the files of tree under each owned folder, and
// keeps what old recorded for folders this build did not own.
func writeManifest(dir string, tree Tree, owned []string, old map[string][]string) error {
	isOwned := map[string]bool{}
	lists := map[string][]string{}
	for _, o := range owned {
		isOwned[o] = true
		lists[o] = []string{}
	}
	for p := range tree {
		if o, ok := ownerOf(p, isOwned); ok {
			lists[o] = append(lists[o], p)
		}
	}
	for o, files := range old {
		if !isOwned[o] {
			lists[o] = files
		}
	}
	names := make([]string, 0, len(lists))
	for o := range lists {
		names = append(names, o)
	}
	sort.Strings(names)
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	w.WriteString(manifestHeader + "\n")
	for _, o := range names {
		files := lists[o]
		sort.Strings(files)
		w.WriteString("== " + o + "\n")
		for _, f := range files {
			w.WriteString(f + "\n")
		}
	}
	w.Flush()
	tmp := manifestPath(dir) + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, manifestPath(dir))
}
