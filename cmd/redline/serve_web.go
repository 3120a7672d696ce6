package main

import (
	"github.com/redline-news/redline/service"
	"github.com/redline-news/redline/service/auth"
	"github.com/redline-news/redline/service/web"
)

// mountPages serves the editors' page beside the API, on its app. The page
// keeps its results in the API's cache, so that --cache-bytes bounds both
// together.
func (m *Main) mountPages(store service.RevisionStore) {
	pages := web.New(web.Config{Store: store, Logger: m.Logger, Authorize: m.pageAuthorizer(), Cache: m.server.Cache(),
		DefaultLanguage: m.Config.DefaultLanguage})
	pages.Mount(m.server.App())
	m.server.SetPageNotFound(pages.NotFound)
}

// pageAuthorizer is the editors' page's token check: reads follow the API's
// rules, so the page asks for a read token when the API does, and for none
// when there are no tokens or reads are public.
func (m *Main) pageAuthorizer() func(token string) bool {
	if m.tokens == nil || m.Config.Security.PublicRead {
		return nil
	}
	return func(token string) bool {
		scope, ok := m.tokens.Scope(token)
		return ok && scope.Allows(auth.Read)
	}
}
