package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

//go:embed layout.js
var layoutSource string

// LayoutReport is what layout.js measured on a page at one width.
type LayoutReport struct {
	ScrollWidth int `json:"scrollWidth"`
	InnerWidth  int `json:"innerWidth"`
	// Wide are the elements that make the page scroll sideways.
	Wide []string `json:"wide"`
	// Low are the texts with a contrast below 4.5:1 against what is
	// painted behind them.
	Low []LowContrast `json:"low"`
}

// LowContrast is one text painted with too little contrast.
type LowContrast struct {
	Where string  `json:"where"`
	Text  string  `json:"text"`
	FG    string  `json:"fg"`
	BG    string  `json:"bg"`
	Ratio float64 `json:"ratio"`
}

func (c LowContrast) String() string {
	return fmt.Sprintf("%q at %s: %s on %s, %.2f:1", c.Text, c.Where, c.FG, c.BG, c.Ratio)
}

// ScrollsSideways reports whether the page is wider than the window.
func (r LayoutReport) ScrollsSideways() bool { return r.ScrollWidth > r.InnerWidth }

// Problems lists what is wrong, one line each.
func (r LayoutReport) Problems() []string {
	var out []string
	if r.ScrollsSideways() {
		out = append(out, fmt.Sprintf("scrolls sideways: %d px wide in a %d px window; %s", r.ScrollWidth, r.InnerWidth, strings.Join(r.Wide, "; ")))
	}
	for _, c := range r.Low {
		out = append(out, "low contrast: "+c.String())
	}
	return out
}

// openDetails opens every <details> of the page (the menu, the emergency
// box's text), so that what they hide is measured too.
const openDetails = `document.querySelectorAll("details").forEach(d => d.open = true)`

// Layout loads url in tab at width × 800 CSS pixels and measures it; with
// open, it measures again with every <details> open and merges both.
func Layout(tab context.Context, url string, width int, open bool) (LayoutReport, error) {
	if err := chromedp.Do(tab); err != nil { // opens the tab on first use
		return LayoutReport{}, err
	}
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(width), 800),
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
	); err != nil {
		return LayoutReport{}, err
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[LayoutReport](layoutSource, chromedp.EvalAwaitPromise))
	if err != nil || !open {
		return r, err
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](openDetails)); err != nil {
		return r, err
	}
	r2, err := chromedp.Run(ctx, chromedp.Evaluate[LayoutReport](layoutSource, chromedp.EvalAwaitPromise))
	if err != nil {
		return r, err
	}
	r.ScrollWidth = max(r.ScrollWidth, r2.ScrollWidth)
	seen := map[string]bool{}
	for _, w := range r.Wide {
		seen[w] = true
	}
	for _, w := range r2.Wide {
		if !seen[w] {
			r.Wide = append(r.Wide, w)
		}
	}
	for _, c := range r.Low {
		seen[c.String()] = true
	}
	for _, c := range r2.Low {
		if !seen[c.String()] {
			r.Low = append(r.Low, c)
		}
	}
	return r, nil
}
