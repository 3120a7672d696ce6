package api

import (
	"reflect"
	"strings"
	"testing"
)

// TestScanPlainPutBodyMatchesOnePass checks that whatever body the scan
// accepts, the go-json-experiment pass accepts too, with the same values,
// and that the bodies clients send are scanned.
func TestScanPlainPutBodyMatchesOnePass(t *testing.T) {
	for _, doc := range append(append(append(putBodyEdges, putDocs...), jsonDocs...), scanDocs...) {
		checkScan(t, []byte(doc))
	}
	for _, doc := range []string{
		`{"title":"Floods close the old bridge","body":"The river rose.\n\nUpdate 1: the water level was measured again."}`,
		`{"title":"T","body":"B","url":"https://example.com/a","metadata":{"desk":"metro","tags":["floods"]},"base_revision":3}`,
		`{"body":"B","title":"T"}`,
		" {\r\n\t\"title\" : \"T\" ,\n\"body\"\t:\"\\u00e9\\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\" , \"url\":\"\",\"metadata\" : {} , \"base_revision\" : 12 } \n",
		`{"title":"` + strings.Repeat("é", 1000) + `","body":"` + strings.Repeat("\u2028😀<>&", 300) + `"}`,
		`{"title":"T","body":"B","url":"` + strings.Repeat("é", 2048) + `"}`,
	} {
		var b putArticleBody
		if !scanPlainPutBody([]byte(doc), &b) {
			t.Errorf("%.60q: not scanned, want it scanned", doc)
		}
		checkScan(t, []byte(doc))
	}
}

// scanDocs are bodies at the edges of the scan: names spelled with
// escapes or twice, values of other kinds, numbers that only look plain,
// strings cut short, and escapes of every kind.
var scanDocs = []string{
	`{"\u0074itle":"T","body":"B"}`, `{"ti\"tle":"T","body":"B"}`, `{"title":"T","body":"B","body":"C"}`,
	`{"title":"T","body":"B","url":"u","url":"v"}`, `{"title":"T","body":"B","metadata":{},"metadata":{}}`,
	`{"title":"T","body":"B","base_revision":1,"base_revision":1}`, `{"title":"T","body":"B",}`, `{"title":"T","body":"B"`,
	`{"title":"T","body":"B`, `{"title":"T","body":"B\`, `{"title":"T","body":"B\u00`, `{"title":"T","body":"\x"}`,
	`{"title":"T","body":"\ud83d"}`, `{"title":"T","body":"\ud83dx"}`, `{"title":"T","body":"\ud83d\u0041"}`, `{"title":"T","body":"\ude00"}`,
	`{"title":"T","body":"\ud83d\ude00\uD83D\uDE00\u00E9\u00e9"}`, `{"title":"T","body":"\u0000"}`, "{\"title\":\"T\",\"body\":\"\x7f\"}",
	"{\"title\":\"T\",\"body\":\"\x1f\"}", "{\"title\":\"T\",\"body\":\"a\tb\"}", "{\"title\":\"T\",\"body\":\"\xc3\"}",
	"{\"title\":\"T\",\"body\":\"\xed\xa0\x80\"}", "{\"title\":\"T\",\"body\":\"\xf4\x90\x80\x80\"}", "{\"title\":\"T\",\"body\":\"\xe2\x80\xa8\"}",
	`{"title":"T","body":"B","base_revision":1 }`, `{"title":"T","body":"B","base_revision":1x}`, `{"title":"T","body":"B","base_revision":1.}`,
	`{"title":"T","body":"B","base_revision":1E2}`, `{"title":"T","body":"B","base_revision":}`, `{"title":"T","body":"B","base_revision":-0}`,
	`{"title":"T","body":"B","base_revision":1`, `{"title":"T","body":"B","base_revision":true}`,
	`{"title":"T","body":"B","metadata":{"a":[1,{"b":"\ud800"}]}}`, `{"title":"T","body":"B","metadata":{"a":1,}}`,
	`{"title":"T","body":"B","metadata":{"a":"\u2028<>&"} ,"url":"u"}`, `{"title":"T","body":"B","metadata":{"a":1e400}}`,
	`{"title":"T","body":"B","metadata":{"a":1}`, `{"title":"T","body":"B","metadata":{"a":1}}}`, `{"title":"T","body":"B","metadata":`,
	`{"title":"T","body":"B","url":null}`, `{"title":"T","body":"B","url":"\u0000"}`, `{"title":"T" "body":"B"}`,
	`{"title":"T","body":"B"}` + "\x00", `{"title":"T","body":"B"}` + "\v", "\ufeff" + `{"title":"T","body":"B"}`,
	`{"title" "T","body":"B"}`, `{"title":,"body":"B"}`, `{"title"`, `{"title":"T","body":"B","":1}`, `{`, `{"`,
	`{"title":"` + strings.Repeat(`\u00e9`, 1000) + `","body":"B"}`, `{"title":"` + strings.Repeat(`\u00e9`, 1001) + `","body":"B"}`,
	`{"title":"\ud83d\ude00","body":"B"}`, `{"title":" ","body":" "}`,
}

func checkScan(t *testing.T, doc []byte) {
	t.Helper()
	var got, want putArticleBody
	if !scanPlainPutBody(doc, &got) {
		return
	}
	if !decodePlainPutBody(doc, &want) {
		t.Fatalf("%.80q: scanned, but the go-json-experiment pass refuses it", doc)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%.80q: scanned %+v, want %+v", doc, got, want)
	}
}

// FuzzScanPlainPutBody looks for a body that the scan accepts and the
// go-json-experiment pass does not, or reads otherwise.
func FuzzScanPlainPutBody(f *testing.F) {
	for _, doc := range append(append(append(putBodyEdges, putDocs...), jsonDocs...), scanDocs...) {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) { checkScan(t, doc) })
}
