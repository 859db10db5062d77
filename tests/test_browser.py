"""Real-browser tests: Debian's Chromium driven by Playwright against `streamlit run`.

They cover what AppTest cannot see: pages as a browser renders them, filters restored from a
URL, search highlighting in the DOM, a click on the WebGL map, and escaping of hostile text.
Screenshots of every page go to $SCREENSHOT_DIR (default test-artifacts/screenshots);
`make screenshots` writes the README's copies to docs/screenshots.
"""
from __future__ import annotations

import math
import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from data_prep.tables import read_table

from .browser_support import CHROMIUM_FLAGS, ROOT, chromium_path, serve_dashboard

pytestmark = pytest.mark.browser

PAGES = ["", "timeline", "map", "figures", "actors", "text", "add", "about"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "test-artifacts" / "screenshots"))
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seed_url(seed_dataset, browser):
    with serve_dashboard(seed_dataset) as base:
        yield base


@pytest.fixture(scope="module")
def hostile_url(dashboard_dataset, browser):
    """The tests' multi-article dataset, which has an article full of HTML and script."""
    with serve_dashboard(dashboard_dataset) as base:
        yield base, dashboard_dataset


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs  # any alert() a script managed to run ends up here
    yield page
    context.close()


_SETTLED = """() => !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-testid="stStatusWidget"]')"""


def wait_until_settled(page, *, quiet_checks: int = 4) -> None:
    """Wait until the script run is over and no element is still a loading placeholder."""
    page.wait_for_selector('[data-testid="stMain"] h1')
    quiet = 0
    for _ in range(TIMEOUT_MS // 250):
        quiet = quiet + 1 if page.evaluate(_SETTLED) else 0
        if quiet >= quiet_checks:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"{page.url} was still running after {TIMEOUT_MS} ms")


def open_page(page, url: str) -> None:
    """Go to ``url``, wait for Streamlit to finish, and check that no exception is shown."""
    page.goto(url)
    wait_until_settled(page)
    assert page.locator('[data-testid="stException"]').count() == 0, page.inner_text("body")[:2000]


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_without_an_error(page, seed_url, path):
    open_page(page, f"{seed_url}/{path}")
    if path == "map":
        page.wait_for_selector("#deckgl-overlay")
        page.wait_for_timeout(1500)  # tiles (if online) and outlines
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.get_by_role("button", name="Deploy").count() == 0  # client.toolbarMode = "viewer"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{path or 'overview'}.png"), full_page=False)


def test_a_url_with_filters_reopens_the_filtered_view(page, seed_url):
    open_page(page, f"{seed_url}/text?place=Kursk+Oblast&q=troops")  # the seed's "Kursk region"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Kursk" in sidebar.inner_text()
    assert sidebar.locator("input[type=text]").first.input_value() == "troops"
    page.wait_for_selector('[data-testid="evidence"]')
    results = page.locator('[data-testid="evidence"]')
    assert results.count() == 1  # the one sentence naming Kursk that has "troops"
    assert "Kursk" in results.first.inner_text()
    # The filters survive a page switch through the navigation.
    page.locator('[data-testid="stSidebarNav"] a[href$="/figures"]').click()
    page.wait_for_url("**/figures?**")
    assert params(page)["place"] == ["Kursk Oblast"] and params(page)["q"] == ["troops"]


def test_search_highlights_its_match(page, seed_url):
    open_page(page, f"{seed_url}/text?q=missiles")
    page.wait_for_selector('[data-testid="evidence"] mark')
    marks = page.locator('[data-testid="evidence"] mark')
    assert marks.count() >= 1
    assert {m.lower() for m in marks.all_inner_texts()} <= {"missiles", "missile"}
    assert "missiles" in page.locator('[data-testid="evidence"]').first.inner_text().lower()


def test_a_malformed_query_gets_a_message(page, seed_url):
    open_page(page, f"{seed_url}/text?q=%22%28%5B%22")  # a quoted phrase of punctuation only
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "no words to look for" in page.locator('[data-testid="stMain"]').inner_text()


def _pixel(lat: float, lon: float, view: dict, width: float, height: float) -> tuple[float, float]:
    """Web Mercator screen position of (lat, lon) in a deck of this size and view (512 px tiles)."""
    scale = 512 * 2 ** view["zoom"]

    def world(la: float, lo: float) -> tuple[float, float]:
        x = (lo + 180) / 360 * scale
        y = (1 - math.log(math.tan(math.pi / 4 + math.radians(la) / 2)) / math.pi) / 2 * scale
        return x, y

    cx, cy = world(view["latitude"], view["longitude"])
    px, py = world(lat, lon)
    return width / 2 + px - cx, height / 2 + py - cy


def test_clicking_a_map_place_filters_by_it(page, seed_url, seed_dataset):
    import duckdb

    from dashboard import queries

    con = duckdb.connect()
    queries.open_dataset(con, seed_dataset)
    points = queries.place_points(con.cursor(), queries.Scope(queries.Filters()))
    view = queries.map_view(points)
    kursk = points[points["name"] == "Kursk Oblast"].iloc[0]
    open_page(page, f"{seed_url}/map")
    canvas = page.locator("#deckgl-overlay")
    canvas.wait_for()
    page.wait_for_timeout(1500)
    box = canvas.bounding_box()
    x, y = _pixel(kursk.lat, kursk.lon, view, box["width"], box["height"])
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.wait_for_timeout(300)
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_function("() => location.search.includes('place=Kursk')", timeout=TIMEOUT_MS)
    assert params(page)["place"] == ["Kursk Oblast"]
    wait_until_settled(page)
    assert "Kursk" in page.locator('[data-testid="stSidebar"]').inner_text()


@pytest.mark.parametrize("path", ["", "text", "figures", "actors", "timeline", "map"])
def test_hostile_article_text_runs_no_script(page, hostile_url, path):
    base, directory = hostile_url
    articles = read_table(directory, "articles")
    hostile = articles[articles.title.str.contains("<script>", regex=False)].iloc[0]
    url = f"{base}/{path}" + (f"?article={hostile.article_id}" if path == "text" else "")
    open_page(page, url)
    page.wait_for_timeout(1500)  # time for an injected handler or script to fire
    assert page.dialogs == []
    assert page.locator('img[src="x"]').count() == 0
    if path == "text":
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert "<script>" in body  # shown as text


@pytest.fixture(scope="module")
def upload_url(seed_dataset, browser, tmp_path_factory):
    """The app on the seed, with its uploads in a folder of this test module."""
    folder = tmp_path_factory.mktemp("uploads")
    with serve_dashboard(seed_dataset, env={"NEWS_UPLOAD_DIR": str(folder)}) as base:
        yield base, folder


def _map_count(page) -> int:
    caption = page.get_by_text("places and countries").first.inner_text()
    return int(caption.split(" places and countries")[0].split()[-1].replace(",", ""))


def test_uploaded_articles_make_a_dataset_that_only_its_link_opens(browser, page, upload_url, tmp_path):
    import json

    import duckdb

    from dashboard import queries, uploads

    base, folder = upload_url
    lisbon = tmp_path / "lisbon.txt"
    lisbon.write_text("Floods in Portugal\n2024-03-04\nFloods hit Lisbon and Porto on Monday, "
                      "officials in Portugal said.\n", encoding="utf-8")
    nairobi = tmp_path / "more.jsonl"
    nairobi.write_text(json.dumps({"id": "m1", "text": "Talks resumed in Nairobi on Tuesday, "
                                   "Kenyan officials said."}) + "\n", encoding="utf-8")
    open_page(page, f"{base}/add")
    page.locator('input[type="file"]').set_input_files([str(lisbon), str(nairobi)])
    page.get_by_text("more.jsonl").wait_for()
    page.get_by_role("button", name="Build a dataset").click()
    link = page.get_by_role("link", name="Open the new dataset")
    link.wait_for(timeout=240_000)  # the build runs in its own process; the page polls it
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Built 2 articles" in body and str(folder) not in body  # no server path shown
    upload_id = parse_qs(urlparse(link.get_attribute("href")).query)["dataset"][0]
    assert uploads.is_upload_id(upload_id)

    con = duckdb.connect()
    queries.open_dataset(con, uploads.dataset_path(folder, upload_id))
    points = queries.place_points(con.cursor(), queries.Scope(queries.Filters()))
    assert {"Lisbon", "Nairobi"} <= set(points["name"])
    open_page(page, f"{base}/map?dataset={upload_id}")
    page.wait_for_selector("#deckgl-overlay")
    assert _map_count(page) == len(points)
    # The dataset stays on screen through the navigation, and in evidence links.
    page.locator('[data-testid="stSidebarNav"] a[href$="/text"]').click()
    page.wait_for_url("**/text?**")
    assert params(page)["dataset"] == [upload_id]

    stranger = browser.new_context().new_page()  # another visitor, without the link
    open_page(stranger, f"{base}/map")
    stranger.wait_for_selector("#deckgl-overlay")
    assert _map_count(stranger) != len(points)
    open_page(stranger, f"{base}/text?q=Nairobi")
    assert stranger.locator('[data-testid="evidence"]').count() == 0
    stranger.context.close()
