package pdf

import "strings"

// textflow.go: text wrapped into lines and written on pages, with
// widows and orphans kept away, links made clickable and spaces drawn
// where the words break.

// word is a piece of text in one style, for wrapping.
type word struct {
	text   string
	bold   bool
	link   string
	linkNo int
	glued  bool // no space before it: it continues the word before (a full stop after a link)
}

func words(spans []Span) []word {
	var out []word
	endedSpace := true
	for _, s := range spans {
		fields := strings.Fields(s.Text)
		if strings.HasPrefix(s.Link, "tel:") && len(fields) > 1 {
			// A phone number never breaks: "00 00 00 00" is one word.
			fields = []string{strings.Join(fields, " ")}
		}
		for i, f := range fields {
			// A span that continues a word (punctuation after bold text)
			// is glued onto it.
			glued := i == 0 && len(out) > 0 && !endedSpace && !startsWithSpace(s.Text)
			if glued && out[len(out)-1].linkNo == s.LinkNo {
				out[len(out)-1].text += f
				continue
			}
			out = append(out, word{text: f, bold: s.Bold, link: s.Link, linkNo: s.LinkNo, glued: glued})
		}
		if s.Text != "" {
			last := s.Text[len(s.Text)-1]
			endedSpace = last == ' ' || last == '\n' || last == '\t'
		}
	}
	return out
}

func startsWithSpace(s string) bool { return s != "" && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t') }

// lines wraps words into lines no wider than width at size.
func (w *writer) lines(ws []word, width, size float64) [][]word {
	var out [][]word
	var cur []word
	lineW := 0.0
	f := w.c.fonts
	space := f[0].face.width(" ", size)
	for _, wd := range ws {
		ww := f[b2i(wd.bold)].face.width(wd.text, size)
		sp := 0.0
		if len(cur) > 0 && !wd.glued {
			sp = space
		}
		if len(cur) > 0 && lineW+sp+ww > width && !wd.glued {
			out = append(out, cur)
			cur, lineW, sp = nil, 0, 0
		}
		cur = append(cur, wd)
		lineW += sp + ww
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// text flows styled text into the element e at x within width, from the
// cursor, keeping at least two lines of it together at the foot of a
// page and at the head of the next.
func (w *writer) text(e *elem, spans []Span, x, width, size, lead float64) {
	w.flow(e, w.lines(words(spans), width, size), x, size, lead)
}

// flow writes wrapped lines: a paragraph of up to three lines is never
// split; a longer one leaves no single line behind on either page.
func (w *writer) flow(e *elem, lines [][]word, x, size, lead float64) {
	links := map[int]*elem{}
	texts := linkTexts(lines)
	for i := 0; i < len(lines); {
		fit := int((bottom - w.y + 0.01) / lead)
		rest := len(lines) - i
		if rest > fit {
			k := min(fit, rest-2)
			if k < 2 || (i == 0 && len(lines) <= 3) {
				if w.y > top+0.01 { // not at the top of a page already
					w.page()
					continue
				}
				k = max(fit, 1)
			}
			for _, l := range lines[i : i+k] {
				w.line(e, links, texts, l, x, size, lead, true)
			}
			i += k
			w.page()
			continue
		}
		for j, l := range lines[i:] {
			w.line(e, links, texts, l, x, size, lead, i+j+1 < len(lines))
		}
		break
	}
}

// line writes one line of words: the words of one style and link go out
// as one piece of text; a link's pieces belong to a Link element inside
// e, with an annotation over each. A line that more lines follow ends in
// a space, so that the text read out of the page has a space where the
// line broke.
func (w *writer) line(e *elem, links map[int]*elem, texts map[int]string, line []word, x, size, lead float64, more bool) {
	c := w.c
	cx := x
	base := w.y + lead*0.75
	for i := 0; i < len(line); {
		j := i
		var run strings.Builder
		for j < len(line) && line[j].bold == line[i].bold && line[j].linkNo == line[i].linkNo {
			if j > i && !line[j].glued {
				run.WriteByte(' ')
			}
			run.WriteString(line[j].text)
			j++
		}
		c.setFont(line[i].bold, size)
		// The space between two runs is drawn, so that it is in the text
		// read out of the page: at the end of a run of plain text, at the
		// start of a run after a link (a link's text has no spaces around).
		pre := ""
		if i > 0 && !line[i].glued && line[i-1].linkNo > 0 {
			pre = " "
		}
		s := pre + run.String()
		if j < len(line) && !line[j].glued && line[i].linkNo == 0 || more && j == len(line) {
			s += " "
		}
		target := e
		if no := line[i].linkNo; no > 0 {
			l, ok := links[no]
			if !ok {
				l = e.add("Link")
				links[no] = l
			}
			target = l
		}
		if target != nil { // nil: what is drawn keeps the current mark (an artifact)
			c.tag(target)
		}
		c.text(cx, base, s)
		if line[i].linkNo > 0 {
			c.link(target, line[i].link, 0, texts[line[i].linkNo], cx, w.y, c.width(s), lead)
		}
		cx += c.width(s)
		i = j
	}
	w.y += lead
}

// linkTexts are the texts of the links of lines, by number, for their
// annotations' descriptions (a link that wraps has one on each line).
func linkTexts(lines [][]word) map[int]string {
	out := map[int]string{}
	for _, l := range lines {
		for _, wd := range l {
			if wd.linkNo > 0 {
				if t := out[wd.linkNo]; t != "" && !wd.glued {
					out[wd.linkNo] = t + " " + wd.text
				} else {
					out[wd.linkNo] = t + wd.text
				}
			}
		}
	}
	return out
}
