#!/bin/sh
# Diff throughput on the dev revision pairs, in one run so the figures compare:
# git --word-diff and wdiff (one process per pair), redline diff (one process
# per pair) and the in-process Go benchmark of diff.Compare.
#
# It then runs BenchmarkCompare1MB (identical, one edit, full rewrite of
# 1 MB texts) on this tree and on the tree before the prefix and suffix
# skipping (BASE, commit ba48df2 by default), in the same run.
#
# Usage: docs/bench/diff-vs-git.sh [pairs.jsonl]
# MB/s counts the bytes of both texts of every pair.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/data/revision-pairs-dev.jsonl}
[ -f "$data" ] || { echo "no data at $data" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One directory per pair with old.txt and new.txt, and all pairs joined into
# all/old.txt and all/new.txt (pairs separated by a blank line) for a single
# process over the whole corpus, as the published git figure is measured.
python3 - "$data" "$work" <<'PY'
import json, os, sys
work = sys.argv[2]
os.mkdir(os.path.join(work, "all"))
joined = {"old": [], "new": []}
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    row = json.loads(line)
    d = os.path.join(work, "p%04d" % i)
    os.mkdir(d)
    for side in ("old", "new"):
        joined[side].append(row[side])
        with open(os.path.join(d, side + ".txt"), "w", encoding="utf-8") as f:
            f.write(row[side])
for side in ("old", "new"):
    with open(os.path.join(work, "all", side + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(joined[side]))
PY
bytes=$(cat "$work"/p*/old.txt "$work"/p*/new.txt | wc -c)
echo "pairs: $(ls -d "$work"/p* | wc -l), bytes (old + new): $bytes"

now() { date +%s.%N; }
# rate NAME START END prints the throughput of a run and remembers it.
rate() {
	mbs=$(echo "$bytes $2 $3" | awk '{printf "%.1f", $1 / ($3 - $2) / 1e6}')
	printf '%-34s %8s MB/s\n' "$1" "$mbs"
	eval "rate_$4=$mbs"
}

(cd "$root" && go build -o "$work/redline" ./cmd/redline)
git_diff() { git diff --no-index --no-color --word-diff=plain "$1" "$2" >/dev/null || true; }
redline_diff() { "$work/redline" diff --color=never "$1" "$2" >/dev/null || true; }
wdiff_diff() { wdiff "$1" "$2" >/dev/null || true; }
tools="git redline"
command -v wdiff >/dev/null && tools="git wdiff redline"

# Whole corpus in one process: startup is paid once, as in-process. Each
# tool runs five times and the median counts, as one run takes milliseconds.
for tool in $tools; do
	times=""
	for run in 1 2 3 4 5; do
		t0=$(now)
		${tool}_diff "$work/all/old.txt" "$work/all/new.txt"
		times="$times $(echo "$t0 $(now)" | awk '{print $2 - $1}')"
	done
	median=$(echo $times | tr ' ' '\n' | sort -g | sed -n 3p)
	rate "$tool, one process (median of 5)" 0 "$median" "${tool}_all"
done
# One process per pair: what a script calling the tool per revision pays.
for tool in $tools; do
	t0=$(now)
	for d in "$work"/p*; do
		${tool}_diff "$d/old.txt" "$d/new.txt"
	done
	rate "$tool, one process per pair" "$t0" "$(now)" "${tool}_pair"
done

go_mbs=$(cd "$root" && go test -run '^$' -bench 'BenchmarkCompareDevPairs$' -benchmem -count 3 ./diff/ |
	awk '/MB\/s/ { for (i = 1; i <= NF; i++) if ($i == "MB/s") print $(i-1) }' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf '%-34s %8s MB/s\n' "diff.Compare in process (median)" "$go_mbs"
echo "$go_mbs $rate_git_all $rate_redline_all $rate_redline_pair $rate_git_pair" | awk '{
	printf "ratio to git (one process): in process %.2fx, redline one process %.2fx\n", $1 / $2, $3 / $2
	printf "ratio to git (process per pair): %.2fx\n", $4 / $5 }'

# Before and after: the same 1 MB benchmark on BASE and on this tree.
base=${BASE:-ba48df2}
shared=$(cd "$(dirname "$data")/.." && pwd)
mkdir -p "$work/base/redline"
mkdir -p "$work/base/shared"
ln -s "$shared/data" "$work/base/shared/data"
(cd "$root" && git archive "$base") | tar -x -C "$work/base/redline"
cp "$root/diff/bench1mb_test.go" "$work/base/redline/diff/"
bench1mb() {
	(cd "$1" && go test -run '^$' -bench 'BenchmarkCompare1MB' -benchmem -count 3 ./diff/) |
		awk '/^BenchmarkCompare1MB/ { sub(/-[0-9]+$/, "", $1); print $1, $3 }' |
		sort -k1,1 -k2,2n | awk '{ if (++c[$1] == 2) print $1, $2 }' # the median of 3
}
bench1mb "$work/base/redline" >"$work/before.txt"
bench1mb "$root" >"$work/after.txt"
echo "1 MB pairs, median ns/op of 3 (before = $base):"
join "$work/before.txt" "$work/after.txt" | awk '{ printf "%-36s before %12d  after %12d  %6.1fx faster\n", $1, $2, $3, $2 / $3 }'
