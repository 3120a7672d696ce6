-- Revision listings read only from this index: every column they show, in
-- listing order. The rows of the table hold the bodies, whose overflow
-- pages a listing would otherwise walk to reach the columns stored after
-- them, so that its cost grew with the size of the texts, not only their
-- number.
CREATE INDEX revisions_listing ON revisions (article_id, number, title, url, metadata, content_hash, words,
	words_added, words_removed, facts_changed, created_at);
