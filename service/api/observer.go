package api

import "time"

// Observer is told of the work the API does, so that it can be counted;
// *metrics.Metrics implements it. The API does not import the metrics
// package, so either can change without the other.
type Observer interface {
	SummaryComputed(algorithm string, words, bytes int, d time.Duration)
	DiffComputed(words, bytes int, d time.Duration)
	CacheHit(cache string)
	CacheMiss(cache string)
	CacheEvicted(cache string)
	SetCacheEntries(cache string, n int)
	RevisionStored()
	UnchangedPutSkipped()
}

// nopObserver is the Observer of a server that nobody watches.
type nopObserver struct{}

func (nopObserver) SummaryComputed(string, int, int, time.Duration) {}
func (nopObserver) DiffComputed(int, int, time.Duration)            {}
func (nopObserver) CacheHit(string)                                 {}
func (nopObserver) CacheMiss(string)                                {}
func (nopObserver) CacheEvicted(string)                             {}
func (nopObserver) SetCacheEntries(string, int)                     {}
func (nopObserver) RevisionStored()                                 {}
func (nopObserver) UnchangedPutSkipped()                            {}
