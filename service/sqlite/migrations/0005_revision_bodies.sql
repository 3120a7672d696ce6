-- Bodies move to a table of their own, appended in the order they are
-- written, and revisions keep what lists and identifies them, clustered by
-- article and number: one B-tree that is both the unique key and the
-- listing. Before, every write added to three B-trees of revisions (the
-- rows, the primary key's index and the listing index of 0004), two of them
-- at a place of their own for each article; now it adds to one such place
-- and appends the body. That is about a third fewer page writes a write,
-- in the WAL and again when the WAL is checkpointed, while a listing still
-- reads only small rows in order, never a body.
CREATE TABLE revision_bodies (
	id   INTEGER PRIMARY KEY,
	body TEXT NOT NULL
);

CREATE TABLE revisions_by_article (
	article_id    TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	number        INTEGER NOT NULL CHECK (number >= 1),
	title         TEXT    NOT NULL,
	url           TEXT    NOT NULL DEFAULT '',
	metadata      TEXT,
	content_hash  TEXT    NOT NULL,
	words         INTEGER NOT NULL,
	words_added   INTEGER,
	words_removed INTEGER,
	facts_changed INTEGER,
	created_at    INTEGER NOT NULL,
	body_id       INTEGER NOT NULL,
	PRIMARY KEY (article_id, number)
) WITHOUT ROWID;

-- Old rows keep their rowids as their bodies' ids, so that both copies
-- pair up in one pass.
INSERT INTO revision_bodies (id, body) SELECT rowid, body FROM revisions ORDER BY rowid;
INSERT INTO revisions_by_article (article_id, number, title, url, metadata, content_hash, words,
	words_added, words_removed, facts_changed, created_at, body_id)
SELECT article_id, number, title, url, metadata, content_hash, words,
	words_added, words_removed, facts_changed, created_at, rowid
FROM revisions;

DROP TABLE revisions;
ALTER TABLE revisions_by_article RENAME TO revisions;

-- A revision's body goes with it, as when an article is deleted and its
-- revisions with it.
CREATE TRIGGER revision_bodies_follow AFTER DELETE ON revisions
BEGIN
	DELETE FROM revision_bodies WHERE id = OLD.body_id;
END;
