package render

import (
	"path"
	"strings"
	"testing"
)

// relURLSplit is the first, plain version of relURL (split both paths,
// drop the common folders, climb the rest), kept to check the faster one.
func relURLSplit(from, target string) string {
	if target == "" || strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") || strings.HasPrefix(target, "tel:") || strings.HasPrefix(target, "#") {
		return target
	}
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	dir := from
	if !strings.HasSuffix(dir, "/") {
		if dir = path.Dir(dir); dir != "/" {
			dir += "/"
		}
	}
	if target == dir {
		if frag != "" {
			return frag
		}
		return "./"
	}
	fromParts := strings.Split(strings.Trim(dir, "/"), "/")
	if dir == "/" {
		fromParts = nil
	}
	toParts := strings.Split(strings.TrimPrefix(target, "/"), "/")
	i := 0
	for i < len(fromParts) && i < len(toParts)-1 && fromParts[i] == toParts[i] {
		i++
	}
	rel := strings.Repeat("../", len(fromParts)-i) + strings.Join(toParts[i:], "/")
	if rel == "" {
		rel = "./"
	}
	return rel + frag
}

func TestRelURL(t *testing.T) {
	cases := []struct{ from, target, want string }{
		{"/", "/", "./"},
		{"/", "/verktoykasse/", "verktoykasse/"},
		{"/barnehage/niva-0/01-bekymring/", "/barnehage/niva-0/02-samtale/", "../02-samtale/"},
		{"/barnehage/niva-0/01-bekymring/", "/verktoykasse/samtykke/", "../../../verktoykasse/samtykke/"},
		{"/barnehage/niva-0/01-bekymring/", "/barnehage/skriv-ut/#trinn-1", "../../skriv-ut/#trinn-1"},
		{"/barnehage/niva-0/", "/barnehage/niva-0/#x", "#x"},
		{"/barnehage/", "/barnehage/niva-0/", "niva-0/"},
		{"/404.html", "/sok/", "sok/"},
		{"/a/b.html", "/a/c/", "c/"},
		{"/a/", "/ab/", "../ab/"},
		{"/ab/", "/a/", "../a/"},
		{"/a/", "https://example.no/", "https://example.no/"},
		{"/a/", "tel:+4700000000", "tel:+4700000000"},
		{"/a/", "#top", "#top"},
		{"/a/b/", "/a/b/c.pdf", "c.pdf"},
		{"/a/b/", "/a/", "../"},
	}
	for _, c := range cases {
		if got := relURL(c.from, c.target); got != c.want {
			t.Errorf("relURL(%q, %q) = %q, want %q", c.from, c.target, got, c.want)
		}
	}
	// Every pair of these paths agrees with the plain version.
	paths := []string{"/", "/a/", "/a/b/", "/a/b/c/", "/ab/", "/a/bc/", "/a/b.html", "/404.html", "/x/y/z.pdf", "/a/b/#f", "/a/#g", "/ab/c/d/"}
	for _, from := range paths {
		if strings.Contains(from, "#") {
			continue
		}
		for _, to := range paths {
			if got, want := relURL(from, to), relURLSplit(from, to); got != want {
				t.Errorf("relURL(%q, %q) = %q, the plain version gives %q", from, to, got, want)
			}
		}
	}
}
