package api

import (
	"github.com/danielgtaylor/huma/v2"
)

// RawObject is a JSON object kept exactly as the client sent it, so that
// its size limit counts the bytes received, not a re-encoding of them.
type RawObject []byte

// UnmarshalJSON keeps a copy of the raw bytes; the schema has already
// checked that they are an object.
func (o *RawObject) UnmarshalJSON(b []byte) error {
	*o = append((*o)[:0], b...)
	return nil
}

// MarshalJSON writes the object back as it came.
func (o RawObject) MarshalJSON() ([]byte, error) {
	if len(o) == 0 {
		return []byte("null"), nil
	}
	return o, nil
}

// Schema describes RawObject as any JSON object.
func (RawObject) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeObject, AdditionalProperties: true,
		Description: "Any JSON object, kept with the revision (16 KiB at most, counted as sent)."}
}
