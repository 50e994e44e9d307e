package check

import "github.com/bti-handbook/bti/generator/diag"

// The codes of this package's messages (generator/diag/messages/references.toml).
const (
	unknownTool    diag.Code = "BTI400"
	unknownService diag.Code = "BTI401"
	linkEmpty      diag.Code = "BTI402"
	linkInvalid    diag.Code = "BTI403"
	imageElsewhere diag.Code = "BTI404"
	linkScheme     diag.Code = "BTI405"
	imageNotImage  diag.Code = "BTI406"
	linkNoPage     diag.Code = "BTI407"
	linkLeadsOut   diag.Code = "BTI408"
	linkNoFile     diag.Code = "BTI409"
	anchorMissing  diag.Code = "BTI410"
	urlTaken       diag.Code = "BTI420"
	aliasNotPath   diag.Code = "BTI421"
	aliasIsOwn     diag.Code = "BTI422"
	aliasGenerated diag.Code = "BTI423"
	aliasBadChar   diag.Code = "BTI424"
	notPublished   diag.Code = "BTI430"
	notAnImage     diag.Code = "BTI431"
	unsafeSVG      diag.Code = "BTI432"
	disguised      diag.Code = "BTI439"
	hiddenInName   diag.Code = "BTI433"
	telNotPhone    diag.Code = "BTI434"
	plainHTTP      diag.Code = "BTI435"
	imageLarge     diag.Code = "BTI436"
	baseURLFolder  diag.Code = "BTI437"
	pageVanished   diag.Code = "BTI438"
)
