-- storyline store, schema version 3: full-text search (FTS5) kept in sync by triggers, and per-story
-- counts the story index sorts on. Tokens: Porter stems over unicode61 without diacritics, so
-- "protesters" finds "protesting", "Zurich" finds "Zürich"; apostrophes of either kind separate tokens.
ALTER TABLE stories ADD COLUMN conflict_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN claim_count INTEGER NOT NULL DEFAULT 0;

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
    UPDATE stories SET conflict_count = coalesce(json_array_length(new.brief, '$.conflicts'), 0),
                       claim_count = coalesce(json_array_length(new.brief, '$.claims'), 0)
    WHERE rowid = new.rowid;
END;
INSERT INTO story_fts(rowid, headline, summary)
    SELECT rowid, coalesce(headline, ''),
           coalesce((SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(brief, '$.summary')), '')
    FROM stories;
UPDATE stories SET conflict_count = coalesce(json_array_length(brief, '$.conflicts'), 0),
                   claim_count = coalesce(json_array_length(brief, '$.claims'), 0);
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
