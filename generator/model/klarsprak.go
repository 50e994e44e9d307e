package model

import "slices"

// Audiences a page, step or toolbox document may name in its front
// matter (audience = "foreldre"). Package klarsprak holds the texts
// written for parents to stricter limits.
const (
	AudienceParents = "foreldre" // parents (the same word in bokmål and nynorsk)
	AudienceStaff   = "ansatte"  // staff: the default
)

// audiences are the values audience may have: "tilsette" is nynorsk for
// staff.
var audiences = []string{AudienceParents, AudienceStaff, "tilsette"}

// Audiences returns the values audience may have.
func Audiences() []string { return slices.Clone(audiences) }

// ParentsPage is the slug of the national page written for parents,
// which counts as a parents' page without an audience key.
const ParentsPage = "for-foreldre"

// KlarsprakLimits are the limits of municipality.toml's [klarsprak]
// table, for bti check --klarsprak; 0 means the key is not set (package
// klarsprak has the defaults).
type KlarsprakLimits struct {
	SentenceWords        int // longest sentence, in words, for staff
	LIX                  int // highest LIX of a page for staff
	ParentsSentenceWords int // the same for pages meant for parents
	ParentsLIX           int
}
