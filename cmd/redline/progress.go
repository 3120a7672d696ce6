package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/term"
)

// progress draws "summarized 120/4000" on a terminal's stderr. It is a few
// lines on purpose: a bar library would add dependencies for one counter.
// On anything but a terminal it draws nothing, so logs and pipes stay clean.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	count int
}

func newProgress(stderr io.Writer, total int) *progress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{total: total}
	}
	return &progress{w: stderr, total: total}
}

func (p *progress) add() {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	if p.count%16 == 0 || p.count == p.total {
		fmt.Fprintf(p.w, "\rsummarized %d/%d", p.count, p.total)
	}
}

func (p *progress) done() {
	if p.w != nil {
		fmt.Fprintln(p.w)
	}
}
