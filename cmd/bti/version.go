package main

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
)

// cmdVersion prints the version of this bti: the module version it was
// built as (v1.2.3 when installed with go install ...@v1.2.3), the git
// revision and whether the tree had uncommitted changes, and the Go version.
func cmdVersion(args []string, stdout, stderr io.Writer) int {
	fl, c := newFlags("version")
	if _, code := parse(fl, c, args, stdout, stderr); code >= 0 {
		return code
	}
	fmt.Fprintln(stdout, diag.T(c.runLang(), "cli.version", "version", versionLine()))
	return 0
}

// release is the version this source tree is released as. bti new pins
// it in a new repository's netlify.toml and workflow, unless this bti
// was itself installed as a released version (go install ...@v1.2.3).
const release = "v0.3.0"

// releaseRe matches a released version: v1.2.3, not a pseudo-version.
var releaseRe = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// releaseVersion is the released version of this bti, for pinning.
func releaseVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && releaseRe.MatchString(bi.Main.Version) {
		return bi.Main.Version
	}
	return release
}

// versionLine describes the build from its build information:
// "v0.3.0 (a1b2c3d4e5f6, uncommitted changes) go1.26.8 linux/amd64".
func versionLine() string {
	version, rev, dirty := "(devel)", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	out := version
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if dirty && !strings.HasSuffix(version, "+dirty") {
			rev += ", +dirty"
		}
		out += " (" + rev + ")"
	}
	return out + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}
