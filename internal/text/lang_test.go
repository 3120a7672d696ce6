package text

import (
	"strings"
	"testing"
)

// TestAbbrevKindsUnique checks that no abbreviation is listed with two
// kinds in one language, shared lists included: the kind it got would
// depend on the order of the lists, not on a rule.
func TestAbbrevKindsUnique(t *testing.T) {
	for code, own := range languageLists {
		kinds := map[string]abbrevKind{}
		for _, w := range []wordLists{shared, own} {
			for _, list := range w.abbrevLists() {
				for _, a := range strings.Fields(list.words) {
					if k, ok := kinds[a]; ok && k != list.kind {
						t.Errorf("%s: %q has kinds %d and %d, want one", code, a, k, list.kind)
					}
					kinds[a] = list.kind
				}
			}
		}
	}
}
