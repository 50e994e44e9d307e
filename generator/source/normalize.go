// Package source turns the bytes of a coordinator's file into text the
// other stages can trust: valid UTF-8, "\n" line endings, no byte order
// mark, TOML front matter split from the Markdown body with line numbers
// kept, and TOML decoded into typed values with the position of every key.
//
// Coordinators use Windows editors and paste from Word: a byte order mark
// and CRLF or lone CR line endings are normal input, not mistakes. Invalid
// UTF-8 is a mistake, reported at the line and column of the first bad
// byte.
package source

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/bti-handbook/bti/generator/diag"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Normalize strips a UTF-8 byte order mark and turns CRLF and lone CR line
// endings into LF. It reports invalid UTF-8 at its position in file and
// then returns ok=false: the text of such a file is not used further.
func Normalize(file string, data []byte, l *diag.List) (text []byte, ok bool) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		line, col := LineCol(data, off)
		l.Report(diag.Pos{File: file, Line: line, Col: col}, notUTF8, "byte", fmt.Sprintf("0x%02X", data[off]))
		return nil, false
	}
	if bytes.IndexByte(data, '\r') < 0 {
		return data, true
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				continue // CRLF: keep the LF that follows
			}
			c = '\n' // lone CR (old Mac editors)
		}
		out = append(out, c)
	}
	return out, true
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// LineCol returns the 1-based line and column (in runes) of byte offset off
// in text.
func LineCol(text []byte, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	line = 1 + bytes.Count(text[:off], []byte{'\n'})
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	col = 1 + utf8.RuneCount(text[start:off])
	return line, col
}

// Lines indexes the line starts of a text for fast offset-to-position
// lookups, for files with many positions (Markdown links, headings). It
// remembers the last position it gave, so that positions asked for in
// order along one long line cost the characters between them, not the
// line up to each (a line of 10,000 links is linear, not quadratic). A
// Lines is not safe for concurrent use.
type Lines struct {
	text   []byte
	starts []int
	// The last position given: its line index, offset and column.
	lastLine, lastOff, lastCol int
}

// NewLines indexes text.
func NewLines(text []byte) *Lines {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{text: text, starts: starts, lastLine: -1}
}

// Pos returns the position of byte offset off within file.
func (ls *Lines) Pos(file string, off int) diag.Pos {
	off = min(max(off, 0), len(ls.text))
	lo, hi := 0, len(ls.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ls.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	var col int
	if lo == ls.lastLine && off >= ls.lastOff {
		col = ls.lastCol + utf8.RuneCount(ls.text[ls.lastOff:off])
	} else {
		col = 1 + utf8.RuneCount(ls.text[ls.starts[lo]:off])
	}
	ls.lastLine, ls.lastOff, ls.lastCol = lo, off, col
	return diag.Pos{File: file, Line: lo + 1, Col: col}
}
