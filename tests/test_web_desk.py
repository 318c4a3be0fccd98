"""The desk over real coverage (the seed story plus NeuS val triplets when ../shared is present):
search, paging, exports and failure modes over HTTP, then headless Chromium (Debian's, found at
$STORYLINE_CHROMIUM or /usr/bin/chromium; never a downloaded browser) on what a reader sees."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.store import Store, ingest, ingest_articles
from storyline.web.app import make_server
from tests.web_corpus import neus_articles, seed_paths

#: NeuS val events ingested next to the seed story: enough for several index pages of 50.
EVENTS = 70
SEED_HEADLINE = "North Korean Diplomat Assigned to Cuba Defects to South Korea"
CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    db = tmp_path_factory.mktemp("desk") / "desk.db"
    with Store(db) as store:
        ingest(seed_paths(), store)
        ingest_articles(neus_articles(EVENTS), store)
    server = make_server(str(db), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", db
    server.shutdown()
    server.server_close()


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def index_json(base: str, **params: str) -> dict[str, Any]:
    status, _, body = fetch(f"{base}/index.json?{urllib.parse.urlencode(params)}")
    assert status == 200, body
    return json.loads(body)


def story_ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM stories")}


def seed_story(base: str) -> str:
    hits = index_json(base, q='"North Korean diplomat" Cuba')["stories"]
    return next(s["id"] for s in hits if s["headline"] == SEED_HEADLINE)


# ---- over HTTP ------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "found"), [
    ("Defects Diplomat Korean", True),                 # headline words in another order
    ("defecting diplomats", True),                     # stems: defected, diplomat
    ('"highest-ranking North Korean diplomat"', True),  # a phrase
    ('"diplomat Korean North highest-ranking"', False),  # the same words, not as a phrase
    ("Pyongyang’s embassy", True),                     # curly apostrophe
    ("Pyongyang's embassy", True),                     # straight apostrophe
    ("Zürich OR Kuwait", True),
])
def test_search_finds_the_seed_story(desk: tuple[str, Path], query: str, found: bool) -> None:
    base, _ = desk
    page = index_json(base, q=query)
    hit = [s for s in page["stories"] if s["headline"] == SEED_HEADLINE]
    assert bool(hit) == found
    if hit:
        assert "<mark>" in hit[0]["snippet"]["html"] and "<" not in hit[0]["snippet"]["text"]


@pytest.mark.parametrize("query", ['"unbalanced', "NOT", "AND OR", "*", '"', "a NEAR(", "(((", "^x"])
def test_bad_queries_get_a_friendly_answer(desk: tuple[str, Path], query: str) -> None:
    base, _ = desk
    for path in ("/", "/index.json"):
        status, _, body = fetch(f"{base}{path}?q={urllib.parse.quote(query)}")
        assert status in (200, 400) and "Traceback" not in body
        if status == 400:
            assert "search" in body.lower() or "word" in body.lower()


def test_index_json_pages_through_every_story_once(desk: tuple[str, Path]) -> None:
    base, db = desk
    for sort in ("newest", "biggest", "disputed"):
        seen: list[str] = []
        token, pages = "", 0
        while pages < 100:
            page = index_json(base, sort=sort, size="7", **({"next": token} if token else {}))
            assert len(page["stories"]) <= 7
            seen += [s["id"] for s in page["stories"]]
            pages += 1
            token = page["next"]
            if not token:
                break
        assert len(seen) == len(set(seen)) and set(seen) == story_ids(db)


def test_index_sorts_and_facets(desk: tuple[str, Path]) -> None:
    base, _ = desk
    biggest = index_json(base, sort="biggest")["stories"]
    assert [s["size"] for s in biggest] == sorted((s["size"] for s in biggest), reverse=True)
    disputed = index_json(base, sort="disputed")["stories"]
    assert [s["conflict_count"] for s in disputed] == sorted((s["conflict_count"] for s in disputed), reverse=True)
    page = index_json(base)
    assert len(page["stories"]) <= 50
    outlet = page["facets"]["outlet"][0]
    only = index_json(base, outlet=outlet["value"], size="50")
    assert only["count"] == outlet["count"]
    month = page["facets"]["date"][0]["value"]
    dated = index_json(base, since=month, until=month)["stories"]
    assert dated and all((s["last_published"] or "") >= month for s in dated)
    status, _, body = fetch(f"{base}/index.json?since=yesterday")
    assert status == 400 and "YYYY" in body


def test_html_and_json_twins_share_the_next_token(desk: tuple[str, Path]) -> None:
    base, _ = desk
    page = index_json(base)
    _, _, html = fetch(base + "/")
    assert page["next"] and f"next={page['next']}" in html.replace("&amp;", "&")


@pytest.mark.parametrize("table", ["claims", "conflicts", "quotes", "timeline"])
def test_story_exports(desk: tuple[str, Path], table: str) -> None:
    base, _ = desk
    story = seed_story(base)
    status, ctype, body = fetch(f"{base}/story/{story}/{table}.csv")
    assert status == 200 and ctype.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    data = json.loads(fetch(f"{base}/story/{story}/{table}.json")[2])
    assert rows and len(rows) == len(data[table])
    assert all(r["outlets"] and "#s-" in r["sentences"] for r in rows if table != "timeline")
    assert f"/story/{story}/{table}.csv" in fetch(f"{base}/story/{story}")[2]


def test_coverage_matrix_hides_single_source_rows_on_demand(desk: tuple[str, Path]) -> None:
    base, _ = desk
    story = seed_story(base)
    default = json.loads(fetch(f"{base}/story/{story}.json")[2])
    every = json.loads(fetch(f"{base}/story/{story}.json?rows=all")[2])
    assert all(len(r["claim"]["sources"]) > 1 for r in default["matrix"])
    assert len(every["matrix"]) == len(default["matrix"]) + default["matrix_hidden"] > len(default["matrix"])
    assert "?rows=all#coverage" in fetch(f"{base}/story/{story}")[2]


def test_readers_see_names_not_internals(desk: tuple[str, Path]) -> None:
    base, _ = desk
    html = fetch(f"{base}/story/{seed_story(base)}")[2]
    assert not re.search(r">(NORP|GPE|ORG|PERSON|LOC)<", html)
    assert ">Person<" in html and ">Place<" in html
    assert ">AFP<" in html and "000_afp.txt" not in html
    assert re.search(r'href="/article/a[0-9a-f]+#s-\d+"', html)


def test_favicon_is_served(desk: tuple[str, Path]) -> None:
    status, ctype, body = fetch(desk[0] + "/favicon.ico")
    assert status == 200 and ctype.startswith("image/svg+xml") and "<svg" in body


# ---- in headless Chromium -------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium or set STORYLINE_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def open_page(browser: Any, width: int = 1280, scheme: str = "light") -> Any:
    return browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme).new_page()


@pytest.mark.browser
def test_citation_lands_on_the_highlighted_sentence(desk: tuple[str, Path], browser: Any) -> None:
    base, _ = desk
    page = open_page(browser)
    page.goto(f"{base}/story/{seed_story(base)}")
    links = page.locator("#summary .cite a[href*='#s-']")
    assert links.count() >= 3
    for i in range(3):
        page.goto(f"{base}/story/{seed_story(base)}")
        line = page.locator("#summary li").filter(has=page.locator(".cite a[href*='#s-']")).nth(i)
        cited = line.inner_text()
        link = line.locator(".cite a[href*='#s-']").first
        fragment = link.get_attribute("href").split("#")[1]
        link.click()
        page.wait_for_url(f"**#{fragment}")
        target = page.locator(":target")
        assert target.get_attribute("id") == fragment
        box = target.bounding_box()
        assert box and 0 <= box["y"] < 900
        style = target.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).outlineStyle]")
        assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent") and style[1] != "none"
        words = set(re.findall(r"\w{4,}", target.inner_text().lower()))
        assert len(words & set(re.findall(r"\w{4,}", cited.lower()))) >= 3
    page.context.close()


@pytest.mark.browser
def test_no_horizontal_scroll_on_a_phone(desk: tuple[str, Path], browser: Any) -> None:
    base, _ = desk
    story = seed_story(base)
    biggest = index_json(base, sort="biggest")["stories"][0]["id"]
    article = json.loads(fetch(f"{base}/story/{story}.json")[2])["articles"][0]["id"]
    page = open_page(browser, 390)
    for path in ("/", "/?q=diplomat", f"/story/{story}", f"/story/{story}?rows=all", f"/story/{biggest}",
                 f"/article/{article}"):
        page.goto(base + path)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide at 390"
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("query", "marked"), [
    ("Diplomat Defects Korean", ("diplomat", "defect", "korean")),      # headline words reordered
    ("defecting diplomats", ("defect", "diplomat")),                    # stemmed forms
    ('"highest-ranking North Korean diplomat"', ("highest", "ranking", "north", "korean", "diplomat")),
])
def test_search_in_the_browser_marks_matches(desk: tuple[str, Path], browser: Any, query: str,
                                             marked: tuple[str, ...]) -> None:
    base, _ = desk
    page = open_page(browser)
    page.goto(base + "/")
    page.fill("input[type=search]", query)
    page.press("input[type=search]", "Enter")
    page.wait_for_selector("li.story-row")
    row = page.locator("li.story-row").filter(has_text=SEED_HEADLINE)
    assert row.count() == 1
    marks = row.locator(".snippet mark").all_inner_texts()
    assert marks and all(m.lower().startswith(marked) for m in marks)
    page.context.close()


@pytest.mark.browser
def test_index_pages_through_every_story_once(desk: tuple[str, Path], browser: Any) -> None:
    base, db = desk
    page = open_page(browser)
    page.goto(base + "/")
    seen: list[str] = []
    for _ in range(50):
        rows = page.locator("li.story-row h2 a")
        assert rows.count() <= 50
        seen += [h.rsplit("/", 1)[1] for h in rows.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
        following = page.locator("a[rel=next]")
        if not following.count():
            break
        following.click()
        page.wait_for_load_state()
    assert len(seen) == len(set(seen)) and set(seen) == story_ids(db)
    page.context.close()


@pytest.mark.browser
def test_dark_mode_differs(desk: tuple[str, Path], browser: Any) -> None:
    base, _ = desk
    colours = []
    for scheme in ("light", "dark"):
        page = open_page(browser, scheme=scheme)
        page.goto(f"{base}/story/{seed_story(base)}")
        colours.append(page.evaluate("() => [getComputedStyle(document.body).backgroundColor,"
                                     " getComputedStyle(document.body).color]"))
        page.context.close()
    assert colours[0][0] != colours[1][0] and colours[0][1] != colours[1][1]


@pytest.mark.browser
def test_no_console_errors(desk: tuple[str, Path], browser: Any) -> None:
    base, _ = desk
    story = seed_story(base)
    article = json.loads(fetch(f"{base}/story/{story}.json")[2])["articles"][0]["id"]
    page = open_page(browser)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    for path in ("/", "/?q=diplomat", '/?q="broken', f"/story/{story}", f"/article/{article}#s-3",
                 f"/story/{story}.json"):
        page.goto(base + path)
        page.wait_for_load_state("load")
    assert errors == []
    page.context.close()


@pytest.mark.browser
def test_keyboard_reaches_timeline_points(desk: tuple[str, Path], browser: Any) -> None:
    base, _ = desk
    page = open_page(browser)
    page.goto(f"{base}/story/{seed_story(base)}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg.timeline-chart')"):
            break
    else:
        pytest.fail("Tab never reached a timeline point")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert re.match(r"/article/a[0-9a-f]+#s-\d+$", href)
    stroke = page.evaluate("getComputedStyle(document.activeElement.querySelector('.dot')).strokeWidth")
    assert stroke not in ("0", "0px", "1px")
    page.keyboard.press("Enter")
    page.wait_for_url("**#s-*")
    assert page.locator(":target").count() == 1
    page.context.close()


@pytest.mark.browser
def test_tap_targets_are_at_least_24_px(desk: tuple[str, Path], browser: Any) -> None:
    base, _ = desk
    page = open_page(browser, 390)
    for path in ("/", f"/story/{seed_story(base)}"):
        page.goto(base + path)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        small = page.evaluate("""() => [...document.querySelectorAll(
            '.cite a, nav.toc a, .facets a, .sorts a, .pager a, svg a .hit, td.cell a, summary, button, input')]
            .map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.height < 24 || r.width < 24))""")
        assert small == [], f"{path}: {small[:3]}"
    page.context.close()
