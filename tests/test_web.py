"""The web UI under a real HTTP server on loopback, and end to end in headless Chromium."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store, ingest
from storyline.web.app import make_server
from tests.conftest import EXAMPLE

HOSTILE_TITLE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    corpus = folder / "corpus"
    corpus.mkdir()
    for f in EXAMPLE.glob("*.txt"):
        (corpus / f.name).write_text(f.read_text())
    body = (EXAMPLE / "002_newser.txt").read_text().split("\n", 1)[1]
    (corpus / "hostile.json").write_text(json.dumps({
        "title": HOSTILE_TITLE, "outlet": "<b>Evil</b> Times", "published": "2024-07-17",
        "text": body + "\n\nThe page said <img src=x onerror=alert(2)> about the diplomat, officials said."}))
    db = folder / "s.db"
    with Store(db) as store:
        ingest([str(corpus)], store)
    srv = make_server(str(db), "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def first_story(base: str) -> dict:
    return json.loads(get(base + "/index.json")[2])["stories"][0]


def test_index_lists_stories(server: str) -> None:
    status, ctype, html = get(server + "/")
    assert status == 200 and ctype.startswith("text/html")
    assert "North Korean Diplomat" in html and 'type="search"' in html
    data = json.loads(get(server + "/index.json")[2])
    assert data["count"] >= 1 and data["stories"][0]["size"] >= 5
    updated = data["stories"][0]["updated_at"]  # what is new or updated, and since when
    assert updated and f'datetime="{updated}"' in html and "updated " in html


@pytest.mark.parametrize(("query", "hits"), [("Ri Il-gyu", True), ("Kuwait", True), ("zzzunknownzzz", False)])
def test_search(server: str, query: str, hits: bool) -> None:
    data = json.loads(get(server + "/index.json?q=" + urllib.request.quote(query))[2])
    assert (data["count"] > 0) == hits


def test_story_page_and_json_twin(server: str) -> None:
    story = first_story(server)
    status, _, html = get(f"{server}/story/{story['id']}")
    assert status == 200
    for marker in ('class="timeline-chart"', 'id="conflicts"', 'class="matrix"', 'id="entities"', 'id="quotes"'):
        assert marker in html
    twin = json.loads(get(f"{server}/story/{story['id']}.json")[2])
    with urllib.request.urlopen(f"{server}/story/{story['id']}.json") as r:
        assert r.headers["Content-Type"].startswith("application/json")
    assert twin["story"]["id"] == story["id"]
    assert {c["topic"] for c in twin["story"]["conflicts"]}
    for conflict in twin["story"]["conflicts"]:
        assert conflict["topic"].split(":")[0] in html


def test_article_page_highlights_cited_sentences(server: str) -> None:
    story = first_story(server)
    twin = json.loads(get(f"{server}/story/{story['id']}.json")[2])
    article = twin["articles"][0]["id"]
    status, _, html = get(f"{server}/article/{article}")
    assert status == 200 and "<mark" in html
    data = json.loads(get(f"{server}/article/{article}.json")[2])
    assert any(s["cited"] for s in data["sentences"])


def test_hostile_text_is_escaped(server: str) -> None:
    pages = [get(server + "/")[2], get(server + "/?q=alert")[2], get(server + "/?q=script+onerror")[2],
             get(server + "/?q=" + urllib.request.quote(HOSTILE_TITLE))[2]]
    for s in json.loads(get(server + "/index.json")[2])["stories"]:
        pages.append(get(f"{server}/story/{s['id']}")[2])
        for a in json.loads(get(f"{server}/story/{s['id']}.json")[2])["articles"]:
            pages.append(get(f"{server}/article/{a['id']}")[2])
    joined = "\n".join(pages)
    assert HOSTILE_TITLE not in joined and "<img src=x" not in joined and "<b>Evil</b>" not in joined
    assert "&lt;script&gt;" in joined


@pytest.mark.parametrize("path", ["/story/s0000000", "/story/s0000000.json", "/article/a00000000",
                                  "/../../etc/passwd", "/static/../../pyproject.toml", "/nope"])
def test_unknown_paths_are_404(server: str, path: str) -> None:
    status, _, body = get(server + path)
    assert status == 404 and "Traceback" not in body


def test_read_only(server: str) -> None:
    request = urllib.request.Request(server + "/", data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 405


def test_binds_loopback_by_default() -> None:
    import inspect

    assert inspect.signature(make_server).parameters["host"].default == "127.0.0.1"


def test_brief_html_cites_sentences_in_its_appendix(tmp_path: Path) -> None:
    """brief --format html: every citation is an in-page link to an anchored sentence of the
    articles appendix; sources are named by outlet, never by file path."""
    import re

    from click.testing import CliRunner

    from storyline.cli import main

    out = tmp_path / "b.html"
    CliRunner().invoke(main, ["brief", str(EXAMPLE), "--format", "html", "--out", str(out), "--quiet"])
    html = out.read_text()
    for marker in ('class="timeline-chart"', '-conflicts"', 'class="matrix"', 'id="articles"'):
        assert marker in html
    anchors = set(re.findall(r'id="([^"]+)"', html))
    targets = re.findall(r'href="#([^"]+)"', html)
    sentence_links = [t for t in targets if "-s-" in t]
    assert len(sentence_links) > 50
    assert not [t for t in targets if t not in anchors]
    assert str(EXAMPLE) not in html and "000_afp.txt" not in html
    assert ">AFP<" in html and "NORP" not in html and ">Group<" in html


def test_citation_labels_are_unique() -> None:
    """Regression: two articles from one outlet were both cited as [Reuters]."""
    from storyline.web.cite import labels_for

    labels = labels_for([{"id": "a1", "outlet": "Reuters"}, {"id": "a2", "outlet": "Reuters"},
                      {"id": "a3", "outlet": None, "title": "A title"}])
    assert labels == {"a1": "Reuters", "a2": "Reuters 2", "a3": "A title"}


@pytest.mark.parametrize(("text", "limit", "short"), [
    ("The Guardian (Reuters)", 32, "The Guardian (Reuters)"),
    ("Indian news site with a very long name indeed", 20, "Indian news site…"),
    ("Supercalifragilisticexpialidocious", 10, "Supercalifragilisticexpialidocious"),
    ("Supercalifragilisticexpialidocious and more", 10, "Supercalifragilisticexpialidocious…"),
])
def test_labels_are_never_cut_mid_word(text: str, limit: int, short: str) -> None:
    from storyline.web.cite import shorten

    assert shorten(text, limit) == short


def test_timeline_axis_fits_the_story_dates() -> None:
    """Regression: a 2019 story's axis ran 1950-2020 and ~40 labels stacked into a staircase."""
    from storyline.web.chart import LABEL_CHAR_PX, layout

    days = [f"2019-03-{d:02d}" for d in range(1, 29)] + ["2019-02", "2018-11-30"]
    events = [{"date": d, "text": f"event {d}", "sources": ["a1"]} for d in days]
    events += [{"date": "1950", "text": "background", "sources": ["a2"]},
               {"date": "1999", "text": "background", "sources": ["a2"]}]
    chart = layout(events, ["2019-03-22", "2019-03-23"])
    assert sorted(e["date"] for e in chart["far"]) == ["1950", "1999"]
    assert {p["date"][:4] for p in chart["points"]} <= {"2018", "2019"}
    assert len(chart["ticks"]) >= 3 and all(t["label"] for t in chart["ticks"])
    by_lane: dict[int, list[tuple[float, float]]] = {}
    for p in chart["points"]:
        half = len(p["label"]) * LABEL_CHAR_PX / 2
        by_lane.setdefault(p["lane"], []).append((p["label_x"] - half, p["label_x"] + half))
    for spans in by_lane.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 <= p["x"] <= chart["width"] for p in chart["points"])


def test_citation_finds_the_sentence_of_a_paraphrase() -> None:
    from storyline.web.cite import locate

    sentences = ["Seoul said nothing.", "Ri fled to South Korea with his wife and son in November.", "End."]
    assert locate(sentences, "Ri fled to South Korea with his wife and son in November.") == 1
    assert locate(sentences, "with his wife and son") == 1
    assert locate(sentences, "In November Ri fled to South Korea with his wife and son, officials said.") == 1
    assert locate(sentences, "Something else entirely happened in Havana.") is None
    reports = ["Markets were calm.", "Retail sales fell 16.4 percent last month, the department said."]
    figure = "Sales at U.S. retailers sank a record 16.4% in April after lockdowns shuttered the economy."
    assert locate(reports, figure) is None
    assert locate(reports, figure, ("16.4",)) == 1
    assert locate(reports, figure, ("17.0",)) is None


@pytest.mark.parametrize(("entry", "keys"), [
    ({"date": "2024-02", "text": ""}, ("2024", "February")),
    ({"date": "1999", "text": "", "expression": "in 1999"}, ("in 1999", "1999")),
    ({"value": 2700, "unit": "defectors"}, ("2700", "2,700")),
    ({"value": 16.4, "unit": "%"}, ("16.4", "16.4")),
    ({"speaker": "Ri", "text": "x"}, ()),
])
def test_keys_a_paraphrase_must_keep(entry: dict, keys: tuple) -> None:
    from storyline.web.views import keys_of

    assert keys_of(entry) == keys


def test_serve_command_upgrades_an_old_store_and_serves(tmp_path: Path) -> None:
    """`storyline serve --db --host --port` as before; a store from an older storyline is
    migrated once, then searched through FTS."""
    import os
    import re
    import subprocess
    import sys

    from tests.test_web_search import _v1_store

    db = tmp_path / "old.db"
    _v1_store(db)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", "0"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        data = json.loads(get(f"http://127.0.0.1:{match[1]}/index.json?q=protesting")[2])
        assert [s["id"] for s in data["stories"]] == ["s1"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_cached_pages_follow_writes_to_the_store(tmp_path: Path) -> None:
    """The desk caches rendered pages; a write (as an ingest makes) must show on the next request."""
    from storyline.web.app import Desk

    db = tmp_path / "s.db"
    with Store(db) as store:
        ingest([str(EXAMPLE)], store)
        story = store.stories()[0]["id"]
    desk = Desk(str(db))
    before = desk.respond(f"/story/{story}", "").body
    assert desk.respond(f"/story/{story}", "").body is before  # served from the cache
    index = desk.respond("/", "q=walrus").body
    with Store(db) as store:
        store.conn.execute("UPDATE stories SET headline = 'Walrus renamed', updated_at = '2999-01-01T00:00:00Z',"
                           " brief = json_set(brief, '$.headline', 'Walrus renamed') WHERE id = ?", (story,))
    assert "Walrus renamed" in desk.respond(f"/story/{story}", "").body
    assert "Walrus renamed" not in index and "Walrus" in desk.respond("/", "q=walrus").body
