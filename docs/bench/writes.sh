#!/usr/bin/env bash
# Write throughput of the SQLite store, in one run: the raw SQLite commit
# rate (one INSERT of a 5 KB row per transaction, WAL and synchronous=FULL,
# as the store opens it), then PUTs of new 5 KB revisions over loopback HTTP
# with `redline loadtest` at 1, 4, 16, 32 and 64 writers, spread over 64
# articles. Every run is bounded in time and stops by itself.
# Usage: docs/bench/writes.sh [DURATION]   (default 10s per writer count)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/redline" ./cmd/redline
go test -c -o "$work/sqlite.test" ./service/sqlite
(cd "$work" && ./sqlite.test -test.run '^$' -test.bench 'RawSQLiteCommit' -test.benchtime "$duration") |
	awk '/commits\/s/ {printf "raw SQLite, one INSERT per commit   %8.1f commits/s\n", $(NF-1)}'

"$work/redline" serve --listen 127.0.0.1:18097 --store "sqlite:$work/redline.db" --log-level error \
	--rate-read off --rate-write off & # one address sends far more than a client may
for _ in $(seq 50); do curl -fs http://127.0.0.1:18097/readyz >/dev/null && break; sleep 0.1; done
for writers in 1 4 16 32 64; do
	"$work/redline" loadtest --addr 127.0.0.1:18097 --mix put=1 --concurrency "$writers" --duration "$duration" \
		--articles 64 --body-bytes 5000 |
		awk -v w="$writers" '$1 == "put" {printf "PUT, %2d writers                     %8s puts/s   p50 %7s ms   p99 %7s ms   statuses %s %s\n", w, $3, $4, $5, $7, $8}'
done
