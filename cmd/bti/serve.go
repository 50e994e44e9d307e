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
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/internal/preview"
)

func serveFlags() (*flag.FlagSet, *serveOptions) {
	fl, c := newFlags("serve")
	o := &serveOptions{cliFlags: c}
	o.port = fl.Int("port", 8080, "cli.flag.port")
	o.addr = fl.String("addr", "127.0.0.1", "cli.flag.addr")
	return fl, o
}

type serveOptions struct {
	*cliFlags
	port *int
	addr *string
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fl, o := serveFlags()
	slugs, code := parse(fl, o.cliFlags, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	dir, port, addr := o.dir, o.port, o.addr
	lang := o.runLang()
	if len(slugs) > 1 {
		fmt.Fprintln(stderr, diag.T(lang, "cli.serve_one"))
		return 2
	}
	root, err := openProject(*dir)
	if err != nil {
		fmt.Fprintln(stderr, diag.T(lang, "cli.cannot_open", "detail", err.Error()))
		return 1
	}
	cfg := preview.Config{Root: root, Slugs: slugs, Dates: gitDates(*dir), Previous: previousSources(*dir), History: gitHistory(*dir), Lang: o.language()}
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
	cfg.OnBuild = func(diags []diag.Diagnostic, langs *pipeline.Languages, took time.Duration) {
		var l diag.List
		for _, d := range diags {
			l.Add(d)
		}
		if l.Errors() > 0 {
			langs.Print(stderr, &l)
			fmt.Fprintln(stderr, diag.T(langs.Run(), "cli.serve_mistakes", "took", took.Round(time.Millisecond).String()))
		} else if !first {
			fmt.Fprintln(stdout, diag.T(langs.Run(), "cli.serve_rebuilt", "took", took.Round(time.Millisecond).String()))
		}
		first = false
	}
	site := preview.New(cfg)
	ln, err := net.Listen("tcp", net.JoinHostPort(*addr, fmt.Sprint(*port)))
	if err != nil {
		fmt.Fprintln(stderr, diag.T(lang, "cli.serve_listen", "detail", err.Error(), "port", *port+1))
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Requests end with the server, so open event streams do not hold up Ctrl-C.
	// Only requests for the address shown: a page elsewhere cannot read
	// the preview by pointing a name of its own at 127.0.0.1.
	srv := &http.Server{Handler: preview.OnlyAt(site.Handler(), ln.Addr(), lang), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	start := "/"
	if len(slugs) == 1 && !site.AtRoot() {
		start = "/" + slugs[0] + "/"
	}
	fmt.Fprintln(stdout, diag.T(lang, "cli.serve_start", "addr", ln.Addr().String(), "path", start))
	go func() {
		if err := site.Watch(ctx, watch, func(err error) { fmt.Fprintln(stderr, diag.T(lang, "cli.serve_watch_error", "detail", err.Error())) }); err != nil {
			fmt.Fprintln(stderr, diag.T(lang, "cli.serve_watch_error", "detail", err.Error()))
		}
	}()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, diag.T(lang, "cli.error", "cmd", "serve", "detail", err.Error()))
		return 1
	}
	fmt.Fprintln(stdout, diag.T(lang, "cli.serve_stopped"))
	return 0
}
