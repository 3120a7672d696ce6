package postgres

import (
	"context"
	"testing"

	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/postgres/pgtest"
)

// TestOneFailureFailsOnlyItsDraft commits one batch that mixes good drafts,
// a failed precondition and text PostgreSQL refuses: only the bad drafts
// fail, and the good ones are numbered in their order of arrival.
func TestOneFailureFailsOnlyItsDraft(t *testing.T) {
	db, err := Open(context.Background(), pgtest.Schema(t), Options{MaxConns: 2})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer db.Close()
	drafts := []service.Draft{
		{ArticleID: "b", Title: "T", Body: "b first"},
		{ArticleID: "a", Title: "T", Body: "a first"},
		{ArticleID: "b", Title: "T", Body: "b stale", BaseRevisions: []int{7}},
		{ArticleID: "c", Title: "T", Body: "nul \x00 byte"},
		{ArticleID: "b", Title: "T", Body: "b second"},
		{ArticleID: "d", Title: "T", Body: "d must exist", MustExist: true},
	}
	wantCodes := []string{"", "", service.EPRECONDITION, service.EINVALID, "", service.EPRECONDITION}
	wantNumbers := []int{1, 1, 0, 0, 2, 0}
	batch := make([]*putRequest, len(drafts))
	for i, d := range drafts {
		batch[i] = &putRequest{ctx: context.Background(), draft: d, digest: d.Digest(), done: make(chan putResult, 1)}
	}
	db.commitBatch(batch)
	for i, req := range batch {
		res := <-req.done
		if got := service.ErrorCode(res.err); got != wantCodes[i] {
			t.Errorf("draft %d (%s): got code %q (%v), want %q", i, drafts[i].Body, got, res.err, wantCodes[i])
		}
		if res.err == nil && res.rev.Number != wantNumbers[i] {
			t.Errorf("draft %d (%s): got revision %d, want %d", i, drafts[i].Body, res.rev.Number, wantNumbers[i])
		}
		if i == 4 && res.err == nil {
			// No guess came with the drafts: the batch diffed "b second"
			// against the body it read of "b first".
			want, _ := service.ChangeStatsBetween("b first", "b second")
			if res.rev.Changes != want {
				t.Errorf("draft 4 (b second): got changes %+v, want %+v", res.rev.Changes, want)
			}
		}
	}
	for _, id := range []string{"c", "d"} {
		if _, err := db.LatestRevision(context.Background(), id); service.ErrorCode(err) != service.ENOTFOUND {
			t.Errorf("article %s after its draft failed: got %v, want not found", id, err)
		}
	}
	if batches, n := db.BatchStats(); batches != 1 || n != int64(len(drafts)) {
		t.Errorf("batches: got %d holding %d drafts, want 1 holding %d", batches, n, len(drafts))
	}
}
