package model

import (
	"strings"
	"unicode"
)

// MessageBlock is a paragraph of a commit message, or a list when its
// lines begin with "- ", "* " or "• ".
type MessageBlock struct {
	Text  string
	Items []string
}

// SplitMessage splits a commit message into its subject (the first
// paragraph, on one line) and the rest as paragraphs and lists, as the
// change log, its feed and the change notice show it. Trailers such as
// "Signed-off-by:" at the end are left out.
func SplitMessage(msg string) (string, []MessageBlock) {
	paras := paragraphs(msg)
	if len(paras) == 0 {
		return "", nil
	}
	subject := strings.Join(paras[0], " ")
	paras = paras[1:]
	if n := len(paras); n > 0 && trailers(paras[n-1]) {
		paras = paras[:n-1]
	}
	var out []MessageBlock
	for _, lines := range paras {
		if isList(lines) {
			var items []string
			for _, l := range lines {
				if t, ok := listItem(l); ok {
					items = append(items, t)
				} else if len(items) > 0 {
					items[len(items)-1] += " " + l // an item's next line
				}
			}
			out = append(out, MessageBlock{Items: items})
			continue
		}
		out = append(out, MessageBlock{Text: strings.Join(lines, " ")})
	}
	return subject, out
}

// paragraphs splits text at blank lines into paragraphs of trimmed lines.
func paragraphs(text string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// isList reports whether a paragraph is a list: its first line is an item.
func isList(lines []string) bool {
	_, ok := listItem(lines[0])
	return ok
}

// listItem returns the text of a list line ("- tekst", "* tekst").
func listItem(l string) (string, bool) {
	for _, mark := range []string{"- ", "* ", "• "} {
		if t, ok := strings.CutPrefix(l, mark); ok {
			return strings.TrimSpace(t), true
		}
	}
	return "", false
}

// trailers reports whether every line of a paragraph is a git trailer
// ("Signed-off-by: Name <mail>"): a word with hyphens, a colon, a value.
func trailers(lines []string) bool {
	for _, l := range lines {
		key, value, ok := strings.Cut(l, ": ")
		if !ok || value == "" || !strings.Contains(key, "-") || strings.IndexFunc(key, func(r rune) bool {
			return !(unicode.IsLetter(r) || r == '-')
		}) >= 0 {
			return false
		}
	}
	return true
}
