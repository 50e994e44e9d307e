package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/internal/preview"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fl.String("C", ".", "the project folder (holding municipalities/)")
	port := fl.Int("port", 8080, "the port to listen on (0 picks a free one)")
	addr := fl.String("addr", "127.0.0.1", "the address to listen on; only this machine unless you name another")
	slugs, err := parseInterspersed(fl, args, stderr)
	if err != nil {
		return 2
	}
	if len(slugs) > 1 {
		fmt.Fprintln(stderr, "bti serve: name one municipality, or none for all")
		return 2
	}
	root, err := openProject(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "bti serve: %v\n", err)
		return 1
	}
	cfg := preview.Config{Root: root, Slugs: slugs, Dates: gitDates(*dir)}
	watch := []string{filepath.Join(*dir, "municipalities")}
	for _, extra := range []string{"content", "themes"} {
		p := filepath.Join(*dir, extra)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			watch = append(watch, p)
			if extra == "themes" {
				cfg.Themes = os.DirFS(p)
			}
		}
	}
	if cfg.Themes != nil {
		if _, err := fs.Stat(cfg.Themes, "base/assets/site.css"); err != nil {
			cfg.Themes = nil // not a bti themes folder: use the built-in themes
		}
	}
	first := true
	cfg.OnBuild = func(diags []diag.Diagnostic, took time.Duration) {
		var l diag.List
		for _, d := range diags {
			l.Add(d)
		}
		if l.Errors() > 0 {
			l.Print(stderr)
			fmt.Fprintf(stderr, "bti serve: showing the last good version; the pages list the mistakes (%s)\n", took.Round(time.Millisecond))
		} else if !first {
			fmt.Fprintf(stdout, "bti serve: rebuilt in %s\n", took.Round(time.Millisecond))
		}
		first = false
	}
	site := preview.New(cfg)
	ln, err := net.Listen("tcp", net.JoinHostPort(*addr, fmt.Sprint(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "bti serve: %v (is another bti serve running? try --port %d)\n", err, *port+1)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Requests end with the server, so open event streams do not hold up Ctrl-C.
	srv := &http.Server{Handler: site.Handler(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	start := "/"
	if len(slugs) == 1 {
		start = "/" + slugs[0] + "/"
	}
	fmt.Fprintf(stdout, "bti serve: http://%s%s (watching for changes; Ctrl-C to stop)\n", ln.Addr(), start)
	go func() {
		if err := site.Watch(ctx, watch, func(err error) { fmt.Fprintf(stderr, "bti serve: watching: %v\n", err) }); err != nil {
			fmt.Fprintf(stderr, "bti serve: cannot watch for changes: %v\n", err)
		}
	}()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "bti serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "bti serve: stopped")
	return 0
}
