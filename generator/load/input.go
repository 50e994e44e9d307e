package load

// The input types: the keys coordinators write, as TOML decodes them. They
// are separate from the model, which holds checked and resolved values
// with positions. Unknown keys are reported with "did you mean" hints built
// from these tags, so the tags are the format's key names.

type municipalityFile struct {
	Name                   string `toml:"name"`
	ShortName              string `toml:"short_name"`
	Style                  string `toml:"style"`
	Language               string `toml:"language"`
	BaseURL                string `toml:"base_url"`
	BrandColor             string `toml:"brand_color"`
	Logo                   string `toml:"logo"`
	AccessibilityStatement string `toml:"accessibility_statement"`
	Notice                 string `toml:"notice"`
	// NoticeTranslations is [notice_translations]: the notice in other
	// languages, by language code.
	NoticeTranslations map[string]string `toml:"notice_translations"`
	Labels             labelsFile        `toml:"labels"`
	Emergency          *emergencyFile    `toml:"emergency"`
	Guides             []guideEntry      `toml:"guides"`
	Services           []serviceEntry    `toml:"services"`
	Contacts           []contactEntry    `toml:"contacts"`
	Klarsprak          *klarsprakFile    `toml:"klarsprak"`
	Changes            *changesFile      `toml:"changes"`
}

// changesFile is [changes]: how far back the change log (/endringer/)
// goes, and whether it shows the commit messages.
type changesFile struct {
	Months   int   `toml:"months"`
	Messages *bool `toml:"messages"`
}

// klarsprakFile is [klarsprak]: the limits of bti check --klarsprak.
type klarsprakFile struct {
	SentenceWords        int `toml:"sentence_words"`
	LIX                  int `toml:"lix"`
	ParentsSentenceWords int `toml:"parents_sentence_words"`
	ParentsLIX           int `toml:"parents_lix"`
}

type labelsFile struct {
	What     string `toml:"what"`
	How      string `toml:"how"`
	Who      string `toml:"who"`
	Deadline string `toml:"deadline"`
	Tools    string `toml:"tools"`
	Services string `toml:"services"`
}

type emergencyFile struct {
	Title        string                 `toml:"title"`
	Text         string                 `toml:"text"`
	Translations []emergencyTranslation `toml:"translations"`
}

// emergencyTranslation is the emergency box in another language, for the
// pages in it ([[emergency.translations]]).
type emergencyTranslation struct {
	Lang  string `toml:"lang"`
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

type guideEntry struct {
	ID         string `toml:"id"`
	Title      string `toml:"title"`
	ShortTitle string `toml:"short_title"`
	Audience   string `toml:"audience"`
}

type serviceEntry struct {
	ID          string `toml:"id"`
	Name        string `toml:"name"`
	Kind        string `toml:"kind"`
	Description string `toml:"description"`
	Phone       string `toml:"phone"`
	Email       string `toml:"email"`
	URL         string `toml:"url"`
	Address     string `toml:"address"`
}

type contactEntry struct {
	Name  string `toml:"name"`
	Role  string `toml:"role"`
	Phone string `toml:"phone"`
	Email string `toml:"email"`
}

type guideFile struct {
	Title      string `toml:"title"`
	ShortTitle string `toml:"short_title"`
	Audience   string `toml:"audience"`
	Intro      string `toml:"intro"`
}

type levelsFile struct {
	Levels []levelEntry `toml:"levels"`
}

type levelEntry struct {
	Number  *int   `toml:"number"`
	Name    string `toml:"name"`
	Title   string `toml:"title"`
	Color   string `toml:"color"`
	Summary string `toml:"summary"`
}

type levelIndexFront struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
}

type stepFront struct {
	Title    string   `toml:"title"`
	Summary  string   `toml:"summary"`
	Tools    []string `toml:"tools"`
	Services []string `toml:"services"`
	Deadline string   `toml:"deadline"`
	Aliases  []string `toml:"aliases"`
	Audience string   `toml:"audience"`
}

type toolFront struct {
	Title     string   `toml:"title"`
	Kind      string   `toml:"kind"`
	Category  string   `toml:"category"`
	Summary   string   `toml:"summary"`
	File      string   `toml:"file"`
	URL       string   `toml:"url"`
	Languages []string `toml:"languages"`
	Levels    []int    `toml:"levels"`
	Aliases   []string `toml:"aliases"`
	Audience  string   `toml:"audience"`
}

type pageFront struct {
	Title   string   `toml:"title"`
	Summary string   `toml:"summary"`
	Menu    bool     `toml:"menu"`
	Weight  int      `toml:"weight"`
	Aliases []string `toml:"aliases"`

	Audience string `toml:"audience"`
}
