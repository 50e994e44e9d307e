// Package themes holds the two handbook themes (lillestrom and vardo),
// the templates and assets they share (base), and the interface text in
// each language (i18n). They are compiled into the bti binary.
//
// A theme folder has assets/ (theme.css at least), which are added to (or
// replace) the base assets. The markup of the pages is the same for every
// theme: it is the templ components of package render. See
// docs/architecture.md for how render uses them.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed base lillestrom vardo i18n vendor
var files embed.FS

// FS returns the themes, rooted at this folder.
func FS() fs.FS { return files }
