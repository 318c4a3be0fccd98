-- storyline store, schema version 3: full-text search (FTS5) kept in sync by triggers, and per-story
-- counts the story index sorts on. Tokens: Porter stems over unicode61 without diacritics, so
-- "protesters" finds "protesting", "Zurich" finds "Zürich"; apostrophes of either kind separate tokens.
-- what the index sorts and shows, apart from stories' large brief column (reading a column stored
-- after the brief would walk its overflow pages for every story)
CREATE TABLE story_counts (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    conflict_count INTEGER NOT NULL,
    claim_count INTEGER NOT NULL,
    sources INTEGER NOT NULL        -- distinct outlets (an article with no outlet counts alone)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content="articles", content_rowid="rowid",
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER article_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO article_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO article_fts(article_fts) VALUES ('rebuild');

-- one row per story (rowid = the story's rowid): its headline and the text of its summary
CREATE VIRTUAL TABLE story_fts USING fts5(headline, summary, tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER story_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO story_fts(rowid, headline, summary) VALUES (new.rowid, coalesce(new.headline, ''), '');
END;
CREATE TRIGGER story_fts_delete AFTER DELETE ON stories BEGIN
    DELETE FROM story_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER story_fts_update AFTER UPDATE OF headline, brief ON stories BEGIN
    DELETE FROM story_fts WHERE rowid = old.rowid;
    INSERT INTO story_fts(rowid, headline, summary) VALUES (new.rowid, coalesce(new.headline, ''),
        coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(new.brief, '$.summary')), ''));
END;
CREATE TRIGGER story_counts_update AFTER UPDATE OF brief ON stories BEGIN
    INSERT OR REPLACE INTO story_counts (story_id, conflict_count, claim_count, sources) VALUES (new.id,
        coalesce(json_array_length(new.brief, '$.conflicts'), 0), coalesce(json_array_length(new.brief, '$.claims'), 0),
        (SELECT count(DISTINCT coalesce(a.outlet, a.id)) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
         WHERE sa.story_id = new.id));
END;
INSERT INTO story_fts(rowid, headline, summary)
    SELECT rowid, coalesce(headline, ''),
           coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(brief, '$.summary')), '')
    FROM stories;
INSERT INTO story_counts (story_id, conflict_count, claim_count, sources)
    SELECT s.id, coalesce(json_array_length(s.brief, '$.conflicts'), 0), coalesce(json_array_length(s.brief, '$.claims'), 0),
           (SELECT count(DISTINCT coalesce(a.outlet, a.id)) FROM story_articles sa JOIN articles a ON a.id = sa.article_id
            WHERE sa.story_id = s.id)
    FROM stories s;
CREATE INDEX stories_last_published ON stories(last_published);

-- a counter every write bumps: the desk caches pages until it moves
CREATE TABLE store_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
INSERT INTO store_state (id, generation) VALUES (1, 0);
CREATE TRIGGER generation_article AFTER INSERT ON articles BEGIN
    UPDATE store_state SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_story_update AFTER UPDATE ON stories BEGIN
    UPDATE store_state SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_story_delete AFTER DELETE ON stories BEGIN
    UPDATE store_state SET generation = generation + 1 WHERE id = 1;
END;
-- covering index: a story's last change without reading its (large) brief
CREATE INDEX stories_updated ON stories(id, updated_at);
-- covering index: an article's outlet without reading past its (large) text
CREATE INDEX articles_outlet ON articles(id, outlet);
-- covering index the story index scans: every listed column without reading a story's centroid
CREATE INDEX stories_listing ON stories(id, size, first_published, last_published, headline);
