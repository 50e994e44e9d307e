package render

import "unicode/utf8"

// The main menu on wide screens is one row. What fits in it is worked
// out here, when the site is built, from the length of the titles: free
// pages that would make the row wrap at the widest page (72rem less its
// margins, 1088 CSS pixels) go, from the last, under a "More" button.
// The phone menu lists every item.

const (
	rowWidth    = 1088 // CSS px: the page's width, less its margins
	charWidth   = 9.6  // CSS px: a character of semibold 16 px Noto Sans, a little wide
	itemGap     = 20   // CSS px between items (1.25rem)
	moreButton  = 90   // CSS px: the "More" button
	minRowItems = 1
)

// rowLength estimates the width of a row of items in CSS pixels.
func rowLength(items []link) float64 {
	w := 0.0
	for i, it := range items {
		if i > 0 {
			w += itemGap
		}
		w += float64(utf8.RuneCountInString(it.Title)) * charWidth
	}
	return w
}

// menuRow splits the menu into the row and what goes under "More": the
// free pages from the last, until the row fits.
func menuRow(items []link) (row, more []link) {
	row = append([]link(nil), items...)
	for rowLength(row) > rowWidth || (len(more) > 0 && rowLength(row)+itemGap+moreButton > rowWidth) {
		i := len(row) - 1
		for i >= minRowItems && !row[i].Page {
			i--
		}
		if i < minRowItems {
			break // nothing left to move: the row wraps
		}
		more = append([]link{row[i]}, more...)
		row = append(row[:i:i], row[i+1:]...)
	}
	return row, more
}
