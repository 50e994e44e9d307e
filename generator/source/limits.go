package source

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bti-handbook/bti/generator/diag"
)

// Limits on what a file may hold. Real handbook files are far below
// them (the longest sample document has 150 lines); they exist because
// the Markdown and TOML parsers take more than linear time on some
// pathological input (a line of 128,000 list markers, 256,000 unclosed
// links, inline tables nested 10,000 deep), and bti must answer in well
// under a second on any file, whoever wrote it.
const (
	// MaxFileSize is the largest Markdown or TOML file, in bytes.
	MaxFileSize = 2 << 20
	// MaxLineLength is the longest line, in characters.
	MaxLineLength = 20000
	// MaxLines is the most lines a Markdown file may have.
	MaxLines = 50000
	// MaxIndent is the deepest indentation of a Markdown line, in columns
	// (a tab counts 4): lists nested 100 deep.
	MaxIndent = 200
	// MaxMarkers is the most list or quote markers at the start of one
	// Markdown line ("- - - - x").
	MaxMarkers = 20
	// MaxBrackets is the most [ a Markdown file may have (links,
	// images, checkboxes).
	MaxBrackets = 10000
	// MaxMarkup is the most * _ | < and ` a Markdown file may have
	// (emphasis, form lines, tables, HTML, code): a form with 100 fields
	// and a table of 20 columns and 100 rows has about 2,500.
	MaxMarkup = 10000
	// MaxDepth is the deepest nesting of TOML tables, lists and dotted
	// keys.
	MaxDepth = 20
	// MaxKeys is the most settings (and table headings) a TOML text may
	// have: a municipality.toml with 100 services has about 1,000.
	MaxKeys = 10000
)

// Codes of the limits' messages (generator/diag/messages/source.toml).
const (
	tooLarge      diag.Code = "BTI030"
	lineTooLong   diag.Code = "BTI031"
	tooManyLines  diag.Code = "BTI032"
	nestedTooDeep diag.Code = "BTI033"
	tooManyLinks  diag.Code = "BTI034"
	tomlTooDeep   diag.Code = "BTI035"
	tooManyKeys   diag.Code = "BTI036"
	tooMuchMarkup diag.Code = "BTI037"
)

// TooLarge reports a file of size bytes that is larger than MaxFileSize,
// before it is read, and returns false; otherwise it returns true.
func TooLarge(file string, size int64, l *diag.List) bool {
	if size <= MaxFileSize {
		return false
	}
	l.Report(diag.Pos{File: file}, tooLarge, "size", formatMB(size), "max", formatMB(MaxFileSize))
	return true
}

// formatMB writes a size the Norwegian way: "2,5 MB".
func formatMB(n int64) string {
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " MB"
}

// container matches the list and quote markers at the start of a line.
var container = regexp.MustCompile(`^(?:[ \t]*(?:[-*+>]|[0-9]{1,9}[.)])(?:[ \t]+|$))+`)

// CheckText reports the first place where text (normalized) breaks a
// limit: a line too long, for Markdown (markdown true) too many lines,
// indentation too deep, too many markers on a line or too many
// brackets. It returns false when it reported one; such a file is not
// read further.
func CheckText(file string, text []byte, markdown bool, l *diag.List) bool {
	line, brackets, markup := 1, 0, 0
	for start := 0; start <= len(text); line++ {
		end := bytes.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		cur := text[start:end]
		if len(cur) > MaxLineLength && utf8.RuneCount(cur) > MaxLineLength {
			l.Report(diag.Pos{File: file, Line: line, Col: MaxLineLength + 1}, lineTooLong, "n", utf8.RuneCount(cur), "max", MaxLineLength)
			return false
		}
		if markdown {
			if line > MaxLines {
				l.Report(diag.Pos{File: file, Line: line, Col: 1}, tooManyLines, "max", MaxLines)
				return false
			}
			indent := 0
			for _, c := range cur {
				if c == ' ' {
					indent++
				} else if c == '\t' {
					indent += 4
				} else {
					break
				}
			}
			if indent > MaxIndent {
				l.Report(diag.Pos{File: file, Line: line, Col: 1}, nestedTooDeep, "max", MaxIndent/2)
				return false
			}
			if m := container.Find(cur); m != nil && countMarkers(m) > MaxMarkers {
				l.Report(diag.Pos{File: file, Line: line, Col: 1}, nestedTooDeep, "max", MaxMarkers)
				return false
			}
			for _, c := range cur {
				switch c {
				case '*', '_', '|', '<', '`':
					markup++
				}
			}
			if markup > MaxMarkup {
				l.Report(diag.Pos{File: file, Line: line, Col: 1}, tooMuchMarkup, "max", MaxMarkup)
				return false
			}
			if n := bytes.Count(cur, []byte{'['}); n > 0 {
				brackets += n
				if brackets > MaxBrackets {
					l.Report(diag.Pos{File: file, Line: line, Col: 1}, tooManyLinks, "max", MaxBrackets)
					return false
				}
			}
		}
		if end == len(text) {
			break
		}
		start = end + 1
	}
	return true
}

func countMarkers(m []byte) int {
	n := 0
	for _, f := range bytes.Fields(m) {
		if len(f) > 0 {
			n++
		}
	}
	return n
}

// tomlDepth returns the deepest nesting in TOML text (tables, lists and
// the parts of dotted keys, outside strings and comments) and the line
// it is first reached on beyond limit, or 0.
func tomlDepth(text []byte, limit int) (line int) {
	depth, dots, inKey := 0, 0, true
	ln := 1
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\n':
			ln++
			dots, inKey = 0, true
		case '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
			i--
		case '"', '\'':
			// Skip the string: basic, literal or multi-line.
			q := c
			if i+2 < len(text) && text[i+1] == q && text[i+2] == q {
				end := bytes.Index(text[i+3:], []byte{q, q, q})
				if end < 0 {
					return 0 // unclosed: the parser says so
				}
				ln += bytes.Count(text[i:i+3+end], []byte{'\n'})
				i += 3 + end + 2
				continue
			}
			for i++; i < len(text) && text[i] != q && text[i] != '\n'; i++ {
				if q == '"' && text[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
			dots, inKey = 0, c == '{' || (c == '[' && (i == 0 || text[i-1] == '\n' || text[i-1] == '['))
		case '}', ']':
			depth--
		case ',':
			dots, inKey = 0, true
		case '=':
			dots, inKey = 0, false
		case '.':
			if inKey {
				dots++
			}
		}
		if depth+dots > limit {
			return ln
		}
	}
	return 0
}

// tooManyKeys returns the line of the first setting beyond MaxKeys in
// TOML text, or 0.
func keysBeyond(text string, limit int) int {
	if strings.Count(text, "\n") < limit {
		return 0 // a setting takes a line at least
	}
	locs := keyLine.FindAllStringIndex(text, limit+1)
	if len(locs) <= limit {
		return 0
	}
	return 1 + strings.Count(text[:locs[limit][0]], "\n")
}
