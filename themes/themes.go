// Package themes holds the two handbook themes (lillestrom and vardo),
// the templates and assets they share (base), and the interface text in
// each language (i18n). They are compiled into the bti binary.
//
// A theme folder has templates/*.html, which replace the base templates of
// the same name, and assets/, which are added to (or replace) the base
// assets. See docs/architecture.md for how render uses them.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed base lillestrom vardo i18n vendor
var files embed.FS

// FS returns the themes, rooted at this folder.
func FS() fs.FS { return files }
