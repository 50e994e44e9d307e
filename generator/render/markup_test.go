package render

import (
	"strings"
	"testing"
)

func TestAddressParts(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.example.no/barnehage/": "https://|www|.example|.no/|barnehage/",
		"familiesenteret@example.no":        "familiesenteret|@example|.no",
		"https://example.no":                "https://|example|.no",
		"":                                  "",
		"a..b//c":                           "a|.|.b//|c",
	} {
		parts := addressParts(in)
		if got := strings.Join(parts, "|"); got != want {
			t.Errorf("addressParts(%q) = %q, want %q", in, got, want)
		}
		if strings.Join(parts, "") != in {
			t.Errorf("addressParts(%q) joined is not the address", in)
		}
	}
}
