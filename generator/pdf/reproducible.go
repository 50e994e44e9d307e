package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

var (
	pdfDate = regexp.MustCompile(`D:\d{14}[-+Z][0-9']*`)
	pdfID   = regexp.MustCompile(`/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]`)
)

// reproducible makes the same sources give the same PDF bytes: the
// creation and modification dates become the document's date, and the
// file identifier a hash of the content. Both keep their length, so the
// cross-reference offsets stay right. Unchanged PDFs are then not
// rewritten on disk, and a rebuild can be compared byte for byte.
func reproducible(data []byte, date time.Time) []byte {
	stamp := types.DateString(date.UTC())
	out := pdfDate.ReplaceAllFunc(data, func(m []byte) []byte {
		if len(stamp) == len(m) {
			return []byte(stamp)
		}
		return m
	})
	loc := pdfID.FindSubmatchIndex(out)
	if loc == nil {
		return out
	}
	// Hash the file with the identifier blanked out.
	blank := bytes.Clone(out)
	for _, i := range []int{2, 4} {
		copy(blank[loc[i]:loc[i+1]], bytes.Repeat([]byte{'0'}, loc[i+1]-loc[i]))
	}
	sum := sha256.Sum256(blank)
	for _, i := range []int{2, 4} {
		n := loc[i+1] - loc[i]
		id := strings.ToUpper(hex.EncodeToString(sum[:]))
		for len(id) < n {
			id += id
		}
		copy(out[loc[i]:loc[i+1]], id[:n])
	}
	return out
}
