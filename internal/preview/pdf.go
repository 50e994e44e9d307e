package preview

import (
	"sync"

	"github.com/bti-handbook/bti/generator/pipeline"
)

// pdfCache holds PDFs made on request, each with the key of the inputs
// it was made from (pdf.Job.Key, the same key a build uses), so that
// editing text never waits for PDFs and a PDF is made again only when
// what it shows has changed.
type pdfCache struct {
	mu      sync.Mutex
	entries map[string]pdfEntry
}

type pdfEntry struct {
	key  [32]byte
	data []byte
}

// makePDF returns the PDF at name (its path in the output tree, as the
// build has it) of the current site, from the cache when its key is
// unchanged; ok is false when the site has no such PDF.
func (s *Site) makePDF(st state, name string) (data []byte, ok bool, err error) {
	job, ok := st.pdfs[name]
	if !ok {
		return nil, false, nil
	}
	key := job.Key()
	s.pdfs.mu.Lock()
	e, cached := s.pdfs.entries[name]
	s.pdfs.mu.Unlock()
	if cached && e.key == key {
		return e.data, true, nil
	}
	data, err = job.Make()
	if err != nil {
		return nil, true, err
	}
	s.pdfs.mu.Lock()
	if s.pdfs.entries == nil {
		s.pdfs.entries = map[string]pdfEntry{}
	}
	s.pdfs.entries[name] = pdfEntry{key: key, data: data}
	s.pdfs.mu.Unlock()
	return data, true, nil
}

// jobsByPath indexes the PDFs of a build by their path in the output.
func jobsByPath(jobs []pipeline.PDFJob) map[string]pipeline.PDFJob {
	out := make(map[string]pipeline.PDFJob, len(jobs))
	for _, j := range jobs {
		out[j.Path] = j
	}
	return out
}
