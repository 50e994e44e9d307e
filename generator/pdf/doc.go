// Package pdf makes the printable PDFs of a municipality's toolbox: every
// form as a fillable A4 PDF, articles as PDFs, the binder (perm) of the
// whole toolbox, and each guide as a printable PDF.
//
// The Markdown tree is first flattened into Blocks (blocks.go), which say
// what a page of paper needs and nothing about PDF; a small drawing
// interface then lays them out, so the PDF library underneath can be
// replaced.
package pdf
