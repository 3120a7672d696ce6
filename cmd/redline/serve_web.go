package main

import "github.com/redline-news/redline/service/auth"

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
