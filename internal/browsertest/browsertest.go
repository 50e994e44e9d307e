// Package browsertest drives Debian's Chromium through chromedp for the
// tests that need a real browser: accessibility (axe-core, vendored in
// axe/) and what pages look like.
//
// Without Chromium the tests skip, unless BTI_REQUIRE_BROWSER=1 (as in
// .ci/run), when a missing browser is a failure.
package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/generator/output"
)

//go:embed axe/axe.min.js
var axeSource string

// Browser starts headless Chromium for t, or skips t when there is none
// (fails instead when BTI_REQUIRE_BROWSER=1). The returned context opens
// tabs; it is cancelled when t ends.
func Browser(t testing.TB) context.Context {
	t.Helper()
	exe := ""
	for _, name := range []string{os.Getenv("BTI_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("BTI_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Chromium found, and BTI_REQUIRE_BROWSER=1: install Debian's chromium")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set BTI_CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelB()
		cancelA()
		t.Fatalf("starting Chromium: %v", err)
	}
	t.Cleanup(func() { cancelB(); cancelA() })
	return bctx
}

// Handler serves a built tree as a static host would (index.html for
// folders), for the browser to load.
func Handler(tree output.Tree) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") {
			name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
		}
		data, ok := tree[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		// The policy of netlify.toml, so that a page that breaks it fails.
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'")
		w.Write(data)
	})
}

// Violation is one axe-core finding.
type Violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
}

// wcagTags are the axe-core rule tags for WCAG 2.1 A and AA.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

const axeRun = `(async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
})()`

// NewTab opens a tab of browser; the returned cancel closes it.
func NewTab(browser context.Context) (context.Context, context.CancelFunc) {
	return chromedp.NewContext(browser)
}

// Axe loads url in tab and returns axe-core's WCAG 2.1
// A/AA violations. axe-core is injected through the DevTools protocol, so
// the page's own Content-Security-Policy still holds for everything else.
func Axe(tab context.Context, url string) ([]Violation, error) {
	if err := chromedp.Do(tab); err != nil { // opens the tab on first use
		return nil, err
	}
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	defer cancelT()
	tags, _ := json.Marshal(wcagTags)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
		chromedp.Evaluate[chromedp.Void](axeSource),
	); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]Violation](fmt.Sprintf(axeRun, tags), chromedp.EvalAwaitPromise))
}
