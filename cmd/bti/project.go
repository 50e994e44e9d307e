package main

import (
	"io/fs"

	"github.com/bti-handbook/bti/internal/projectfs"
)

// openProject opens the project folder for reading. Through os.Root, a
// symbolic link that leads outside the folder is refused (the loader then
// reports the file), so a repository can never make bti copy a file from
// elsewhere on the machine into a site.
func openProject(dir string) (fs.FS, error) {
	return projectfs.Root(dir)
}

// openProjectForBuild is openProject for one build or check: the same
// refusal of links that lead out, with fewer system calls per file (see
// internal/projectfs). The preview server, which lives long, uses
// openProject.
func openProjectForBuild(dir string) (fs.FS, error) {
	return projectfs.Open(dir)
}
