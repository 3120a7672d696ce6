package api

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/redline-news/redline/diff"
)

// documentResponses makes the OpenAPI document list what each operation
// really answers: huma knows only the statuses handlers name, while
// middleware adds authentication, rate limits, media types and body limits.
func (s *Server) documentResponses() {
	oa := s.api.OpenAPI()
	problem := &huma.Schema{Ref: "#/components/schemas/Problem"}
	for path, item := range oa.Paths {
		for method, op := range operations(item) {
			delete(op.Responses, "422") // validation failures are 400s
			delete(op.Responses, "default")
			for _, status := range statusesOf(path, method, op) {
				addProblem(op, status, problem)
			}
		}
	}
	if put := oa.Paths["/v1/articles/{id}"]; put != nil && put.Put != nil {
		created := put.Put.Responses["201"]
		put.Put.Responses["200"] = &huma.Response{Description: "The title and body equal the latest revision's: nothing was written and the latest revision is returned.",
			Headers: created.Headers, Content: created.Content}
	}
	for _, path := range []string{"/v1/articles/{id}", "/v1/articles/{id}/revisions/{n}"} {
		if item := oa.Paths[path]; item != nil && item.Get != nil {
			item.Get.Responses["304"] = &huma.Response{Description: "Not Modified: If-None-Match names this revision. No body; the ETag is sent.",
				Headers: map[string]*huma.Param{"ETag": {Schema: &huma.Schema{Type: "string", Description: "The revision number, quoted."}}}}
		}
	}
	documentArticleIDPattern(oa)
	describeSchemas(oa.Components.Schemas.Map())
	addExamples(oa)
}

// documentArticleIDPattern shows the pattern that ArticleIDParam.Resolve
// checks on every article route's {id}. The schema is set after huma
// compiled its checks, so huma does not match it again.
func documentArticleIDPattern(oa *huma.OpenAPI) {
	for path, item := range oa.Paths {
		if path != "/v1/articles/{id}" && !strings.HasPrefix(path, "/v1/articles/{id}/") {
			continue
		}
		for _, op := range operations(item) {
			for _, p := range op.Parameters {
				if p.In == "path" && p.Name == "id" && p.Schema != nil {
					p.Schema.Pattern = articleIDPattern
				}
			}
		}
	}
}

func operations(item *huma.PathItem) map[string]*huma.Operation {
	ops := map[string]*huma.Operation{}
	for method, op := range map[string]*huma.Operation{http.MethodGet: item.Get, http.MethodPut: item.Put, http.MethodPost: item.Post, http.MethodDelete: item.Delete} {
		if op != nil {
			ops[method] = op
		}
	}
	return ops
}

// statusesOf lists the error statuses an operation may answer.
func statusesOf(path, method string, op *huma.Operation) []int {
	if path == "/livez" {
		return nil
	}
	if path == "/readyz" {
		return []int{http.StatusServiceUnavailable}
	}
	statuses := []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusServiceUnavailable}
	if op.RequestBody != nil {
		statuses = append(statuses, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType)
	}
	if len(op.Parameters) > 0 {
		statuses = append(statuses, http.StatusBadRequest)
	}
	if r := op.Responses["200"]; r != nil && len(r.Content) > 1 {
		statuses = append(statuses, http.StatusNotAcceptable)
	}
	switch method {
	case http.MethodPut:
		statuses = append(statuses, http.StatusPreconditionFailed, http.StatusInsufficientStorage)
	case http.MethodDelete:
		statuses = append(statuses, http.StatusInsufficientStorage)
	}
	return statuses
}

var statusDescriptions = map[int]string{
	http.StatusUnauthorized:          "No token, or an unknown one, while tokens are configured. Carries WWW-Authenticate: Bearer.",
	http.StatusForbidden:             "The token's scope does not allow this request.",
	http.StatusTooManyRequests:       "The client is over its rate limit. Carries Retry-After, RateLimit and RateLimit-Policy.",
	http.StatusServiceUnavailable:    "The store is busy or cannot be reached. Carries Retry-After.",
	http.StatusInsufficientStorage:   "The store is out of space; nothing was written.",
	http.StatusUnsupportedMediaType:  "The body is not sent as application/json (charset=utf-8 may follow).",
	http.StatusRequestEntityTooLarge: "The body is larger than the limit; the detail names it.",
	http.StatusPreconditionFailed:    "If-Match, If-None-Match or base_revision did not hold. Carries the current ETag.",
	http.StatusNotAcceptable:         "Accept names no representation offered; use ?format=.",
}

func addProblem(op *huma.Operation, status int, problem *huma.Schema) {
	key := strconv.Itoa(status)
	if _, ok := op.Responses[key]; ok {
		return
	}
	desc := statusDescriptions[status]
	if desc == "" {
		desc = http.StatusText(status)
	}
	op.Responses[key] = &huma.Response{Description: desc,
		Content: map[string]*huma.MediaType{problemType: {Schema: problem}}}
}

// propertyDocs describes the properties whose Go fields carry no doc tag.
var propertyDocs = map[string]string{
	"ArticleBody.id": "The article id.", "ArticleBody.title": "The latest revision's title.",
	"ArticleBody.url": "The latest revision's URL.", "ArticleBody.created_at": "When revision 1 was stored.",
	"ArticleBody.updated_at": "When the latest revision was stored.",
	"RevisionBody.title":     "The title: one line.", "RevisionBody.url": "The URL the revision was published at.",
	"RevisionBody.created_at":         "When the revision was stored.",
	"PutArticleInputBody.url":         "The URL the article is published at: absolute http or https, 2048 bytes at most.",
	"ListArticlesOutputBody.articles": "The page of articles, newest update first.",
	"RevisionsOutputBody.revisions":   "Every revision, oldest first, without bodies.",
	"DiffBody.degraded":               "True when the diff was coarsened to meet its deadline; such diffs are not cached.",
	"DiffBody.ops":                    "The body's word ops, in order: together they spell both texts.",
	"DiffBody.sentences":              "What became of each sentence: unchanged, added, removed, edited or moved.",
	"DiffBody.stats":                  "Counts of words and sentences changed.",
	"Op.op":                           "equal (in both texts), insert (only in the new) or delete (only in the old).",
	"Op.text":                         "The op's text.", "Op.move": "For a moved paragraph's ops: the number that pairs its delete with its insert.",
	"Op.old_start": "Start of the op's byte range in the old text.", "Op.old_end": "End of the op's byte range in the old text.",
	"Op.new_start": "Start of the op's byte range in the new text.", "Op.new_end": "End of the op's byte range in the new text.",
	"SentenceChange.status":    "What became of the sentence.",
	"SentenceChange.old_index": "The sentence's index in the old text, or -1.", "SentenceChange.new_index": "The sentence's index in the new text, or -1.",
	"SentenceChange.old_start": "Start of the sentence in the old text, in bytes, or -1.", "SentenceChange.old_end": "End of the sentence in the old text, in bytes, or -1.",
	"SentenceChange.new_start": "Start of the sentence in the new text, in bytes, or -1.", "SentenceChange.new_end": "End of the sentence in the new text, in bytes, or -1.",
	"SentenceChange.text":     "The sentence in the new text, or in the old one if it was removed.",
	"SentenceChange.old_text": "The sentence in the old text, when it differs from text.",
	"SentenceChange.ops":      "Word ops from old_text to text, with byte ranges relative to the two sentences.",
	"Stats.change_ratio":      "Share of words changed, from 0 (identical) to 1 (nothing in common).",
	"Stats.sentences_added":   "Sentences only in the new text.", "Stats.sentences_removed": "Sentences only in the old text.",
	"Stats.sentences_edited": "Sentences changed in place.", "Stats.sentences_moved": "Sentences that moved, edited or not.",
	"Stats.words_added": "Words inserted.", "Stats.words_removed": "Words deleted.", "Stats.words_unchanged": "Words in both texts.",
	"Stats.words_moved":   "Words that moved with a paragraph and are in both its old and new place.",
	"Stats.facts_changed": "Facts (numbers, money, dates, quotes, corrections, negations) changed, added or removed.",
	"DiffBody.facts":      "The facts that changed, in the order of the sentence changes.",
	"Sentence.why":        "In a summary of what is new (since=): added, edited or fact, saying why the sentence is new.",
	"Sentence.fact":       "When why is fact: the kind of the fact that changed (number, money, percent, date, time, quote, correction or negation).",
	"Sentence.context":    "In a summary of what is new (since=): the sentences, not new themselves, that this one leans on (\"He said…\" after \"The governor spoke.\"), in document order; absent when it reads alone.",
	"Context.start":       "Start of the sentence in the new revision, in bytes.", "Context.end": "End of the sentence in the new revision, in bytes.",
	"Context.text":      "The sentence.",
	"Fact.kind":         "What sort of fact: number, money, percent, date, time, quote, correction or negation.",
	"Fact.change":       "changed, added or removed.",
	"Fact.old":          "The fact as the old text writes it; absent when it was added.",
	"Fact.new":          "The fact as the new text writes it; absent when it was removed.",
	"Fact.old_sentence": "The index of the old sentence that holds it; absent for an added sentence.",
	"Fact.new_sentence": "The index of the new sentence that holds it; absent for a removed sentence.",
	"Fact.speaker":      "For a quote: who the sentence says spoke it, when an attribution names them.",
	"Fact.old_speaker":  "For a quote whose words stayed while its attribution names someone else: who the old sentence said spoke it (speaker is the new one).",
	"Sentence.kind":     "What the unit is; only sentences are summarized, other units appear only with ratio 1.",
	"Keyword.text":      "The key phrase.", "Keyword.score": "How central the phrase is, higher is more.",
	"Sentence.index": "The sentence's position among the text's sentences, from 0.", "Sentence.score": "The sentence's rank score, higher is better.",
	"Sentence.start": "Start of the sentence in the text, in bytes.", "Sentence.end": "End of the sentence in the text, in bytes.",
	"Sentence.text":         "The sentence.",
	"SummaryBody.algorithm": "The summarizer used.", "SummaryBody.language": "The language of the text, given or detected.",
	"SummaryBody.sentences": "The summary's sentences.", "SummaryBody.keywords": "The text's key phrases, best first.",
}

// describeSchemas fills in the descriptions and enums the Go types lack.
func describeSchemas(schemas map[string]*huma.Schema) {
	for name, schema := range schemas {
		for prop, ps := range schema.Properties {
			if d, ok := propertyDocs[name+"."+prop]; ok && ps.Description == "" {
				ps.Description = d
			}
		}
	}
	if op := schemas["Op"]; op != nil && op.Properties["op"] != nil {
		op.Properties["op"].Enum = []any{diff.Equal.String(), diff.Insert.String(), diff.Delete.String()}
	}
	if sc := schemas["SentenceChange"]; sc != nil && sc.Properties["status"] != nil {
		sc.Properties["status"].Enum = sentenceStatuses()
	}
	if f := schemas["Fact"]; f != nil && f.Properties["change"] != nil && f.Properties["kind"] != nil {
		f.Properties["change"].Enum = []any{diff.FactChanged, diff.FactAdded, diff.FactRemoved}
		f.Properties["kind"].Enum = []any{diff.FactNumber, diff.FactMoney, diff.FactPercent, diff.FactDate,
			diff.FactTime, diff.FactQuote, diff.FactCorrection, diff.FactNegation}
	}
}

func sentenceStatuses() []any {
	var names []any
	for i := 0; i < 16; i++ {
		n := diff.SentenceStatus(i).String()
		if n == "unknown" || slices.Contains(names, any(n)) {
			break
		}
		names = append(names, n)
	}
	return names
}

// requestExamples are the request body examples, by body schema.
var requestExamples = map[string]any{
	"PutArticleInputBody": map[string]any{"title": "Storm closes coastal roads",
		"body": "Heavy rain closed three coastal roads on Tuesday.\n\nCrews expect to reopen them by Thursday.",
		"url":  "https://news.example/storm", "metadata": map[string]any{"desk": "metro"}},
	"SummarizeInputBody": map[string]any{"text": "Heavy rain closed three coastal roads on Tuesday. Crews expect to reopen them by Thursday. Schools stayed open.", "sentences": 1},
	"DiffInputBody":      map[string]any{"old": "Crews expect to reopen the roads by Thursday.", "new": "Crews reopened the roads on Wednesday."},
}

func addExamples(oa *huma.OpenAPI) {
	for _, item := range oa.Paths {
		for _, op := range operations(item) {
			if op.RequestBody == nil {
				continue
			}
			for _, mt := range op.RequestBody.Content {
				if mt.Schema != nil {
					name := strings.TrimPrefix(mt.Schema.Ref, "#/components/schemas/")
					if ex, ok := requestExamples[name]; ok {
						mt.Example = ex
					}
				}
			}
		}
	}
}
