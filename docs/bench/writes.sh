#!/usr/bin/env bash
# Write throughput, in one run:
#  1. the raw SQLite commit rate (one INSERT of a 5 KB row per transaction,
#     WAL and synchronous=FULL, as the store opens it);
#  2. the write targets: PUTs of new 5 KB revisions over loopback HTTP with
#     wrk (docs/bench/put.lua, one thread, as cheap a client as there is) at
#     1, 4, 16, 32 and 64 writers, spread over 64 articles, on the SQLite
#     store, then the three ratios of the targets from those rows;
#  3. the same load from `redline loadtest --mix put=1` (the figures of
#     docs/SCALING.md) on the SQLite store and, when a PostgreSQL DSN is
#     given, on PostgreSQL in a schema of its own that is dropped afterwards.
# Each load runs against a fresh server and store. In the wrk rows,
# "stored" is what the server's redline_revisions_stored_total counted
# during the row, so that a PUT answered 200 (unchanged) would show, and
# "CPU/PUT" is the user and system time the server and wrk spent, each
# divided by the revisions stored, and "GCs/1000 PUTs" the server's garbage
# collections (go_gc_duration_seconds_count) per thousand. Every run is bounded in time, talks only
# to 127.0.0.1 and stops by itself. Rate limits are off: one address sends
# far more than a client may.
# Usage: docs/bench/writes.sh [DURATION] [POSTGRES_DSN]   (default 10s per row; needs wrk)
#   e.g. docs/bench/writes.sh 5s 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable'
# REDLINE_BIN=PATH measures that redline binary (an earlier build, say)
# instead of building this tree's.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
pgdsn="${2:-}"
command -v wrk >/dev/null || { echo "writes.sh needs wrk (the Debian package wrk; .ci/run installs it)" >&2; exit 1; }
work=$(mktemp -d)
schema="redline_bench_$$"
cleanup() {
	kill $(jobs -p) 2>/dev/null || true
	wait 2>/dev/null || true
	if [ -n "$pgdsn" ]; then psql -q "$pgdsn" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${REDLINE_BIN:-}" ]; then
	cp "$REDLINE_BIN" "$work/redline"
else
	go build -o "$work/redline" ./cmd/redline
fi
go test -c -o "$work/sqlite.test" ./service/sqlite
(cd "$work" && ./sqlite.test -test.run '^$' -test.bench 'RawSQLiteCommit' -test.benchtime "$duration") |
	awk '/commits\/s/ {printf "raw SQLite, one INSERT per commit   %8.1f commits/s\n", $(NF-1)}' | tee "$work/raw"

server_pid=""
# free_port FROM: the first port from FROM on that nothing on 127.0.0.1
# listens on, so that two runs of benchmarks on one machine do not meet.
free_port() {
	local port=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
	echo "$port"
}
# start STORE PORT: serve STORE on 127.0.0.1:PORT and wait until it is ready.
start() {
	"$work/redline" serve --listen "127.0.0.1:$2" --store "$1" --log-level error \
		--rate-read off --rate-write off &
	server_pid=$!
	for _ in $(seq 100); do curl -fs "http://127.0.0.1:$2/readyz" >/dev/null && return; sleep 0.1; done
	echo "the server on port $2 did not become ready" >&2
	exit 1
}
stop() {
	kill "$server_pid"
	wait "$server_pid" 2>/dev/null || true
}
counter() { # counter PORT NAME: the value of an unlabelled counter of the server
	curl -fs "http://127.0.0.1:$1/metrics" | awk -v name="$2" '$1 == name {printf "%d", $2; found=1} END {if (!found) print 0}'
}
stored() { counter "$1" redline_revisions_stored_total; } # revisions stored so far

cpu_ticks() { # cpu_ticks PID: user + system clock ticks of a process
	awk '{print $14 + $15}' "/proc/$1/stat"
}

# wrk_writers PORT: the targets' load, at each writer count.
wrk_writers() {
	local port=$1 run=0 before gcs ticks rps p50 p99 requests failed user sys
	local TIMEFORMAT='%U %S'
	for n in 1 4 16 32 64; do
		run=$((run + 1))
		before=$(stored "$port")
		gcs=$(counter "$port" go_gc_duration_seconds_count)
		ticks=$(cpu_ticks "$server_pid")
		{ time wrk -t1 -c"$n" -d"$duration" --timeout 10s -s docs/bench/put.lua "http://127.0.0.1:$port" -- 64 5000 "$run" >"$work/out"; } 2>"$work/time"
		ticks=$(($(cpu_ticks "$server_pid") - ticks))
		gcs=$(($(counter "$port" go_gc_duration_seconds_count) - gcs))
		read -r rps p50 p99 requests failed < <(tail -n 1 "$work/out")
		read -r user sys < <(tail -n 1 "$work/time")
		awk -v n="$n" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v req="$requests" -v failed="$failed" \
			-v stored="$(($(stored "$port") - before))" -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" -v client="$user $sys" \
			-v gcs="$gcs" 'BEGIN {
			split(client, c, " ")
			printf "sqlite     wrk PUT,      %2d writers  %8s puts/s   p50 %7s ms   p99 %7s ms   requests %s   failed %s   stored %s   CPU/PUT server %4.0f us, wrk %3.0f us   GCs/1000 PUTs %.1f\n",
				n, rps, p50, p99, req, failed, stored, ticks / hz * 1e6 / stored, (c[1] + c[2]) * 1e6 / stored, gcs * 1000 / stored
		}'
	done
}

# loadtest_writers NAME PORT: `redline loadtest` at each writer count.
loadtest_writers() {
	local name=$1 port=$2
	for n in 1 4 16 32 64; do
		"$work/redline" loadtest --addr "127.0.0.1:$port" --mix put=1 --concurrency "$n" --duration "$duration" \
			--articles 64 --body-bytes 5000 |
			awk -v s="$name" -v w="$n" '$1 == "put" {printf "%-10s loadtest PUT, %2d writers  %8s puts/s   p50 %7s ms   p99 %7s ms   statuses %s %s\n", s, w, $3, $4, $5, $7, $8}'
	done
}

port=$(free_port 18097)
start "sqlite:$work/wrk.db" "$port"
wrk_writers "$port" | tee "$work/wrk"
stop
awk -v raw="$(awk '{print $(NF-1)}' "$work/raw")" '
	$4 == 1 {one = $6; p50 = $9}
	$4 == 32 {many = $6; p99 = $12}
	END {
		printf "targets: 32 writers / 1 writer %.2fx (>= 3)   p99 at 32 / p50 at 1 %.1fx (< 20)   32 writers / raw SQLite %.2fx (>= 1)\n",
			many / one, p99 / p50, many / raw
	}' "$work/wrk"

port=$(free_port 18097)
start "sqlite:$work/loadtest.db" "$port"
loadtest_writers sqlite "$port"
stop
if [ -n "$pgdsn" ]; then
	psql -q "$pgdsn" -c "CREATE SCHEMA $schema" >/dev/null
	sep='?'
	case "$pgdsn" in *\?*) sep='&' ;; esac
	port=$(free_port 18097)
	start "${pgdsn}${sep}search_path=$schema" "$port"
	loadtest_writers postgres "$port"
	stop
fi
