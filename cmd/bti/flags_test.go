package main

import (
	"strings"
	"testing"
)

// TestUnknownFlagSuggestsTheClosest: a mistyped option is answered with
// the option meant, as bti help writes it, in the reader's language (bti
// build --nopdf used to say only "ukjent valg -nopdf"); an option like no
// other gets no guess; nothing is built.
func TestUnknownFlagSuggestsTheClosest(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--nopdf"}, "bti build: ukjent valg -nopdf (mente du «--no-pdf»?)\nSkriv «bti help build» for å se valgene.\n"},
		{[]string{"build", "--lang", "en", "-no_pdf"}, "bti build: unknown option -no_pdf (did you mean \"--no-pdf\"?)\n"},
		{[]string{"check", "--formt", "json"}, "bti check: ukjent valg -formt (mente du «--format»?)\n"},
		{[]string{"build", "-c", "."}, "bti build: ukjent valg -c (mente du «-C»?)\n"},
		{[]string{"serve", "--prot", "8081"}, "bti serve: ukjent valg -prot (mente du «--port»?)\n"},
		{[]string{"build", "--zzzzzz"}, "bti build: ukjent valg -zzzzzz\n"},
	} {
		code, out := bti(c.args...)
		if code != 2 || !strings.HasPrefix(out, c.want) {
			t.Errorf("bti %v: exit %d, want 2 and %q:\n%s", c.args, code, c.want, out)
		}
	}
}
