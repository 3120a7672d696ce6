package storekit

import "fmt"

// Rows is what both database/sql's and pgx's result rows offer for reading
// them; closing them stays with the caller, whose drivers differ there.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// CollectRows reads every row of rows with scan, in order, into a slice
// that is empty rather than nil when there is none. It returns scan's first
// error as it is, and the error of the rows themselves through listErr.
func CollectRows[T any](rows Rows, scan func(scan func(dest ...any) error) (*T, error), listErr func(error) error) ([]T, error) {
	items := []T{}
	for rows.Next() {
		item, err := scan(rows.Scan)
		if err != nil {
			return nil, err
		}
		items = append(items, *item)
	}
	if err := rows.Err(); err != nil {
		return nil, listErr(err)
	}
	return items, nil
}

// Prefix returns the listErr that says "op: err", wrapping err.
func Prefix(op string) func(error) error {
	return func(err error) error { return fmt.Errorf("%s: %w", op, err) }
}
