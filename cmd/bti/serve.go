package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"strings"
	"time"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fl.String("C", ".", "the project folder (holding municipalities/)")
	port := fl.Int("port", 8080, "the port to listen on")
	addr := fl.String("addr", "127.0.0.1", "the address to listen on (only this machine by default)")
	slugs, err := parseInterspersed(fl, args, stderr)
	if err != nil {
		return 2
	}
	fsys := content.Overlay(os.DirFS(*dir))
	site, l := pipeline.Load(fsys, slugs)
	if l.Print(stderr) > 0 {
		return 1
	}
	tree, err := pipeline.Render(fsys, site, render.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "bti serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*addr, fmt.Sprint(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "bti serve: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: treeHandler(tree), ReadHeaderTimeout: 10 * time.Second}
	start := "/"
	if len(site.Municipalities) == 1 {
		start = "/" + site.Municipalities[0].Slug + "/"
	}
	fmt.Fprintf(stdout, "bti serve: http://%s%s (Ctrl-C to stop)\n", ln.Addr(), start)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
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
	return 0
}

// treeHandler serves the files of a built tree. Only paths of the tree
// are served; nothing is read from disk.
func treeHandler(tree output.Tree) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		name := strings.TrimPrefix(p, "/")
		if strings.HasSuffix(r.URL.Path, "/") || name == "" {
			name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
		}
		data, ok := tree[name]
		if !ok {
			if _, isDir := tree[name+"/index.html"]; isDir {
				http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
				return
			}
			http.NotFound(w, r)
			return
		}
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(data)
	})
}
