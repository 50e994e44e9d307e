package main

import (
	"fmt"
	"io/fs"
	"os"
)

// openProject opens the project folder for reading. Through os.Root, a
// symbolic link that leads outside the folder is refused (the loader then
// reports the file), so a repository can never make bti copy a file from
// elsewhere on the machine into a site.
func openProject(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot open the project folder: %w", err)
	}
	return root.FS(), nil
}
