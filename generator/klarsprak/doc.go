// Package klarsprak measures how easy a handbook's text is to read, for
// `bti check --klarsprak` and the Klarspråk panel of `bti serve`.
//
// Public bodies must write clearly (språklova § 9), and many parents read
// Norwegian as a second language. The package finds what a coordinator
// can fix: sentences that are too long, and pages whose text is hard by
// the readability index LIX (Björnsson's läsbarhetsindex):
//
//	LIX = words / sentences + 100 · long words / words
//
// where a long word has more than six letters. Below 30 is very easy
// (children's books), 30–40 easy (fiction, popular press), 40–50 medium
// (an ordinary newspaper article), 50–60 hard (official documents) and
// above 60 very hard (legal and bureaucratic text).
//
// The text is taken from the parsed Markdown tree, not the raw file, so
// that link targets, emphasis marks and form fields do not count as
// words: every paragraph, list item, table cell and heading is a unit of
// its own, and a sentence never runs from one unit into the next. Each
// sentence keeps the offset of its first word in the file, so a warning
// points at its line and column.
//
// Sentences are split by a tokenizer that knows Norwegian (bokmål and
// nynorsk) writing (tokenize.go): abbreviations such as "f.eks.", "bl.a.",
// "nr." and "t.d." do not end a sentence, nor do ordinals ("1. mai"),
// initials ("K. Hansen"), decimal numbers and times ("12,5", "10.30"),
// web addresses and e-mail addresses. It reads the text once from left to
// right and looks at most a few characters back, so its time is linear
// in the length of the text.
//
// What the package reports is only advice: its warnings (BTI600 and
// BTI601 in generator/diag/messages/klarsprak.toml) are made only when
// asked for, never in a plain check or build, and the panel in the
// preview is never part of the published site.
package klarsprak
