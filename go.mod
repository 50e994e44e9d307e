module github.com/bti-handbook/bti

go 1.26
