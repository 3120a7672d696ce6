package sqlite

// SetRestatBatch sets how many revisions one transaction of the change
// stats recount holds, and returns what restores it.
func SetRestatBatch(n int) (restore func()) {
	old := restatBatch
	restatBatch = n
	return func() { restatBatch = old }
}
