// Package search builds the search index of a site in Go at build time, in
// the serialized format of MiniSearch (the vendored client), so the
// browser only loads it: no Node at build time and no third party at
// search time.
//
// Terms are cut to their stem with the Snowball Norwegian stemmer
// (stem.go), which serves bokmål and nynorsk alike: "tjenester" and
// "tjeneste" both give "tjenest", "barnas" and "barnet" give "barn". The
// browser stems what is typed with the same algorithm: its rules
// (rules.go) travel in the index file, so both sides always agree.
package search
