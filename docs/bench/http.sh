#!/usr/bin/env bash
# HTTP load test: a Fiber hello-world as the baseline, then Redline's routes,
# each under `wrk -t2 -c64` for $DURATION on loopback, in one run so that the
# figures compare. The baseline runs again right before each route, and each
# route's ratio is to that run, so that a machine whose load drifts during
# the run compares like with like. Every request loop is bounded in time and
# stops by itself.
# Usage: docs/bench/http.sh [DURATION]   (default 10s; needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10s}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/redline" ./cmd/redline
go build -o "$work/fiberhello" ./docs/bench/fiberhello
# free_port FROM: the first port from FROM on that nothing on 127.0.0.1
# answers, so that another run on the machine does not get measured instead.
free_port() {
	local port=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
	echo "$port"
}
hello_port=$(free_port 18099)
"$work/fiberhello" "127.0.0.1:$hello_port" &
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$hello_port/" >/dev/null && break; sleep 0.1; done
port=$(free_port 18098)
"$work/redline" serve --listen "127.0.0.1:$port" --store "sqlite:$work/redline.db" --log-level error \
	--rate-read off --rate-write off & # one address sends far more than a client may
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
hello=http://127.0.0.1:$hello_port/

base=http://127.0.0.1:$port
article='{"title":"River floods the old town","body":"The river rose two metres overnight. The old bridge is closed.\n\nThe mayor asked residents to stay home. Schools will open late on Monday, officials said."}'
curl -fs -X PUT "$base/v1/articles/bench" -H 'Content-Type: application/json' -d "$article" >/dev/null
curl -fs -X PUT "$base/v1/articles/bench" -H 'Content-Type: application/json' \
	-d "${article/two metres/three metres}" >/dev/null
cat > "$work/put.lua" <<LUA
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '${article//\\n/\\\\n}'
LUA

# rps URL [wrk args...]: requests a second, then p50, p99 and non-2xx.
rps() {
	local url=$1
	shift
	wrk -t2 -c64 -d"$duration" --latency "$@" "$url" |
		awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
			END {printf "%s %s %s %d\n", rps, p50, p99, bad+0}'
}

run() { # run NAME URL [wrk args...]
	local name=$1 url=$2
	shift 2
	local ref got p50 p99 bad
	read -r ref _ _ _ < <(rps "$hello")
	read -r got p50 p99 bad < <(rps "$url" "$@")
	printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   baseline just before %10s req/s: %.2fx\n' \
		"$name" "$got" "$p50" "$p99" "$bad" "$ref" "$(echo "$got $ref" | awk '{print $1 / $2}')"
}

run "fiber hello world (baseline)" "$hello"
run "GET /livez" "$base/livez"
run "GET /v1/articles/:id" "$base/v1/articles/bench"
run "GET /v1/articles/:id/revisions/1" "$base/v1/articles/bench/revisions/1"
run "GET /v1/articles/:id/summary" "$base/v1/articles/bench/summary"
run "GET /v1/articles/:id/diff" "$base/v1/articles/bench/diff"
run "PUT /v1/articles/:id (unchanged)" "$base/v1/articles/bench" -s "$work/put.lua"
run "GET /metrics" "$base/metrics"
