package klarsprak

import "math"

// Stats counts what LIX is computed from.
type Stats struct {
	Sentences int
	Words     int
	Long      int // words of more than six letters
}

// Add counts one sentence.
func (s *Stats) Add(sent Sentence) {
	s.Sentences++
	s.Words += len(sent.Words)
	for _, w := range sent.Words {
		if w.Long() {
			s.Long++
		}
	}
}

// Merge adds the counts of t.
func (s *Stats) Merge(t Stats) {
	s.Sentences += t.Sentences
	s.Words += t.Words
	s.Long += t.Long
}

// LIX is the readability index: words per sentence plus the percentage
// of long words (0 for a text without words).
func (s Stats) LIX() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return float64(s.Words)/float64(s.Sentences) + 100*float64(s.Long)/float64(s.Words)
}

// Rounded is LIX rounded to a whole number, as it is shown.
func (s Stats) Rounded() int { return int(math.Round(s.LIX())) }

// MinWords is the fewest words a text must have for its LIX to say
// anything: the index of a short text swings with every long word (a
// single "samarbeidsmøte" in ten words adds 10). A shorter page gets no
// LIX warning and is not ranked among the hardest, but its long
// sentences are still reported.
const MinWords = 50

// Measurable reports whether the text is long enough for its LIX to count.
func (s Stats) Measurable() bool { return s.Words >= MinWords }
