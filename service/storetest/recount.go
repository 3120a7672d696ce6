package storetest

import (
	"context"
	"testing"

	"github.com/redline-news/redline/diff"
	"github.com/redline-news/redline/service"
)

// RecountBodies are the texts of the stores' word-recount migration tests:
// one whose words the count of revisions stored before it (runs of
// letters) and the diff's agree on, and two they do not: the Chinese
// sentence was counted 2 words, one a clause, and is 16.
var RecountBodies = map[string]string{
	"en": "The river rose overnight.",
	"zh": "北京市政府周一宣布，将完成改造工程。",
	"ja": "東京では、雨が降った。",
}

// OldWordCounts is the statement that gives RecountBodies' revisions the
// counts revisions stored before the recount have.
const OldWordCounts = `UPDATE revisions SET words = 2 WHERE article_id IN ('zh', 'ja')`

// PutRecountBodies stores RecountBodies, one article each.
func PutRecountBodies(t *testing.T, s service.RevisionStore) {
	t.Helper()
	for id, body := range RecountBodies {
		if _, _, err := s.PutRevision(context.Background(), service.Draft{ArticleID: id, Title: "T", Body: body}); err != nil {
			t.Fatalf("put %s: %v", id, err)
		}
	}
}

// CheckRecountedWords checks that every revision of RecountBodies counts
// its words as the diff does, its body unchanged.
func CheckRecountedWords(t *testing.T, s service.RevisionStore) {
	t.Helper()
	for id, body := range RecountBodies {
		rev, err := s.RevisionByNumber(context.Background(), id, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := diff.CountWords(body); rev.Words != want || rev.Body != body {
			t.Errorf("%s: after the migration words %d, body %q; want %d, %q", id, rev.Words, rev.Body, want, body)
		}
	}
}
