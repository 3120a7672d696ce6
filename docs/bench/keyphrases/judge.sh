#!/usr/bin/env bash
# Key phrases judged by an independent part-of-speech tagger (compromise,
# from npm): the share of key phrases that start or end on a verb, an adverb
# or a function word, as the tagger reads them in context, over BBC
# articles (their headlines left out, as the evaluation does).
# Usage: docs/bench/keyphrases/judge.sh [BBC_JSONL] [N]   (needs node and npm)
#   default ../shared/data/bbc-news-summary.jsonl, the first 400 articles
# REDLINE_BIN=PATH judges that redline binary instead of this tree's.
# --list after N prints every phrase judged bad.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
data="${1:-../shared/data/bbc-news-summary.jsonl}"
n="${2:-400}"
list="${3:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -d "$here/node_modules/compromise" ] || (cd "$here" && npm install --silent --no-audit --no-fund >/dev/null)
bin="${REDLINE_BIN:-}"
if [ -z "$bin" ]; then
	go build -o "$work/redline" ./cmd/redline
	bin="$work/redline"
fi
# The article without its first paragraph, the headline.
python3 -c '
import json, sys
for i, line in enumerate(open(sys.argv[1])):
    if i >= int(sys.argv[2]):
        break
    r = json.loads(line)
    text = r["article"].split("\n\n", 1)[-1]
    print(json.dumps({"id": r["id"], "text": text}))
' "$data" "$n" >"$work/texts.jsonl"
"$bin" summarize --jsonl --keywords 10 <"$work/texts.jsonl" >"$work/results.jsonl"
node "$here/judge.js" "$work/texts.jsonl" "$work/results.jsonl" $list
