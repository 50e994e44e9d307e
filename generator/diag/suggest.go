package diag

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the candidate closest to got, for a "did you mean" hint,
// or "" when none is close enough to be a likely typo.
func Suggest(got string, candidates []string) string {
	best, bestDist := "", -1
	lg := strings.ToLower(got)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(lg, lc)
		if strings.HasPrefix(lc, lg) || strings.HasPrefix(lg, lc) {
			// A cut-off or extended word is a likely typo too.
			d = min(d, 2)
		}
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	limit := max(2, utf8.RuneCountInString(got)/3)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, counted in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
