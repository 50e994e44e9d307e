// Package content holds the national BTI defaults (levels, national pages
// and toolbox documents) that every municipality shares unless it
// overrides them by slug. They are compiled into the bti binary, so a
// municipality's own repository needs no copy of them.
package content

import (
	"embed"
	"io/fs"
)

//go:embed levels*.toml pages toolbox
var files embed.FS

// FS returns the embedded national defaults, rooted at this folder.
func FS() fs.FS { return files }
