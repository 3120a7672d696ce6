package storekit

import (
	"errors"
	"strconv"
	"strings"
)

// MigrationVersion reads the number in front of a migration's file name,
// as in migrations/0002_events.sql.
func MigrationVersion(name string) (int, error) {
	base := strings.TrimPrefix(name, "migrations/")
	num, _, _ := strings.Cut(base, "_")
	v, err := strconv.Atoi(num)
	if err != nil {
		return 0, errors.New("migration file names must start with a version number")
	}
	return v, nil
}
