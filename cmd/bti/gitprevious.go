package main

import (
	"bytes"
	"os/exec"
)

// previousSources lists the files under municipalities/ as the project
// last published them, by slash path relative to dir: as the last commit
// has them when the work tree has changes there that are not committed
// yet (a step renamed on the coordinator's machine), else as the commit
// before it (the change just committed, or pushed and now built by CI).
// It returns nil without git, outside a repository, or with no earlier
// commit to compare with. check warns about pages these had and the
// sources have not (their addresses would stop working).
func previousSources(dir string) []string {
	git := func(args ...string) ([]byte, error) {
		return exec.Command("git", append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)...).Output()
	}
	changed, err := git("status", "--porcelain", "-z", "--untracked-files=all", "--", "municipalities")
	if err != nil {
		return nil
	}
	ref := "HEAD"
	if len(bytes.TrimSpace(changed)) == 0 {
		ref = "HEAD^"
	}
	out, err := git("ls-tree", "-r", "-z", "--name-only", ref, "--", "municipalities")
	if err != nil {
		return nil // no such commit (the first one), or not a repository
	}
	var paths []string
	for _, p := range bytes.Split(out, []byte{0}) {
		if len(p) > 0 {
			paths = append(paths, string(p))
		}
	}
	return paths
}
