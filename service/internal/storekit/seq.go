// Package storekit holds the logic that the SQL stores share and that
// neither their SQL nor their database driver shapes: waiting for the
// change feed's newest seq, gathering and queueing an event's deliveries,
// reading result rows into a slice, and the migration files' version
// numbers.
package storekit

import (
	"context"
	"sync"
)

// Seq is the newest event seq a store has seen, and wakes the feed readers
// that wait for it to pass theirs. A store raises it with Bump, however it
// learns of new events (polling, notifications). Use NewSeq.
type Seq struct {
	mu      sync.Mutex
	last    int64
	changed chan struct{} // closed, and replaced, when last grows
}

// NewSeq returns a Seq at 0.
func NewSeq() *Seq { return &Seq{changed: make(chan struct{})} }

// Bump raises the newest seq to seq, waking every waiter, when seq is
// greater; a smaller or equal seq changes nothing.
func (s *Seq) Bump(seq int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq > s.last {
		s.last = seq
		close(s.changed)
		s.changed = make(chan struct{})
	}
}

// WaitPast returns nil once s passes after, ctx.Err() when ctx ends, and
// stopErr when stop receives or is closed, whichever comes first.
func WaitPast[T any](ctx context.Context, s *Seq, after int64, stop <-chan T, stopErr error) error {
	for {
		s.mu.Lock()
		last, changed := s.last, s.changed
		s.mu.Unlock()
		if last > after {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-stop:
			return stopErr
		case <-changed:
		}
	}
}
