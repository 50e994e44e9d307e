package searchtest

// Case is a word and its stem.
type Case struct{ Word, Stem string }

// Cases are words whose stems show each rule of the Snowball Norwegian
// algorithm, with the stems of Snowball's own C stemmer (libstemmer
// 2.2.0: `stemwords -l no`). The reference module disagrees on
// "eksperter" and "konserten": it also turns "ert" into "er" after
// another suffix was removed, which the algorithm does not.
func Cases() []Case {
	return []Case{
		// The core words of the handbook.
		{"tjeneste", "tjenest"}, {"tjenester", "tjenest"}, {"tjenestene", "tjenest"}, {"tjenestens", "tjenest"},
		{"barnas", "barn"}, {"barna", "barn"}, {"barnet", "barn"}, {"barns", "barn"},
		{"foreldrenes", "foreldr"}, {"foreldrene", "foreldr"}, {"foreldre", "foreldr"},
		{"ansvarlige", "ansvar"}, {"ansvarlig", "ansvar"},
		// Nynorsk endings.
		{"tenesta", "tenest"}, {"tenestene", "tenest"}, {"barnehagane", "barnehag"}, {"tiltaka", "tiltak"},
		{"heilskapleg", "heilskap"}, {"forsvarleg", "forsvar"},
		// R1 begins after a non-vowel that follows a vowel, counted in
		// letters (ø is two bytes), and after three letters at least.
		{"ørene", "øren"}, {"på", "på"}, {"og", "og"}, {"ppt", "ppt"}, {"barn", "barn"},
		{"says", "says"}, {"ways", "ways"},
		// Step 1: the longest suffix that lies in R1; s only after a
		// valid s-ending, or after k that follows a non-vowel.
		{"bekymringsmeldingen", "bekymringsmelding"}, {"vurderinger", "vurdering"},
		{"tiltakets", "tiltak"}, {"tiltaks", "tiltaks"}, {"fiks", "fiks"}, {"blinks", "blink"},
		{"kurs", "kur"}, {"prosess", "prosess"},
		// erte and ert become er, and only when they are the suffix found.
		{"oppdaterte", "oppdater"}, {"eksperter", "ekspert"}, {"konserten", "konsert"},
		// Step 2: dt and vt in R1 lose the t.
		{"sendt", "send"}, {"godt", "godt"},
		// Step 3: the longest derivational suffix that lies in R1.
		{"hyggelig", "hygg"}, {"hetslov", "het"}, {"kjærlighetslov", "kjærlig"},
	}
}
