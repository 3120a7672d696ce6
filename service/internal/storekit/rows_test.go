package storekit

import (
	"errors"
	"reflect"
	"testing"
)

// fakeRows yields its values one a row, then err.
type fakeRows struct {
	values []int
	next   int
	err    error
}

func (r *fakeRows) Next() bool { r.next++; return r.next <= len(r.values) }
func (r *fakeRows) Err() error { return r.err }
func (r *fakeRows) Scan(dest ...any) error {
	*dest[0].(*int) = r.values[r.next-1]
	return nil
}

func scanInt(scan func(dest ...any) error) (*int, error) {
	var n int
	if err := scan(&n); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, errors.New("negative")
	}
	return &n, nil
}

func TestCollectRows(t *testing.T) {
	got, err := CollectRows(&fakeRows{values: []int{3, 1, 2}}, scanInt, Prefix("list"))
	if err != nil || !reflect.DeepEqual(got, []int{3, 1, 2}) {
		t.Fatalf("got %v, %v; want [3 1 2]", got, err)
	}
	got, err = CollectRows(&fakeRows{}, scanInt, Prefix("list"))
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("no rows: got %#v, %v; want an empty slice", got, err)
	}
	if got, err := CollectRows(&fakeRows{values: []int{1, -1, 2}}, scanInt, Prefix("list")); got != nil || err == nil || err.Error() != "negative" {
		t.Fatalf("scan error: got %v, %v; want nil, negative", got, err)
	}
	cause := errors.New("connection lost")
	got, err = CollectRows(&fakeRows{values: []int{1}, err: cause}, scanInt, Prefix("list things"))
	if got != nil || !errors.Is(err, cause) || err.Error() != "list things: connection lost" {
		t.Fatalf("rows error: got %v, %v; want nil, list things: connection lost", got, err)
	}
}

func TestMigrationVersion(t *testing.T) {
	for name, want := range map[string]int{"migrations/0001_init.sql": 1, "0012_x.sql": 12} {
		if v, err := MigrationVersion(name); err != nil || v != want {
			t.Errorf("MigrationVersion(%s) = %d, %v; want %d", name, v, err, want)
		}
	}
	if _, err := MigrationVersion("migrations/init.sql"); err == nil || err.Error() != "migration file names must start with a version number" {
		t.Errorf("MigrationVersion(init.sql) = %v", err)
	}
}
