-- storyline store, schema version 4: followed feeds and story threads
CREATE TABLE feeds (                -- every feed `storyline watch` follows
    location TEXT PRIMARY KEY,      -- URL or file path
    etag TEXT,                      -- validators of the last complete read (conditional GET)
    last_modified TEXT,
    checked_at TEXT,                -- last poll
    changed_at TEXT,                -- last poll that found the feed changed
    status TEXT                     -- 'changed', 'not modified' or the reason it could not be read
);
CREATE TABLE feed_items (           -- every item seen in a feed, so a page is fetched once
    feed TEXT NOT NULL REFERENCES feeds(location) ON DELETE CASCADE,
    item TEXT NOT NULL,             -- guid, else link, else title
    article_id TEXT,                -- the article it became; NULL while it could not be read
    error TEXT,                     -- why it could not be read (retried up to a limit)
    attempts INTEGER NOT NULL DEFAULT 0,
    seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (feed, item)
);
ALTER TABLE stories ADD COLUMN thread TEXT;  -- id of the thread (earliest story) a follow-up belongs to
CREATE INDEX stories_thread ON stories(thread);
CREATE INDEX articles_added ON articles(added_at);
