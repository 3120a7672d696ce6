package storekit

import (
	"context"
	"errors"
	"testing"
)

func TestWaitPast(t *testing.T) {
	errStop := errors.New("stop")
	s := NewSeq()
	s.Bump(5)
	s.Bump(3) // smaller: the newest stays 5
	never := make(chan struct{})
	if err := WaitPast(context.Background(), s, 4, never, errStop); err != nil {
		t.Fatalf("past already: %v", err)
	}

	done := make(chan error)
	go func() { done <- WaitPast(context.Background(), s, 5, never, errStop) }()
	s.Bump(5) // equal: wakes nobody for good
	s.Bump(6)
	if err := <-done; err != nil {
		t.Fatalf("after a bump past it: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	go func() { done <- WaitPast(ctx, s, 6, never, errStop) }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v, want context.Canceled", err)
	}

	stop := make(chan struct{})
	go func() { done <- WaitPast(context.Background(), s, 6, stop, errStop) }()
	close(stop)
	if err := <-done; err != errStop {
		t.Fatalf("after stop: %v, want %v", err, errStop)
	}
}

func TestWaitPastManyWaiters(t *testing.T) {
	s := NewSeq()
	never := make(chan struct{})
	const n = 8
	done := make(chan error, n)
	for range n {
		go func() { done <- WaitPast(context.Background(), s, 0, never, nil) }()
	}
	s.Bump(1)
	for range n {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
