module github.com/bti-handbook/bti

go 1.26.0

require github.com/BurntSushi/toml v1.6.0

require (
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/text v0.44.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)
