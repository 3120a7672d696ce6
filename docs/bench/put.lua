-- wrk script: every request PUTs a new revision of one of ARTICLES articles
-- (loadtest-0 … loadtest-N-1, chosen at random), the same 5 KB text as
-- `redline loadtest --body-bytes 5000` with a paragraph that no earlier
-- request sent, so that every PUT stores a revision. The body is built once
-- up to that paragraph; a request only appends its number.
-- Usage: wrk -t1 -c32 -d5s -s docs/bench/put.lua http://127.0.0.1:PORT -- [ARTICLES] [BODY_BYTES] [RUN]
-- RUN (0 to 9999) keeps the edits of one run apart from those of another
-- run against the same server.
-- done() prints one line: requests/s, p50 and p99 in ms, requests, and the
-- requests that failed (no answer, or a status of 400 and up).

local sentences = {
	"The river rose %d centimetres overnight and the old bridge was closed to traffic.",
	"Officials said %d residents had been moved to the school gymnasium.",
	"The mayor asked people to stay at home until the water level falls.",
	"Rail services between the two towns were suspended for %d hours.",
	"Forecasters expect more rain on Thursday, with up to %d millimetres in the hills.",
	"Volunteers filled sandbags near the harbour through the night.",
}

-- text is loadtext.Text (internal/loadtext), JSON-escaped: paragraphs of
-- four sentences, about n bytes in all.
local function text(n)
	local parts, size, i = {}, 0, 0
	while size < n do
		local sep = ""
		if i > 0 and i % 4 == 0 then sep = "\n\n" elseif i > 0 then sep = " " end
		local s = sentences[i % #sentences + 1]
		if s:find("%%d") then s = s:format(10 + i) end
		parts[#parts + 1] = sep .. s
		size = size + #sep + #s
		i = i + 1
	end
	return (table.concat(parts):gsub("\n", "\\n"))
end

local next_id = 0

function setup(thread)
	thread:set("id", next_id)
	next_id = next_id + 1
end

local head, tail, articles, edit
local headers = { ["Content-Type"] = "application/json" }

function init(args)
	articles = tonumber(args[1]) or 64
	local bytes = tonumber(args[2]) or 5000
	head = '{"title":"Floods close the old bridge","body":"' .. text(bytes) .. '\\n\\nUpdate '
	tail = ': the water level was measured again."}'
	-- Runs and threads number their edits apart: thread k of run r sends
	-- r·10¹⁰ + k·10⁸ + 1, + 2, …
	edit = (tonumber(args[3]) or 0) * 1e10 + id * 1e8
	math.randomseed(os.time() + id)
end

function request()
	edit = edit + 1
	local path = "/v1/articles/loadtest-" .. math.random(0, articles - 1)
	return wrk.format("PUT", path, headers, head .. edit .. tail)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("%.1f %.2f %.2f %d %d\n",
		summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		summary.requests, e.connect + e.read + e.write + e.timeout + e.status))
end
