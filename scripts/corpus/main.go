// Command corpus writes a synthetic project of N municipalities in bti's
// format and the same text as a plain Hugo site (see internal/corpus), so
// that both generators can be timed on the same input
// (scripts/bench-hugo.sh).
//
//	go run ./scripts/corpus -n 50 -out /tmp/bti-corpus
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/bti-handbook/bti/internal/corpus"
)

func main() {
	n := flag.Int("n", 50, "how many municipalities")
	out := flag.String("out", "/tmp/bti-corpus", "where to write bti/ and hugo/")
	src := flag.String("src", ".", "the bti repository (for the sample and the national content)")
	flag.Parse()
	files, err := corpus.Write(*src, *out, *n, true)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d municipalities: %s/bti and %s/hugo (%d Markdown files for Hugo)\n", *n, *out, *out, files)
}
