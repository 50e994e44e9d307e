package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// shallowHistory is the warning that the history is a shallow clone's
// (generator/diag/messages/pages.toml).
const shallowHistory diag.Code = "BTI701"

// gitHistory reads the git history of the files under dir for the change
// log (/endringer/ and its Atom feed): every commit but merges, newest
// first, with its committer date, its message and the files it touched
// (renames followed), by slash path relative to dir. It returns nil when
// dir is not in a git repository with commits or git is not installed.
//
// As gitDates, it asks git for paths relative to dir, unquoted and ended
// by NUL bytes. It sets every option whose configuration would change
// what git log prints (signatures, colour, the root commit, encoding).
// In a shallow clone the commits at the boundary are left out: git shows
// them as adding every file.
func gitHistory(dir string) *model.History {
	out, err := exec.Command("git", "-C", dir, "-c", "core.quotePath=false", "-c", "log.showSignature=false",
		"log", "-z", "--relative", "--no-merges", "--root", "-M", "--name-status", "--no-color", "--encoding=UTF-8",
		"--format=%x01%H%x02%cI%x02%B%x03", "--", ".").Output()
	if err != nil {
		return nil
	}
	h := parseHistory(out)
	if shallow, boundary := shallowBoundary(dir); shallow {
		h.Shallow = true
		kept := h.Commits[:0]
		for _, c := range h.Commits {
			if !boundary[c.Hash] {
				kept = append(kept, c)
			}
		}
		h.Commits = kept
	}
	return h
}

// parseHistory reads the output of gitHistory's git log. Each commit is
// "\x01<hash>\x02<date>\x02<message>\x03\0", then "\n" and its files:
// "<status>\0<path>\0", with two paths for a rename or copy. What does
// not fit (a date git did not write, a stray byte) is skipped, never a
// panic.
func parseHistory(out []byte) *model.History {
	h := &model.History{}
	for _, chunk := range bytes.Split(out, []byte{1}) {
		head, files, ok := bytes.Cut(chunk, []byte{3})
		if !ok {
			continue
		}
		parts := strings.SplitN(string(head), "\x02", 3)
		if len(parts) != 3 {
			continue
		}
		t, err := time.Parse(time.RFC3339, parts[1])
		if err != nil {
			continue
		}
		c := model.Commit{Hash: parts[0], Time: t, Message: cleanMessage(parts[2])}
		fields := strings.Split(string(files), "\x00")
		for i := 0; i < len(fields); i++ {
			status := strings.TrimLeft(fields[i], "\n")
			if status == "" {
				continue
			}
			switch status[0] {
			case 'R', 'C':
				if i+2 >= len(fields) {
					i = len(fields)
					continue
				}
				from, to := fields[i+1], fields[i+2]
				i += 2
				fc := model.FileChange{Path: to}
				if status[0] == 'R' {
					fc.From = from
				}
				c.Files = append(c.Files, fc)
			case 'A', 'M', 'D', 'T':
				if i+1 >= len(fields) {
					i = len(fields)
					continue
				}
				i++
				c.Files = append(c.Files, model.FileChange{Path: fields[i], Removed: status[0] == 'D'})
			default:
				// An unmerged or unknown status: its path follows.
				i++
			}
		}
		h.Commits = append(h.Commits, c)
	}
	return h
}

// cleanMessage is a commit message as the change log shows it: line ends
// and tabs kept, other control characters (and the bidirectional
// formatting ones, which could reorder what is shown) left out, trailing
// space trimmed.
func cleanMessage(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// shallowBoundary reports whether the repository of dir is a shallow
// clone, and the commits at its boundary (listed in .git/shallow).
func shallowBoundary(dir string) (bool, map[string]bool) {
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--is-shallow-repository", "--git-path", "shallow").Output()
	if err != nil {
		return false, nil
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != "true" {
		return false, nil
	}
	p := strings.TrimSpace(lines[1])
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	boundary := map[string]bool{}
	data, _ := os.ReadFile(p)
	for _, line := range strings.Fields(string(data)) {
		boundary[line] = true
	}
	return true, boundary
}
