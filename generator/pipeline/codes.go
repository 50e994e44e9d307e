package pipeline

import "github.com/bti-handbook/bti/generator/diag"

// RenderFailed is the message of a site that could not be made from
// files without mistakes (generator/diag/messages/build.toml).
const RenderFailed diag.Code = "BTI500"
