package api_test

import (
	"encoding/json"
	"net/http"
	"testing"
)

type openAPIDoc struct {
	Paths map[string]map[string]struct {
		Responses   map[string]json.RawMessage `json:"responses"`
		RequestBody *struct {
			Content map[string]struct {
				Example any `json:"example"`
			} `json:"content"`
		} `json:"requestBody"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]struct {
				Description string `json:"description"`
				Ref         string `json:"$ref"`
				Enum        []any  `json:"enum"`
			} `json:"properties"`
		} `json:"schemas"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	r := startServer(t, 0).do(t, "GET", "/openapi.json", "")
	wantStatus(t, r, http.StatusOK)
	var doc openAPIDoc
	if err := json.Unmarshal(r.raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestOpenAPIListsRealResponses(t *testing.T) {
	doc := loadOpenAPI(t)
	tests := []struct {
		path, method string
		want         []string
	}{
		{"/v1/articles/{id}", "put", []string{"200", "201", "400", "401", "403", "412", "413", "415", "429", "503", "507"}},
		{"/v1/articles/{id}", "get", []string{"200", "304", "401", "403", "404", "429", "503"}},
		{"/v1/articles/{id}/revisions/{n}", "get", []string{"304"}},
		{"/v1/articles/{id}/summary", "get", []string{"406"}},
		{"/v1/diff", "post", []string{"400", "413", "415", "406"}},
		{"/v1/articles/{id}", "delete", []string{"204", "404", "507"}},
		{"/readyz", "get", []string{"200", "503"}},
	}
	for _, tc := range tests {
		op := doc.Paths[tc.path][tc.method]
		for _, status := range tc.want {
			if _, ok := op.Responses[status]; !ok {
				t.Errorf("%s %s: no %s response", tc.method, tc.path, status)
			}
		}
		if _, ok := op.Responses["422"]; ok {
			t.Errorf("%s %s: lists 422, which the API never sends", tc.method, tc.path)
		}
	}
}

func TestOpenAPIDescribesEverything(t *testing.T) {
	doc := loadOpenAPI(t)
	for name, schema := range doc.Components.Schemas {
		for prop, p := range schema.Properties {
			if p.Description == "" && p.Ref == "" {
				t.Errorf("%s.%s has no description", name, prop)
			}
		}
	}
	if got := doc.Components.Schemas["Op"].Properties["op"].Enum; len(got) != 3 {
		t.Errorf("Op.op enum: got %v, want equal, insert, delete", got)
	}
	if got := doc.Components.Schemas["SentenceChange"].Properties["status"].Enum; len(got) < 4 {
		t.Errorf("SentenceChange.status enum: got %v, want every status", got)
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if op.RequestBody != nil && op.RequestBody.Content["application/json"].Example == nil {
				t.Errorf("%s %s: the request body has no example", method, path)
			}
		}
	}
}
