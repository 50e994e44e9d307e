package source

import "github.com/bti-handbook/bti/generator/diag"

// The codes of this package's messages (generator/diag/messages/source.toml).
const (
	notUTF8         diag.Code = "BTI001"
	yamlFrontMatter diag.Code = "BTI002"
	frontMatterOpen diag.Code = "BTI003"
	unknownKey      diag.Code = "BTI004"
	unknownKeyIn    diag.Code = "BTI005"
	duplicateKey    diag.Code = "BTI010"
	curlyQuotes     diag.Code = "BTI011"
	unquotedValue   diag.Code = "BTI012"
	notKeyValue     diag.Code = "BTI013"
	notClosed       diag.Code = "BTI014"
	listComma       diag.Code = "BTI015"
	invisibleSpace  diag.Code = "BTI016"
	listBrackets    diag.Code = "BTI017"
	backslash       diag.Code = "BTI018"
	tomlSyntax      diag.Code = "BTI019"
	wrongType       diag.Code = "BTI020"
	tomlOther       diag.Code = "BTI021"
)
