package groupcommit

// Pending returns how many items wait for a batch, so that tests can order
// their submissions without sleeping.
func (b *Batcher[Tx]) Pending() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.pending)
}
