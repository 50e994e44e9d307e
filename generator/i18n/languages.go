package i18n

// languageNames are the names of languages in the languages themselves
// (endonyms), for the language switcher. They are data about the
// languages, the same whatever the page's language.
var languageNames = map[string]string{
	"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English", "se": "Davvisámegiella",
	"sma": "Åarjelsaemien", "smj": "Julevsámegiella", "ar": "العربية", "so": "Soomaali",
	"pl": "Polski", "uk": "Українська", "ru": "Русский", "ti": "ትግርኛ", "fa": "فارسی",
	"prs": "دری", "ps": "پښتو", "ur": "اردو", "tr": "Türkçe", "lt": "Lietuvių",
	"de": "Deutsch", "fr": "Français", "es": "Español", "sv": "Svenska", "da": "Dansk",
	"fi": "Suomi", "ku": "Kurdî", "ckb": "کوردی", "am": "አማርኛ", "th": "ไทย",
	"vi": "Tiếng Việt", "ro": "Română", "bs": "Bosanski", "fkv": "Kvääni",
}

// rtl are the languages written right to left.
var rtl = map[string]bool{"ar": true, "fa": true, "prs": true, "ps": true, "ur": true, "he": true, "ckb": true, "yi": true, "sd": true, "ug": true, "dv": true}

// Name returns the name of a language in that language, or its code.
func Name(lang string) string {
	if n, ok := languageNames[lang]; ok {
		return n
	}
	return lang
}

// RTL reports whether lang is written right to left.
func RTL(lang string) bool { return rtl[lang] }

// Direction returns "rtl" for languages written right to left, else "ltr".
func Direction(lang string) string {
	if rtl[lang] {
		return "rtl"
	}
	return "ltr"
}
