package markdown

import "github.com/bti-handbook/bti/generator/diag"

// The codes of this package's messages (generator/diag/messages/markdown.toml).
const (
	rawHTML        diag.Code = "BTI300"
	spacedLinkCode diag.Code = "BTI301"
	invisibleChar  diag.Code = "BTI302"
	markerSpace    diag.Code = "BTI303"
	indentedCode   diag.Code = "BTI304"
	imageNoAlt     diag.Code = "BTI305"
)
