module github.com/redline-news/redline/docs/bench/langdetect

go 1.26.0

require (
	github.com/abadojack/whatlanggo v1.0.1
	github.com/pemistahl/lingua-go v1.4.0
)

require (
	github.com/blevesearch/snowballstem v0.9.0 // indirect
	github.com/shopspring/decimal v1.3.1 // indirect
	golang.org/x/exp v0.0.0-20221106115401-f9659909a136 // indirect
	golang.org/x/text v0.43.0 // indirect
	google.golang.org/protobuf v1.36.12 // indirect
)

require github.com/redline-news/redline v0.0.0

// The summarizer measured is the one of the repository this module sits in.
replace github.com/redline-news/redline => ../../..
