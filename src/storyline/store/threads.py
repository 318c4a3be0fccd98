"""Story threads in the store: after an ingest run, every story's thread is recomputed from the
stored story centroids (``cluster.threads``), kept in ``stories.thread`` and written into the
stored brief (``thread``, ``related``)."""

from __future__ import annotations

import json
from datetime import date

from storyline.cluster.threads import StoryProfile, thread_links, threads
from storyline.store.db import Store


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def update_threads(store: Store) -> int:
    """Link the store's stories into threads; returns how many stories are in a thread."""
    profiles = []
    for row in store.conn.execute("SELECT id, centroid, size, first_published, last_published FROM stories"
                                  " ORDER BY id"):
        centroid = json.loads(row["centroid"])
        size = max(row["size"], 1)
        profiles.append(StoryProfile(row["id"], {k: v / size for k, v in sorted(centroid.items())},
                                     frozenset(k for k in centroid if k.startswith("E:")),
                                     _day(row["first_published"]), _day(row["last_published"])))
    found = threads(profiles, thread_links(profiles))
    with store.transaction():
        for p in profiles:
            thread, related = found.get(p.id, (None, []))
            store.conn.execute(
                "UPDATE stories SET thread=?, brief=CASE WHEN brief IS NULL THEN NULL"
                " ELSE json_set(brief, '$.thread', ?, '$.related', json(?)) END WHERE id=?",
                (thread, thread, json.dumps(related), p.id))
    return len(found)
