package pdf

import "sync"

var (
	fieldFontOnce sync.Once
	fieldFontVal  *FieldFont
	fieldFontErr  error
)

// fieldFont is the field font, made once per process.
func fieldFont() (*FieldFont, error) {
	fieldFontOnce.Do(func() { fieldFontVal, fieldFontErr = NewFieldFont(notoRegular, FieldRepertoire()) })
	return fieldFontVal, fieldFontErr
}
