// Command pdfcheck checks PDF files against the rules of package pdfcheck
// (the machine-checkable rules of tagged PDF that bti's PDFs keep):
//
//	go run ./internal/pdfcheck/cmd/pdfcheck public/*/pdf/*.pdf
//
// It prints each problem as "file: problem", a count per file with -v,
// and exits with 1 when any file has a problem.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bti-handbook/bti/internal/pdfcheck"
)

func main() {
	verbose := flag.Bool("v", false, "print every file with its number of pages and problems")
	flag.Parse()
	bad := 0
	for _, f := range flag.Args() {
		data, err := os.ReadFile(f)
		if err == nil {
			var doc *pdfcheck.Doc
			if doc, err = pdfcheck.Check(data); err == nil {
				for _, p := range doc.Problems {
					fmt.Printf("%s: %s\n", f, p)
				}
				if len(doc.Problems) > 0 {
					bad++
				}
				if *verbose {
					fmt.Printf("%s: %d pages, %d annotations, %d problems\n", f, doc.Pages, len(doc.Annots), len(doc.Problems))
				}
				continue
			}
		}
		fmt.Printf("%s: %v\n", f, err)
		bad++
	}
	fmt.Printf("%d files, %d with problems\n", flag.NArg(), bad)
	if bad > 0 {
		os.Exit(1)
	}
}
