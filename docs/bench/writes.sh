#!/usr/bin/env bash
# Write throughput, in one run: the raw SQLite commit rate (one INSERT of a
# 5 KB row per transaction, WAL and synchronous=FULL, as the store opens
# it), then PUTs of new 5 KB revisions over loopback HTTP with `redline
# loadtest` at 1, 4, 16, 32 and 64 writers, spread over 64 articles, on the
# SQLite store and, when a PostgreSQL DSN is given, on PostgreSQL in a
# schema of its own that is dropped afterwards. Every run is bounded in time
# and stops by itself. Rate limits are off: one address sends far more than
# a client may.
# Usage: docs/bench/writes.sh [DURATION] [POSTGRES_DSN]   (default 10s per writer count)
#   e.g. docs/bench/writes.sh 5s 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable'
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
pgdsn="${2:-}"
work=$(mktemp -d)
schema="redline_bench_$$"
cleanup() {
	kill $(jobs -p) 2>/dev/null || true
	wait 2>/dev/null || true
	if [ -n "$pgdsn" ]; then psql -q "$pgdsn" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/redline" ./cmd/redline
go test -c -o "$work/sqlite.test" ./service/sqlite
(cd "$work" && ./sqlite.test -test.run '^$' -test.bench 'RawSQLiteCommit' -test.benchtime "$duration") |
	awk '/commits\/s/ {printf "raw SQLite, one INSERT per commit   %8.1f commits/s\n", $(NF-1)}'

# writers NAME STORE PORT: start serve on STORE, then load it at each count.
writers() {
	local name=$1 store=$2 port=$3
	"$work/redline" serve --listen "127.0.0.1:$port" --store "$store" --log-level error \
		--rate-read off --rate-write off &
	local pid=$!
	for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
	for n in 1 4 16 32 64; do
		"$work/redline" loadtest --addr "127.0.0.1:$port" --mix put=1 --concurrency "$n" --duration "$duration" \
			--articles 64 --body-bytes 5000 |
			awk -v s="$name" -v w="$n" '$1 == "put" {printf "%-10s PUT, %2d writers          %8s puts/s   p50 %7s ms   p99 %7s ms   statuses %s %s\n", s, w, $3, $4, $5, $7, $8}'
	done
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}

writers sqlite "sqlite:$work/redline.db" 18097
if [ -n "$pgdsn" ]; then
	psql -q "$pgdsn" -c "CREATE SCHEMA $schema" >/dev/null
	sep='?'
	case "$pgdsn" in *\?*) sep='&' ;; esac
	writers postgres "${pgdsn}${sep}search_path=$schema" 18096
fi
