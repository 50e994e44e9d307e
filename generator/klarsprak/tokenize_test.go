package klarsprak

import (
	"reflect"
	"strings"
	"testing"
)

// split returns the sentences of text as the text of each.
func split(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"plain", "Barnet er trygt. Foreldrene er med.", []string{"Barnet er trygt.", "Foreldrene er med."}},
		{"question and exclamation", "Er du bekymret? Ring oss! Vi svarer.", []string{"Er du bekymret?", "Ring oss!", "Vi svarer."}},
		{"f.eks. before a small letter", "Bruk f.eks. observasjonsskjemaet. Skriv ned det du ser.",
			[]string{"Bruk f.eks. observasjonsskjemaet.", "Skriv ned det du ser."}},
		{"f.eks. before a capital letter", "Ta kontakt med en tjeneste, f.eks. PPT eller helsestasjonen.",
			[]string{"Ta kontakt med en tjeneste, f.eks. PPT eller helsestasjonen."}},
		{"F.eks. first", "F.eks. kan dere møtes. Det hjelper.", []string{"F.eks. kan dere møtes.", "Det hjelper."}},
		{"bl.a. and m.a.", "Dette gjelder bl.a. Lillestrøm. Det gjeld m.a. Vardø.", []string{"Dette gjelder bl.a. Lillestrøm.", "Det gjeld m.a. Vardø."}},
		{"t.d. (nynorsk)", "Bruk t.d. Barnets stemme. Så kan de snakke.", []string{"Bruk t.d. Barnets stemme.", "Så kan de snakke."}},
		{"nr. and kl.", "Ring rom nr. 5 kl. 10. Da er vi der.", []string{"Ring rom nr. 5 kl. 10.", "Da er vi der."}},
		{"jf. before a law", "Meld fra, jf. Barnevernsloven § 13-2. Du må ikke vente.", []string{"Meld fra, jf. Barnevernsloven § 13-2.", "Du må ikke vente."}},
		{"ca., dvs., pga., iht., mht., evt.", "Det tar ca. Tre uker, dvs. Lenge, pga. Ferien, iht. Planen, mht. Barnet, evt. Lenger.",
			[]string{"Det tar ca. Tre uker, dvs. Lenge, pga. Ferien, iht. Planen, mht. Barnet, evt. Lenger."}},
		{"osv. may end a sentence", "Ta med papir, blyanter osv. Neste uke begynner vi.", []string{"Ta med papir, blyanter osv.", "Neste uke begynner vi."}},
		{"osv. inside a sentence", "Papir, blyanter osv. er på plass.", []string{"Papir, blyanter osv. er på plass."}},
		{"m.m. and o.l. at the end", "Vi bruker skjemaer m.m.", []string{"Vi bruker skjemaer m.m."}},
		{"etc. ends before a capital", "Lek, språk etc. Alt teller.", []string{"Lek, språk etc.", "Alt teller."}},
		{"ordinal date", "Møtet er 1. mai. Alle kommer.", []string{"Møtet er 1. mai.", "Alle kommer."}},
		{"ordinal class", "Eleven går i 10. klasse og trives.", []string{"Eleven går i 10. klasse og trives."}},
		{"number ends a sentence before a capital", "Gruppen har 25 barn. Alle er med.", []string{"Gruppen har 25 barn.", "Alle er med."}},
		{"number at the end", "Vi har plass til 12.", []string{"Vi har plass til 12."}},
		{"initials", "Spør K. Hansen eller A. B. Olsen. De vet.", []string{"Spør K. Hansen eller A. B. Olsen.", "De vet."}},
		{"decimals and times", "Det er 12,5 timer fra kl. 10.30 til 23:00 den 1.1.2026. Så går vi.",
			[]string{"Det er 12,5 timer fra kl. 10.30 til 23:00 den 1.1.2026.", "Så går vi."}},
		{"web address", "Les mer på https://www.bufdir.no/bti. Eller ring.", []string{"Les mer på https://www.bufdir.no/bti.", "Eller ring."}},
		{"www address", "Se www.example.no/foreldre. Der står det.", []string{"Se www.example.no/foreldre.", "Der står det."}},
		{"domain without www", "Se example.no. Der står det.", []string{"Se example.no.", "Der står det."}},
		{"e-mail address", "Send e-post til ppt@example.no. Vi svarer.", []string{"Send e-post til ppt@example.no.", "Vi svarer."}},
		{"quotes", "«Kommer du?» spurte hun. Ja.", []string{"«Kommer du?» spurte hun.", "Ja."}},
		{"quote closes after the stop", "Han sa: «Det går bra.» Så gikk han.", []string{"Han sa: «Det går bra.»", "Så gikk han."}},
		{"brackets", "(Dette er viktig.) Les det.", []string{"(Dette er viktig.)", "Les det."}},
		{"ellipsis", "Vi vet ikke … Kanskje i morgen... eller ikke.", []string{"Vi vet ikke …", "Kanskje i morgen... eller ikke."}},
		{"colon and semicolon do not end", "Husk dette: ring først; skriv etterpå.", []string{"Husk dette: ring først; skriv etterpå."}},
		{"small letter after a stop", "Kontakt adm. leder i dag.", []string{"Kontakt adm. leder i dag."}},
		{"unknown abbreviation before small letter", "Kontakt avdelingsled. for barnehage.", []string{"Kontakt avdelingsled. for barnehage."}},
		{"dash after stop", "Det gikk bra. – Fint, sa hun.", []string{"Det gikk bra.", "– Fint, sa hun."}},
		{"no terminator", "Undring og bekymring", []string{"Undring og bekymring"}},
		{"only punctuation", "... !!! – ?", nil},
		{"empty", "", nil},
		{"non-breaking spaces", "Ring\u00a0112. Nå.", []string{"Ring\u00a0112.", "Nå."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := split(c.text)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
			}
		})
	}
}

// words returns the words of text as written, with a mark for each kind.
func words(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		for _, w := range s.Words {
			mark := [...]string{"", "#", "~", "@"}[w.Kind]
			out = append(out, mark+text[w.Start:w.End])
		}
	}
	return out
}

func TestWords(t *testing.T) {
	cases := []struct{ text, want string }{
		{"BTI-koordinatoren ringer.", "BTI-koordinatoren ringer"},
		{"Det er f.eks. bl.a. t.o.m. sånn.", "Det er ~f.eks. ~bl.a. ~t.o.m. sånn"},
		{"Kl. 10.30 og 12,5 og 1.1.2026 og 23:00.", "~Kl. #10.30 og #12,5 og #1.1.2026 og #23:00"},
		{"Se https://example.no/a?b=c, eller post@example.no.", "Se @https://example.no/a?b=c eller @post@example.no"},
		{"Barnets og barnas' rett; Lillestrøm’s.", "Barnets og barnas rett Lillestrøm’s"},
		{"barnehage- og skoleansatte", "barnehage og skoleansatte"},
		{"og/eller", "og eller"},
		{"22 00 00 00", "#22 #00 #00 #00"},
		{"Čáhcesuolu ja Kárášjohka.", "Čáhcesuolu ja Kárášjohka"},
		{"nr.5 er ledig", "nr.5 er ledig"},
		{"a\u0301 e\u0301", "a\u0301 e\u0301"},
	}
	for _, c := range cases {
		if got := strings.Join(words(c.text), " "); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLongWords(t *testing.T) {
	s := Sentences("Samarbeidsmøtet er et møte. Barnehage har sju bokstaver? Nei, ni. Skolen har seks. https://example.no/samarbeidsmote f.eks.")
	var st Stats
	var long []string
	text := "Samarbeidsmøtet er et møte. Barnehage har sju bokstaver? Nei, ni. Skolen har seks. https://example.no/samarbeidsmote f.eks."
	for _, se := range s {
		st.Add(se)
		for _, w := range se.Words {
			if w.Long() {
				long = append(long, text[w.Start:w.End])
			}
		}
	}
	// "Skolen" has six letters (not long); an address is never long.
	if want := []string{"Samarbeidsmøtet", "Barnehage", "bokstaver"}; !reflect.DeepEqual(long, want) {
		t.Errorf("long words %q, want %q", long, want)
	}
	if st.Sentences != 5 || st.Words != 15 || st.Long != 3 {
		t.Errorf("stats %+v", st)
	}
}
