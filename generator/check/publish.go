package check

import (
	"path"
	"strconv"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/safefile"
)

// maxImage is the largest image a page shows without a warning: a phone
// on a slow connection waits for what is larger.
const maxImage = 500 * 1000

// kilobytes writes a size as people read it: "740 kB".
func kilobytes(n int64) string { return strconv.FormatInt((n+500)/1000, 10) + " kB" }

// publish records that the site publishes the file src (a path from the
// project's root) as it is, below /filer/, once it has checked that it
// may: its name hides nothing, its type is one the site publishes (an
// image, where image is true), and an SVG holds nothing that runs or
// loads from elsewhere. What does not hold is reported at pos, where the
// file is referenced. It returns the path below /filer/.
func publish(m *model.Municipality, src string, pos diag.Pos, image bool, l *diag.List) (string, bool) {
	name := path.Base(src)
	switch {
	case diag.Clean(src) != src:
		l.Report(pos, hiddenInName, "file", src)
		return "", false
	case image && !safefile.Image(name):
		l.Report(pos, notAnImage, "file", name)
		return "", false
	case !safefile.Allowed(name):
		l.Report(pos, notPublished, "ext", strings.ToLower(path.Ext(name)), "types", safefile.Types())
		return "", false
	}
	if f, bad := m.Unsafe[src]; bad && f.Kind == safefile.Disguised {
		l.Report(pos, disguised, "file", src, "ext", strings.ToLower(path.Ext(name)), "found", f.Detail)
		return "", false
	} else if bad {
		l.Report(pos, unsafeSVG, "file", src, "found", diag.P(diag.Phrase("svg."+f.Kind), "detail", f.Detail))
		return "", false
	}
	pub := publishPath(m, src)
	m.Published[pub] = src
	return pub, true
}
