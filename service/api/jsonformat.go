package api

import (
	"encoding/json"

	"github.com/danielgtaylor/huma/v2"
	jsonv2 "github.com/go-json-experiment/json"
)

// jsonFormat is huma's JSON format with a faster decoder for the one
// document huma decodes into an empty interface: the copy of every request
// body it validates against the operation's schema before decoding it again
// into the input struct. go-json-experiment decodes a 5 KB article about
// 2.5 times faster than encoding/json there. It is used only where both
// decoders give the same value: whenever it fails (invalid UTF-8, a
// duplicate name, a number out of range, malformed JSON), encoding/json
// decodes the body again, so that its result and its error, which
// plainDetail rewords, are exactly those of encoding/json. Decoding into
// the input struct stays with encoding/json.
var jsonFormat = huma.Format{
	Marshal:   huma.DefaultJSONFormat.Marshal,
	Unmarshal: unmarshalJSON,
}

func unmarshalJSON(data []byte, v any) error {
	if doc, ok := v.(*any); ok {
		var fast any
		if jsonv2.Unmarshal(data, &fast) == nil {
			*doc = fast
			return nil
		}
	}
	return json.Unmarshal(data, v)
}
