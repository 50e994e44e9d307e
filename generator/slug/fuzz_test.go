package slug

import (
	"testing"
	"unicode/utf8"
)

// FuzzMake: a slug made from any text is stable (making it again changes
// nothing), has no '-' at either end, and is valid whenever it is ASCII.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Samtale med foreldre", "Ærlig åpen ønsket", "Čáppa ŋ", "---", "", "a--b", "سياسة", "ǅ", "ﬁ", "Ⅻ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		m := Make(s)
		if Make(m) != m {
			t.Fatalf("Make(%q) = %q, but Make of that is %q", s, m, Make(m))
		}
		if m != "" && (m[0] == '-' || m[len(m)-1] == '-') {
			t.Fatalf("Make(%q) = %q has a dash at an end", s, m)
		}
		ascii := true
		for i := 0; i < len(m); i++ {
			ascii = ascii && m[i] < 0x80
		}
		if ascii && m != "" && !Valid(m) {
			t.Fatalf("Make(%q) = %q is ASCII but not Valid", s, m)
		}
	})
}
