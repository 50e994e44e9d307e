package main

import (
	"bytes"
	"os/exec"
	"strings"
)

// gitDates returns the date (YYYY-MM-DD) of the last commit that changed
// each file under dir, by slash path relative to dir, or nil when dir is
// not in a git repository or git is not installed. Pages show it as
// "Sist endret".
//
// Git prints paths relative to dir (--relative), unquoted and each ended
// by a NUL byte (-z, core.quotePath=false), so that a project in a folder
// named with æøå or spaces, and files named so, keep their dates.
func gitDates(dir string) map[string]string {
	out, err := exec.Command("git", "-C", dir, "-c", "core.quotePath=false", "log", "-z", "--relative",
		"--format=%x01%cs", "--name-only", "--no-renames", "--", ".").Output()
	if err != nil {
		return nil
	}
	dates := map[string]string{}
	date := ""
	// Each commit is "\x01<date>\0", then "\n<name>\0<name>\0...".
	for _, field := range bytes.Split(out, []byte{0}) {
		f := strings.TrimPrefix(string(field), "\n")
		if d, ok := strings.CutPrefix(f, "\x01"); ok {
			date = d
			continue
		}
		if f == "" || date == "" {
			continue
		}
		if _, seen := dates[f]; !seen {
			dates[f] = date // git log lists the newest commit first
		}
	}
	return dates
}
