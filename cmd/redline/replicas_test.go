package main

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/service/postgres/pgtest"
)

// TestTwoReplicasShareOnePostgreSQL runs two `redline serve` processes on one
// PostgreSQL schema (they migrate it together on start) and has 32 writers,
// spread over both, race on one hot article and a few others. Afterwards
// every 201 is stored with exactly its body, numbers run 1..N, and every
// 412 and unchanged 200 agrees with what the writers sent.
func TestTwoReplicasShareOnePostgreSQL(t *testing.T) {
	dsn := pgtest.Schema(t)
	bin := buildRedline(t)
	dir := t.TempDir()
	replicas := make([]*process, 2)
	errs := make([]error, len(replicas))
	var wg sync.WaitGroup
	for i := range replicas {
		wg.Add(1)
		go func() { defer wg.Done(); replicas[i], errs[i] = tryStartProcess(t, bin, dir, dsn) }()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("replica %d: %v", i, err)
		}
	}
	outcomes := runReplicaWriters(t, replicas)
	client := &http.Client{Timeout: 10 * time.Second}
	stored := map[string]map[int]revisionJSON{}
	for _, id := range replicaArticles {
		stored[id] = storedRevisions(t, client, replicas[1].addr, id)
	}
	wantAcknowledged(t, outcomes, stored)
	wantCountsAgree(t, outcomes, stored)
	for _, p := range replicas {
		p.stop(t)
	}
}

// replicaArticles are the articles the writers share; the first is hot.
var replicaArticles = []string{"hot", "side-1", "side-2", "side-3"}

// runReplicaWriters runs 32 writers, each sending 10 PUTs to its replica:
// plain new bodies, bodies with If-Match on the revision it last saw, and
// repeats of the PUT it just got a 201 for.
func runReplicaWriters(t *testing.T, replicas []*process) []outcome {
	t.Helper()
	const writers, each = 32, 10
	results := make([][]outcome, writers)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			client := &http.Client{Timeout: 30 * time.Second}
			addr := replicas[w%len(replicas)].addr
			lastRev := map[string]int{}
			var prev outcome
			for i := 0; i < each; i++ {
				id := replicaArticles[0]
				if i%3 == 2 {
					id = replicaArticles[1+(w+i)%(len(replicaArticles)-1)]
				}
				body, ifMatch := fmt.Sprintf("Writer %d, edit %d, on %s.", w, i, id), ""
				switch {
				case i%3 == 0 && prev.status == http.StatusCreated:
					id, body = prev.id, prev.body // the same PUT again, right away
				case i%4 == 1 && lastRev[id] > 0:
					ifMatch = `"` + strconv.Itoa(lastRev[id]) + `"`
				}
				o, err := putRevision(client, addr, id, body, ifMatch)
				if err != nil {
					errs <- err
					return
				}
				if o.status/100 == 2 {
					lastRev[id] = o.revision
				}
				results[w] = append(results[w], o)
				prev = o
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("writer: %v", err)
	}
	var all []outcome
	for _, r := range results {
		all = append(all, r...)
	}
	return all
}

// wantCountsAgree checks the statuses against the store: only 201, 200 and
// 412 are answered; no two 201s share a number; the 201s account for every
// stored revision; a 200 names the revision that holds its body; a 412
// names a revision the article had moved past, and its body is nowhere.
func wantCountsAgree(t *testing.T, outcomes []outcome, stored map[string]map[int]revisionJSON) {
	t.Helper()
	created, statuses := map[string]map[int]bool{}, map[int]int{}
	defer func() { t.Logf("statuses of %d PUTs: %v", len(outcomes), statuses) }()
	for _, o := range outcomes {
		statuses[o.status]++
		revs := stored[o.id]
		switch o.status {
		case http.StatusCreated:
			if created[o.id] == nil {
				created[o.id] = map[int]bool{}
			}
			if created[o.id][o.revision] {
				t.Fatalf("article %s revision %d was answered 201 twice", o.id, o.revision)
			}
			created[o.id][o.revision] = true
		case http.StatusOK:
			if revs[o.revision].Body != o.body {
				t.Fatalf("unchanged 200 for %s names revision %d, which holds %q, not %q", o.id, o.revision, revs[o.revision].Body, o.body)
			}
		case http.StatusPreconditionFailed:
			base, _ := strconv.Atoi(o.ifMatch[1 : len(o.ifMatch)-1])
			if base >= len(revs) {
				t.Fatalf("412 for %s with If-Match %s, but the article only reached revision %d", o.id, o.ifMatch, len(revs))
			}
			for n, r := range revs {
				if r.Body == o.body {
					t.Fatalf("412 for %s, yet its body %q is stored as revision %d", o.id, o.body, n)
				}
			}
		default:
			t.Fatalf("PUT %s: got status %d, want 201, 200 or 412", o.id, o.status)
		}
	}
	for id, revs := range stored {
		if len(created[id]) != len(revs) {
			t.Fatalf("article %s: %d revisions stored, but %d were answered 201", id, len(revs), len(created[id]))
		}
	}
}
