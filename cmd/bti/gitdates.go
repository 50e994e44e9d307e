package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
)

// gitDates returns the date (YYYY-MM-DD) of the last commit that changed
// each file under dir, by path relative to dir, or nil when dir is not in
// a git repository or git is not installed. Pages show it as "Sist endret".
func gitDates(dir string) map[string]string {
	prefixOut, err := exec.Command("git", "-C", dir, "rev-parse", "--show-prefix").Output()
	if err != nil {
		return nil
	}
	prefix := strings.TrimSpace(string(prefixOut))
	out, err := exec.Command("git", "-C", dir, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", ".").Output()
	if err != nil {
		return nil
	}
	dates := map[string]string{}
	for _, commit := range bytes.Split(out, []byte{0}) {
		lines := strings.Split(strings.TrimSpace(string(commit)), "\n")
		if len(lines) < 2 {
			continue
		}
		date := lines[0]
		for _, f := range lines[1:] {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			rel, ok := strings.CutPrefix(filepath.ToSlash(f), prefix)
			if !ok {
				continue
			}
			if _, seen := dates[rel]; !seen {
				dates[rel] = date // git log lists the newest commit first
			}
		}
	}
	return dates
}
