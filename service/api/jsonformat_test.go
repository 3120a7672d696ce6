package api

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// jsonDocs are bodies on which the two decoders could part: escapes,
// surrogates, invalid UTF-8, duplicate names, numbers out of range or
// beyond float64's precision, trailing data, deep nesting and bad syntax.
var jsonDocs = []string{
	`{"title":"Floods","body":"The river rose.\n\nUpdate 1."}`,
	`{"title":"T","body":"` + strings.Repeat("The river rose 12 cm. ", 300) + `"}`,
	`{"a":"\u00e9\u4e2d\ud83d\ude00","b":"\ud800","c":"\\\"\/\b\f\n\r\t"}`,
	"{\"a\":\"\xff\xfe\"}", `{"a":1,"a":2}`, `{"n":1e400}`, `{"n":-1e-400}`,
	`{"n":12345678901234567890123}`, `{"n":-0}`, `{"n":1.0}`, `{"n":0.1e1}`,
	`{"a":[1,"x",true,false,null,{"b":[]}]}`, `[1,2]`, `"s"`, `null`, `3`,
	`{"a":1} x`, `{"a":1}{}`, `{"a":}`, `{a:1}`, `{"a":1,}`, `[1,]`, ``, ` `, `{"a":"` + "\x00" + `"}`,
	`{"metadata":{"desk":"metro","n":[1,2,{"x":null}]},"base_revision":3}`,
	strings.Repeat("[", 200) + strings.Repeat("]", 200),
	`{"a":"\u0000"}`, `{"a":"\uDC00\uD800"}`, `{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":+1}`, `{"a":NaN}`,
}

// TestUnmarshalJSONMatchesEncodingJSON checks that decoding into an empty
// interface gives exactly encoding/json's value and error.
func TestUnmarshalJSONMatchesEncodingJSON(t *testing.T) {
	for _, doc := range jsonDocs {
		checkSameDecoding(t, []byte(doc))
	}
}

// FuzzUnmarshalJSON looks for a body on which the fast decoder and
// encoding/json disagree.
func FuzzUnmarshalJSON(f *testing.F) {
	for _, doc := range jsonDocs {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) { checkSameDecoding(t, doc) })
}

func checkSameDecoding(t *testing.T, doc []byte) {
	t.Helper()
	var want, got any
	wantErr := json.Unmarshal(doc, &want)
	gotErr := unmarshalJSON(doc, &got)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("%.80q: got %#v (%v), want encoding/json's %#v (%v)", doc, got, gotErr, want, wantErr)
	}
}
