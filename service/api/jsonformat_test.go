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
	for _, doc := range putDocs {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkSameDecoding(t, doc)
		checkSameStructDecoding(t, doc)
	})
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

// putDocs are PUT bodies on which decoding into the input struct could
// part: names in other cases or with other delimiters, names that fold to
// a field's only in Unicode, the same field twice, nulls, and values of
// the wrong type or out of range.
var putDocs = []string{
	`{"title":"T","body":"B","url":"https://example.com/a","metadata":{"desk":"metro"},"base_revision":2}`,
	`{"TITLE":"T","Body":"B","URL":"u","MetaData":{},"Base_Revision":1}`,
	`{"title":"a","Title":"b","TITLE":"c"}`, `{"Title":"b","title":"a"}`, `{"title":"a","title":"b"}`,
	`{"baserevision":1}`, `{"base-revision":1}`, `{"BASE_REVISION":1}`, `{"ba\u017fe_revision":1}`, "{\"ba\u017fe_revision\":1}",
	"{\"\u212aey\":1,\"title\":\"\u212a\"}", `{"t\u0069tle":"escaped name"}`,
	`{"title":null,"body":null,"url":null,"metadata":null,"base_revision":null}`,
	`{"metadata":[1]}`, `{"metadata":"x"}`, `{"metadata":1}`, `{"metadata":{"a":1e400}}`, `{"metadata":{"a":1,"a":2}}`,
	`{"base_revision":1.0}`, `{"base_revision":1e0}`, `{"base_revision":-1}`, `{"base_revision":1e400}`,
	`{"base_revision":"1"}`, `{"base_revision":9223372036854775808}`, `{"base_revision":-0}`, `{"base_revision":true}`,
	`{"title":1,"body":"B"}`, `{"title":["T"]}`, `{"title":{"a":1}}`, `{"body":"B","extra":{"x":[1,2]}}`,
	`{"title":"T","body":"\ud800"}`, "{\"title\":\"\xff\"}", `{"title":"T"} {}`, `[{"title":"T"}]`, `null`, ``,
}

// TestUnmarshalStructMatchesEncodingJSON checks the same for the input
// structs the fast decoder fills.
func TestUnmarshalStructMatchesEncodingJSON(t *testing.T) {
	if len(fastStructs) == 0 {
		t.Fatal("no input struct is decoded by the fast decoder")
	}
	for _, doc := range append(putDocs, jsonDocs...) {
		checkSameStructDecoding(t, []byte(doc))
	}
}

func checkSameStructDecoding(t *testing.T, doc []byte) {
	t.Helper()
	for typ := range fastStructs {
		want, got := reflect.New(typ.Elem()).Interface(), reflect.New(typ.Elem()).Interface()
		wantErr := json.Unmarshal(doc, want)
		gotErr := unmarshalJSON(doc, got)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("%.80q into %v: got %+v (%v), want encoding/json's %+v (%v)", doc, typ, got, gotErr, want, wantErr)
		}
	}
}
