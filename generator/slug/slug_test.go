package slug

import "testing"

func TestMake(t *testing.T) {
	cases := map[string]string{
		"Hva":                         "hva",
		"Samtale med foreldre":        "samtale-med-foreldre",
		"Bekymring for barnets språk": "bekymring-for-barnets-sprak",
		"Ærlig, åpen og ønsket!":      "aerlig-apen-og-onsket",
		"Čáppa ŋ đ š ŧ ž":             "cappa-n-d-s-t-z",
		"  --Tiltak (nivå 1)--  ":     "tiltak-niva-1",
		"سياسة الخصوصية":              "سياسة-الخصوصية",
		"!!!":                         "",
	}
	for in, want := range cases {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValid(t *testing.T) {
	for _, s := range []string{"a", "samtale-med-foreldre", "niva0", "2-steg"} {
		if !Valid(s) {
			t.Errorf("Valid(%q) = false", s)
		}
	}
	for _, s := range []string{"", "-a", "a-", "Samtale", "språk", "a b", "a_b", "a.b"} {
		if Valid(s) {
			t.Errorf("Valid(%q) = true", s)
		}
	}
	if got := Suggest("Samtale med Foreldre"); got != "samtale-med-foreldre" {
		t.Errorf("Suggest = %q", got)
	}
}
