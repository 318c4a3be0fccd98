-- storyline store, schema version 1
CREATE TABLE articles (
    id TEXT PRIMARY KEY,            -- content hash of the text: the same text twice is one row
    text TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    path TEXT,
    published TEXT,                 -- YYYY-MM-DD or NULL
    author TEXT,
    annotation TEXT NOT NULL,       -- JSON: sentences, tokens and mentions from the NLP pass
    vector TEXT NOT NULL,           -- JSON: the article's normalised TF-IDF vector at ingest
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE article_locations (   -- every path or URL an article was read from
    location TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE terms (                -- document frequencies for IDF
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,            -- stable id: assigned when the story is first seen
    centroid TEXT NOT NULL,         -- JSON: sum of member vectors
    size INTEGER NOT NULL,
    first_published TEXT,
    last_published TEXT,
    headline TEXT,
    brief TEXT,                     -- JSON of the story (contract shape), rebuilt when it changes
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles(story_id);
