package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/service"
)

// Committed revisions reach the database file itself while the WAL is far
// below the committer's own checkpoint threshold: the background
// checkpointer copied them. An idle store runs no checkpoint.
func TestBackgroundCheckpointCopiesTheWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ckpt.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	time.Sleep(300 * time.Millisecond)
	idleRuns := db.checkpoints.runs.Load()
	time.Sleep(300 * time.Millisecond)
	if got := db.checkpoints.runs.Load(); got != idleRuns {
		t.Fatalf("an idle store ran %d checkpoints", got-idleRuns)
	}
	before := size()
	body := strings.Repeat("The river rose overnight and the bridge was closed. ", 100) // about 5 KB
	const revisions = 40                                                                // about 120 pages, far below walAutoCheckpoint
	for i := range revisions {
		d := service.Draft{ArticleID: "a", Title: "Flood", Body: body + fmt.Sprint(i)}
		if _, _, err := db.PutRevision(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for size() < before+revisions*5000 {
		if time.Now().After(deadline) {
			t.Fatalf("the database file grew from %d to %d bytes: the WAL was not copied into it", before, size())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if db.checkpoints.runs.Load() == idleRuns {
		t.Fatal("no background checkpoint ran")
	}
}
