"""The store's search: the FTS query a user's words become, safe snippets, the index kept in
sync by triggers (a migrated old store included), and the desk's colours against WCAG AA."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from storyline.errors import QueryError, StoreError
from storyline.store import Store, ingest
from storyline.store.search import StoryQuery, decode_token, fts_query, marked_html, search_stories
from tests.conftest import EXAMPLE


@pytest.mark.parametrize(("text", "query"), [
    ("Ri Il-gyu", '"Ri" "Il-gyu"'),
    ('"North Korean diplomat" Cuba', '"North Korean diplomat" "Cuba"'),
    ("Pyongyang’s embassy", "\"Pyongyang's\" \"embassy\""),
    ("“a phrase” OR word", '"a phrase" OR "word"'),
    ("defect*", '"defect"*'),
    ('"unbalanced phrase', '"unbalanced phrase"'),
    ('say "hi"" there', '"say" "hi" " there"'),  # an unclosed quote runs to the end
    ("NEAR(a b)", '"NEAR(a" "b)"'),
    ("   ", ""),
])
def test_fts_query(text: str, query: str) -> None:
    assert fts_query(text) == query


@pytest.mark.parametrize(("fragment", "html"), [
    ("a \x02<b>x</b>\x03 & c", "a <mark>&lt;b&gt;x&lt;/b&gt;</mark> &amp; c"),
    ("<script>\x02alert\x03(1)</script>", "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;"),
    ("stray \x03 close \x02 open", "stray  close  open"),
])
def test_snippets_mark_only_what_fts_marks(fragment: str, html: str) -> None:
    assert marked_html(fragment) == html


def _v1_store(path: Path) -> None:
    """A store as storyline 0.1 wrote it: schema version 1 only."""
    sql = (resources.files("storyline.store") / "migrations" / "0001_init.sql").read_text()
    conn = sqlite3.connect(path)
    conn.executescript(sql + ";PRAGMA user_version=1;")
    conn.execute("INSERT INTO articles (id, text, title, annotation, vector) VALUES"
                 " ('a1', 'Protesters gathered in Zürich.', 'Old title', '{}', '{}')")
    conn.execute("INSERT INTO stories (id, centroid, size, headline, brief) VALUES"
                 " ('s1', '{}', 1, 'An old story', '{\"summary\": [{\"text\": \"Crowds marched.\"}],"
                 " \"conflicts\": [{}, {}], \"claims\": []}')")
    conn.execute("INSERT INTO story_articles VALUES ('a1', 's1')")
    conn.commit()
    conn.close()


def test_migration_indexes_an_old_store(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _v1_store(db)
    with Store(db) as store:
        for words in ("protesting zurich", "marching crowd", "old story"):
            page = search_stories(store.conn, StoryQuery(text=words))
            assert [s["id"] for s in page["stories"]] == ["s1"], words
        assert search_stories(store.conn, StoryQuery(sort="disputed"))["stories"][0]["conflict_count"] == 2


def test_triggers_keep_the_index_in_sync(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        ingest([str(EXAMPLE)], store)
        story = store.stories()[0]["id"]
        assert search_stories(store.conn, StoryQuery(text="defected"))["count"] == 1
        store.conn.execute("UPDATE stories SET headline = 'Renamed walrus story' WHERE id = ?", (story,))
        assert search_stories(store.conn, StoryQuery(text="walrus"))["count"] == 1
        store.conn.execute("UPDATE articles SET text = 'nothing about it' WHERE id IN"
                           " (SELECT article_id FROM story_articles)")
        assert search_stories(store.conn, StoryQuery(text="Pyongyang"))["count"] == 0


def test_page_tokens_are_checked() -> None:
    with pytest.raises(QueryError, match="damaged"):
        decode_token("!!!not-base64", "newest")
    from storyline.store.search import encode_token

    with pytest.raises(QueryError, match="another sort"):
        decode_token(encode_token(["biggest", 1, "", "s1"]), "newest")


def test_two_migrations_with_one_number_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.store import db as dbmod

    real = dbmod.resources.files

    class Doubled:
        def __init__(self, folder: object) -> None:
            self.folder = folder

        def __truediv__(self, name: str) -> object:
            folder = real("storyline.store") / name

            class Listing:
                def iterdir(self) -> list[object]:
                    entries = list(folder.iterdir())
                    return entries + [e for e in entries if e.name.startswith("0003")]

            return Listing()

    monkeypatch.setattr(dbmod.resources, "files", lambda pkg: Doubled(real(pkg)))
    with pytest.raises(StoreError, match="share a number"):
        Store(tmp_path / "s.db")


# ---- colours: WCAG AA (4.5:1 for text) in light and dark mode -------------------------------

STYLE = Path(__file__).resolve().parent.parent / "src" / "storyline" / "brief" / "templates" / "_style.html"
#: (text colour, background colour) pairs the pages use, as CSS variable names.
TEXT_ON = [("text", "bg"), ("text", "surface"), ("muted", "surface"), ("muted", "bg"), ("link", "surface"),
           ("link", "bg"), ("head-text", "head-bg"), ("ok", "surface"), ("one", "surface"), ("bad", "surface"),
           ("bad", "conflict-bg"), ("text", "conflict-bg"), ("muted", "conflict-bg"), ("text", "mark"),
           ("text", "ok-bg"), ("text", "one-bg"), ("text", "bad-bg"), ("text", "target"), ("link", "target"),
           ("link", "ok-bg"), ("link", "mark"), ("muted", "ok-bg"), ("muted", "one-bg"), ("muted", "bad-bg"),
           ("focus", "surface"), ("ok", "ok-bg"), ("bad", "bad-bg")]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _palettes() -> list[dict[str, str]]:
    css = STYLE.read_text()
    blocks = re.findall(r":root\{([^}]*)\}", css)
    return [dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{6})", block)) for block in blocks]


@pytest.mark.parametrize("mode", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_ON)
def test_contrast_meets_wcag_aa(mode: int, fg: str, bg: str) -> None:
    palette = _palettes()[mode]
    a, b = sorted((_luminance(palette[fg]), _luminance(palette[bg])), reverse=True)
    ratio = (a + 0.05) / (b + 0.05)
    assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}:1"


def test_headline_marks_what_matched(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        ingest([str(EXAMPLE)], store)
        story = search_stories(store.conn, StoryQuery(text="diplomats defecting"))["stories"][0]
        assert story["headline_html"] == ("North Korean <mark>Diplomat</mark> Assigned to Cuba <mark>Defects</mark>"
                                          " to South Korea")
        assert search_stories(store.conn, StoryQuery(text="Pyongyang"))["stories"][0]["headline_html"] is None
