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

// TestBreakableHTML: an address gets <wbr> where it may break and nothing
// else, so it reads and copies as one address; its text is escaped.
func TestBreakableHTML(t *testing.T) {
	for in, want := range map[string]string{
		"barnehage@example.no":         "barnehage<wbr>@example<wbr>.no",
		"https://example.no/a/b?x=1&y": "https://<wbr>example<wbr>.no/<wbr>a/<wbr>b?x=1&amp;y",
		"<script>":                     "&lt;script&gt;",
	} {
		if got := breakableHTML(in); got != want {
			t.Errorf("breakableHTML(%q) = %q, want %q", in, got, want)
		}
	}
}
