package source

import (
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/diag"
)

type testService struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
}

type testConfig struct {
	Name     string        `toml:"name"`
	Tools    []string      `toml:"tools"`
	Services []testService `toml:"services"`
	Labels   struct {
		Who string `toml:"who"`
	} `toml:"labels"`
}

const testTOML = `name = "Lillestrøm kommune"
tools = ["a",
  "b"]

[labels]
who = "Ansvar"

[[services]]
id = "ppt"
name = "PPT"

[[services]]
id = "bvt"
nmae = "Barnevern"
`

func TestDecodeTOMLPositions(t *testing.T) {
	var l diag.List
	var c testConfig
	doc, ok := DecodeTOML("m.toml", []byte(testTOML), 1, &c, &l)
	if !ok {
		t.Fatalf("decode failed: %v", l.Sorted())
	}
	cases := map[string]string{
		"name":           "m.toml:1:1",
		"tools":          "m.toml:2:1",
		"labels.who":     "m.toml:6:1",
		"services[0].id": "m.toml:9:1",
		"services[1].id": "m.toml:13:1",
		"services[1]":    "m.toml:12:3",
		"missing":        "m.toml:1:1",
	}
	for path, want := range cases {
		if got := doc.Pos(path).String(); got != want {
			t.Errorf("Pos(%q) = %s, want %s", path, got, want)
		}
	}
	if got := doc.ValuePos("tools", "b").String(); got != "m.toml:3:3" {
		t.Errorf("ValuePos(tools, b) = %s, want m.toml:3:3", got)
	}
	ds := l.Sorted()
	if len(ds) != 1 {
		t.Fatalf("want 1 diagnostic, got %v", ds)
	}
	want := `m.toml:14:1: error: unknown setting "nmae" in [services] [BTI005]` + "\n\thint: did you mean \"name\"?"
	if got := ds[0].Format("en"); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	want = "m.toml:14:1: feil: ukjend innstilling «nmae» under [services] [BTI005]\n\ttips: meinte du «name»?"
	if got := ds[0].Format("nn"); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestDecodeTOMLErrors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"syntax", "name = Lillestrøm\n", "x.toml:2:8: error: the value must be in quotes [BTI012]"},
		{"type", "tools = \"a\"\n", `x.toml:2:1: error: "tools" must be a list, like ["a", "b"], but here it is text [BTI020]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var l diag.List
			var c testConfig
			_, ok := DecodeTOML("x.toml", []byte(tc.text), 2, &c, &l)
			if ok {
				t.Fatal("want failure")
			}
			ds := l.Sorted()
			if len(ds) != 1 || !strings.HasPrefix(ds[0].Format("en"), tc.want) {
				t.Errorf("got %v, want prefix %q", ds, tc.want)
			}
		})
	}
}
