package source

import (
	"bytes"

	"github.com/bti-handbook/bti/generator/diag"
)

// FrontMatter is a Markdown file split into its TOML front matter and body.
type FrontMatter struct {
	// TOML is the text between the +++ lines; nil when the file has none.
	TOML []byte
	// TOMLLine is the line of the file on which the TOML starts (2), so
	// that positions inside it can be mapped back to the file.
	TOMLLine int
	// Body is the Markdown after the closing +++ line, preceded by as many
	// newlines as the front matter took, so that a byte offset in Body has
	// the same line number as in the file.
	Body []byte
	// BodyStart is the byte offset in Body where the real Markdown begins.
	BodyStart int
}

// Split separates TOML front matter between "+++" lines from the Markdown
// body of text (already normalized). A file without front matter is all
// body. A file that opens with "---" (YAML, as in Hugo or Jekyll) or whose
// front matter is never closed gets an error and ok=false.
func Split(file string, text []byte, l *diag.List) (fm FrontMatter, ok bool) {
	first, _, _ := bytes.Cut(text, []byte{'\n'})
	switch string(bytes.TrimRight(first, " \t")) {
	case "+++":
	case "---":
		l.Report(diag.Pos{File: file, Line: 1, Col: 1}, yamlFrontMatter)
		return FrontMatter{}, false
	default:
		return FrontMatter{Body: text}, true
	}
	// Find the closing +++ on a line of its own.
	off := len(first) + 1
	line := 2
	for off <= len(text) {
		end := bytes.IndexByte(text[off:], '\n')
		var cur []byte
		if end < 0 {
			cur = text[off:]
		} else {
			cur = text[off : off+end]
		}
		if string(bytes.TrimRight(cur, " \t")) == "+++" {
			fm.TOML = text[len(first)+1 : off]
			fm.TOMLLine = 2
			bodyOff := off + len(cur)
			if end >= 0 {
				bodyOff++
			}
			pad := bytes.Repeat([]byte{'\n'}, line)
			fm.Body = append(pad, text[bodyOff:]...)
			fm.BodyStart = line
			return fm, true
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	l.Report(diag.Pos{File: file, Line: 1, Col: 1}, frontMatterOpen)
	return FrontMatter{}, false
}
