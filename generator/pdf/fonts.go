package pdf

import (
	"sync"

	"github.com/bti-handbook/bti/generator/pdffont"
)

var (
	fieldFontOnce sync.Once
	fieldFontVal  *FieldFont
	fieldFontErr  error
)

// fieldFont is the field font, made once per process.
func fieldFont() (*FieldFont, error) {
	fieldFontOnce.Do(func() { fieldFontVal, fieldFontErr = NewFieldFont(pdffont.Regular(), FieldRepertoire()) })
	return fieldFontVal, fieldFontErr
}
