"""AppTest smoke test over every page, on the hand-made dataset and on the seed, checking content.

AppTest cannot click charts or read plotly/pydeck through typed accessors: the specs are
read as JSON from ``.proto``, and clicks are left to the browser tests.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from data_prep.tables import SCHEMA_VERSION, TABLES, to_table, write_dataset
from tests.dashboard_data import XSS_IMG, XSS_SCRIPT, write_dashboard_dataset

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
PAGES = ["overview", "timeline", "map", "figures", "actors", "text"]


@pytest.fixture(autouse=True)
def clear_caches():
    """st.cache_data is shared by every AppTest in this process: start each test cold."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture(params=["small", "seed"])
def dataset(request) -> tuple[str, Path]:
    """Each dataset the pages are checked on, by name and directory."""
    if request.param == "seed":
        return "seed", request.getfixturevalue("seed_dataset")
    return "small", request.getfixturevalue("dashboard_dataset")


def open_page(data_dir: Path, page: str, monkeypatch, **params) -> AppTest:
    """Run the app with ``params`` in the URL, go to ``page`` and check it ran cleanly."""
    monkeypatch.setenv("NEWS_DATA_DIR", str(data_dir))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page != "overview":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def charts(at: AppTest, kind: str) -> list[dict]:
    """The JSON specs of the page's plotly ("plotly_chart") or pydeck ("deck_gl_json_chart") charts."""
    field = "spec" if kind == "plotly_chart" else "json"
    return [json.loads(getattr(el.proto, field)) for el in at.get(kind)]


def html_bodies(at: AppTest) -> str:
    """All HTML and Markdown the page sent (except our own scroll script), as one string."""
    return "\n".join([h.proto.body for h in at.html if not h.proto.unsafe_allow_javascript]
                     + [m.value for m in at.markdown])


def scripts(at: AppTest) -> list[str]:
    """The bodies of the HTML elements allowed to run JavaScript."""
    return [h.proto.body for h in at.html if h.proto.unsafe_allow_javascript]


def check_overview(at: AppTest, name: str) -> None:
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == {"small": "4", "seed": "1"}[name]
    assert "$56.2 billion" in html_bodies(at)  # the key figure card
    assert len(charts(at, "plotly_chart")) >= 3
    if name == "seed":  # one article: no trend line
        assert any("no trend" in i.value for i in at.info)
        assert "Ukraine" in json.dumps(charts(at, "plotly_chart"))


def check_timeline(at: AppTest, name: str) -> None:
    spec = json.dumps(charts(at, "plotly_chart")[0])
    assert {"small": "October 2024", "seed": "February 2022"}[name] in spec
    events = at.dataframe[0].value
    assert events["reader"].str.startswith("text?article=").all()


def check_map(at: AppTest, name: str) -> None:
    deck = charts(at, "deck_gl_json_chart")[0]
    layers = {layer["id"]: layer for layer in deck["layers"]}
    assert layers["countries"]["data"]["features"]  # offline outlines
    places = {row["name"]: row for row in layers["places"]["data"]}
    assert layers["places"]["pickable"] is True
    kursk = next(n for n in places if n.startswith("Kursk"))  # the seed names the Kursk Oblast
    assert places[kursk]["mentions"] >= 1 and "Kursk" in places[kursk]["sentence"]
    assert kursk in set(at.dataframe[0].value["name"])
    assert layers["places"]["getFillColor"] == "@@=color"  # by country unless asked otherwise


def test_map_colours_by_actor_from_the_url(seed_dataset, monkeypatch):
    at = open_page(seed_dataset, "map", monkeypatch, color_by="actor")
    layer = {l["id"]: l for l in charts(at, "deck_gl_json_chart")[0]["layers"]}["places"]
    assert layer["getFillColor"] == "@@=actor_color"
    kursk = next(row for row in layer["data"] if row["name"].startswith("Kursk"))
    assert kursk["actor"] == ""  # no person or organisation is named in the Kursk sentence
    assert any(row["actor"] == "Joe Biden" for row in layer["data"])


def check_figures(at: AppTest, name: str) -> None:
    table = at.dataframe[0].value
    assert 56.2e9 in set(table["value"])
    assert table.loc[table["value"] == 56.2e9, "unit"].iat[0] == "USD"
    assert "56.2" in json.dumps(charts(at, "plotly_chart")[0])


def check_actors(at: AppTest, name: str) -> None:
    names = set(at.dataframe[0].value["name"])
    assert {"Vladimir Putin", "Ukraine"} <= names
    assert "Ukraine" in json.dumps(charts(at, "plotly_chart")[0])  # the network
    assert at.selectbox(key="profile").value == at.dataframe[0].value["name"].iat[0]


def check_text(at: AppTest, name: str) -> None:
    body = html_bodies(at)
    assert "<mark>missiles</mark>" in body
    assert 'data-testid="article-text"' in body and 'class="mention"' in body


CHECKS = {"overview": check_overview, "timeline": check_timeline, "map": check_map,
          "figures": check_figures, "actors": check_actors, "text": check_text}


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_its_content(dataset, page, monkeypatch):
    name, data_dir = dataset
    params = {"q": "missiles"} if page == "text" else {}
    at = open_page(data_dir, page, monkeypatch, **params)
    CHECKS[page](at, name)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_html_is_shown_as_text(dashboard_dataset, page, monkeypatch):
    at = open_page(dashboard_dataset, page, monkeypatch, article="a3", sentence="1")
    body = html_bodies(at)
    assert "<script" not in body and "<img" not in body
    assert XSS_SCRIPT not in body and XSS_IMG not in body
    if page == "text":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert "&lt;img src=x onerror=alert(1)&gt;" in body
        assert 'id="s-1"' in body  # the sentence the link pointed at
        [script] = scripts(at)  # scrolls to it: our constant code and the sentence number only
        assert '"s-1"' in script and "alert" not in script
    else:
        assert not scripts(at)
        plotly = json.dumps(charts(at, "plotly_chart"))  # hover labels are HTML in plotly
        assert "<script" not in plotly and "<img" not in plotly


def test_filters_from_the_url_narrow_every_page(dashboard_dataset, monkeypatch):
    at = open_page(dashboard_dataset, "overview", monkeypatch, actor="Joe Biden", place="Kursk")
    assert {m.label: m.value for m in at.metric}["Sentences"] == "1"
    assert at.multiselect(key="place").value == ["Kursk"]
    assert "actor=Joe+Biden&place=Kursk" in at.code[0].value  # the copy-link box
    at.switch_page("views/map.py").run()
    places = {row["name"] for row in charts(at, "deck_gl_json_chart")[0]["layers"][1]["data"]}
    assert places == {"Kursk", "Ukraine"}


def test_unknown_url_values_are_dropped(dashboard_dataset, monkeypatch):
    at = open_page(dashboard_dataset, "overview", monkeypatch, actor="Nobody", **{"from": "bad"})
    assert {m.label: m.value for m in at.metric}["Articles"] == "4"


@pytest.mark.parametrize("page", PAGES)
def test_hand_edited_urls_do_not_break_pages(dashboard_dataset, page, monkeypatch):
    open_page(dashboard_dataset, page, monkeypatch, filters="1", page_url="x", sentence="abc",
              article="nope", lanes="bogus", profile=XSS_SCRIPT, to="2024-02-30",
              place=["Kursk", "Atlantis"])


@pytest.mark.parametrize("query, message", [
    ('"unbalanced', "unmatched quote"),
    ("!!! ...", "no words"),
    ("x" * 300, "too long"),
])
def test_malformed_search_gives_a_message(dashboard_dataset, monkeypatch, query, message):
    at = open_page(dashboard_dataset, "text", monkeypatch, q=query)
    shown = " ".join(e.value for e in [*at.warning, *at.info])
    assert message in shown


@pytest.fixture(scope="session")
def empty_dataset(tmp_path_factory) -> Path:
    """A valid dataset with no rows at all."""
    out = tmp_path_factory.mktemp("dashboard") / "empty"
    write_dataset(out, {name: to_table(name, []) for name in TABLES},
                  {"schema_version": SCHEMA_VERSION})
    return out


@pytest.mark.parametrize("page", PAGES)
def test_empty_views_render(dashboard_dataset, empty_dataset, page, monkeypatch):
    open_page(empty_dataset, page, monkeypatch)
    st.cache_data.clear()
    at = open_page(dashboard_dataset, page, monkeypatch, q="zzzz", source="Daily Sample")
    said = [x.value for x in [*at.info, *at.caption]]
    assert any(EMPTY_MESSAGES[page] in x for x in said), said  # says so, rather than failing


EMPTY_MESSAGES = {
    "overview": "No figures in this view.", "timeline": "No dated events in this view.",
    "map": "0 places and countries", "figures": "No figures in this view.",
    "actors": "No actors in this view.", "text": "No sentence contains all of these words",
}


def test_missing_dataset_explains_itself(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_DATA_DIR", str(tmp_path / "nowhere"))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "No readable dataset" in at.error[0].value


def test_dataset_of_another_schema_version_explains_itself(tmp_path, seed_dataset, monkeypatch):
    import shutil

    copy = tmp_path / "old"
    shutil.copytree(seed_dataset, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    (copy / "manifest.json").write_text(json.dumps({**manifest, "schema_version": 0}))
    monkeypatch.setenv("NEWS_DATA_DIR", str(copy))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "schema version 0" in at.error[0].value


@pytest.fixture(scope="session")
def large_dataset(seed_dataset, tmp_path_factory) -> Path:
    """20,000 synthetic articles made from the seed (bench.synthetic): 280,000 sentences,
    880,000 mentions, 40,000 events and 60,000 figures."""
    from bench.synthetic import make_synthetic

    out = tmp_path_factory.mktemp("large") / "syn20k"
    make_synthetic(seed_dataset, out, articles=20_000, log=lambda _: None)
    return out


def elements(at: AppTest) -> int:
    """Points, bars and rows the page sends: plotly x values, pydeck rows and table rows."""
    n = sum(len(trace.get("x") or []) for spec in charts(at, "plotly_chart")
            for trace in spec["data"])
    n += sum(len(layer["data"]) for deck in charts(at, "deck_gl_json_chart")
             for layer in deck["layers"] if isinstance(layer.get("data"), list))
    return n + sum(len(df.value) for df in at.dataframe)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_a_large_dataset_in_aggregates(large_dataset, page, monkeypatch):
    params = {"q": "missiles"} if page == "text" else {}
    at = open_page(large_dataset, page, monkeypatch, **params)
    assert elements(at) <= 5000
    said = " ".join(x.value for x in [*at.caption, *at.markdown, *at.subheader])
    if page == "overview":
        assert {m.label: m.value for m in at.metric}["Articles"] == "20,000"
    if page == "timeline":
        assert "40,000 events: too many to draw one by one" in said
        assert "1-200 of 40,000, by date" in said and len(at.dataframe[0].value) == 200
    if page == "figures":
        assert "The largest figures of each kind" in said and "1-200 of 60,000" in said
    if page == "text":
        assert "40,000 sentences match missiles" in said  # two per article
        assert "Ranked among the latest 20,000 matches" in said and "1-50 of 20,000 ranked" in said
        at.number_input(key="search_page").set_value(400).run()  # the last page of 50
        said = " ".join(x.value for x in at.caption)
        assert "19,951-20,000 of 20,000 ranked" in said and html_bodies(at).count("<mark>") >= 50
        assert "<mark>" in html_bodies(at)
        assert at.selectbox(key="reader_article").label.startswith("Article (1-200 of 20,000 in this view")


def test_search_results_come_a_page_at_a_time_from_page_1_of_each_new_search(large_dataset, monkeypatch):
    at = open_page(large_dataset, "text", monkeypatch, q="missiles")
    at.number_input(key="search_page").set_value(2).run()
    assert any("51-100 of 20,000 ranked" in x.value for x in at.caption)
    at.text_input(key="q").set_value("Kursk").run()  # another search starts at its first page
    assert not at.exception
    assert any(x.value.startswith("1-") and "ranked, best first" in x.value for x in at.caption)


def test_the_reader_finds_an_article_by_title_on_later_pages(large_dataset, monkeypatch):
    at = open_page(large_dataset, "text", monkeypatch)
    at.number_input(key="reader_page").set_value(3).run()  # a page past the first 200
    third = at.selectbox(key="reader_article")
    assert third.label.startswith("Article (401-600 of 20,000") and len(third.options) == 200
    title = third.options[0]
    at.text_input(key="reader_title").set_value("no title has this").run()
    assert any("No article in this view has" in i.value for i in at.info)
    at.text_input(key="reader_title").set_value(title.split(" · ")[0].upper()).run()
    assert not at.exception and at.selectbox(key="reader_article").options


def test_a_narrow_date_range_draws_single_events_on_a_large_dataset(large_dataset, monkeypatch):
    at = open_page(large_dataset, "timeline", monkeypatch, **{"from": "2022-02-01", "to": "2022-02-28"})
    assert "too many" not in " ".join(c.value for c in at.caption)
    assert "February 2022" in json.dumps(charts(at, "plotly_chart")[0])


# ---------------------------------------------------------------------------- Add articles

def saved_upload(root: Path, dataset: Path | None, **status) -> str:
    """An upload folder as a finished build leaves it (a copy of ``dataset`` if given)."""
    import shutil

    from dashboard import uploads

    upload = uploads.save_upload(root, [("a.txt", b"Rain in Oslo.")], uploads.Limits())
    folder = root / upload.upload_id
    if dataset is not None:
        shutil.copytree(dataset, folder / "dataset")
    saved = uploads.read_status(root, upload.upload_id)
    saved.update(status)
    (folder / "status.json").write_text(json.dumps(saved))
    return upload.upload_id


def test_add_page_offers_the_upload_form(seed_dataset, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_UPLOAD_DIR", str(tmp_path))
    at = open_page(seed_dataset, "add", monkeypatch)
    assert at.get("file_uploader") and at.button(key="FormSubmitter:add_articles-Build a dataset")
    assert "new dataset of their own" in html_bodies(at)


@pytest.mark.parametrize("status, shown", [
    ({"state": "building", "processed": 3}, "Building: 3 articles processed"),
    ({"state": "failed", "message": "No article could be read from the files."}, "No article could be read"),
    ({"state": "done", "counts": {"articles": 4, "mentions": 9, "events": 1, "figures": 2},
      "errors": [{"file": "a.jsonl", "line": 2, "message": "invalid JSON"}]}, "Built 4 articles"),
])
def test_add_page_follows_the_build(seed_dataset, dashboard_dataset, monkeypatch, tmp_path, status, shown):
    monkeypatch.setenv("NEWS_UPLOAD_DIR", str(tmp_path))
    upload_id = saved_upload(tmp_path, dashboard_dataset, **status)
    monkeypatch.setenv("NEWS_DATA_DIR", str(seed_dataset))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["upload"] = upload_id
    at.run()
    at.switch_page("views/add.py").run()
    assert not at.exception, [e.value for e in at.exception]
    text = " ".join([p.proto.text for p in at.get("progress")] + [e.value for e in at.error]
                    + [s.value for s in at.success])
    assert shown in text
    assert str(tmp_path) not in html_bodies(at)


def test_a_dataset_link_opens_the_uploaded_dataset_on_every_page(seed_dataset, dashboard_dataset,
                                                                monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_UPLOAD_DIR", str(tmp_path))
    upload_id = saved_upload(tmp_path, dashboard_dataset, state="done")
    default = open_page(seed_dataset, "overview", monkeypatch)
    uploaded = open_page(seed_dataset, "overview", monkeypatch, dataset=upload_id)
    articles = {m.label: m.value for m in uploaded.metric}["Articles"]
    assert articles != {m.label: m.value for m in default.metric}["Articles"]
    assert uploaded.text_input(key="dataset").value == upload_id
    text = open_page(seed_dataset, "text", monkeypatch, dataset=upload_id, q="Kursk")
    assert f"dataset={upload_id}" in html_bodies(text)  # evidence links keep the dataset


def test_an_unknown_dataset_link_says_so_and_shows_the_default(seed_dataset, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWS_UPLOAD_DIR", str(tmp_path))
    at = open_page(seed_dataset, "overview", monkeypatch, dataset="A" * 22)
    assert any("unknown or has expired" in w.value for w in at.warning)


def test_about_page_shows_the_manifest_and_the_measured_accuracy(seed_dataset, monkeypatch):
    at = open_page(seed_dataset, "about", monkeypatch)
    frames = [f.value for f in at.dataframe]
    accuracy, counts, inputs = frames[0], frames[1], frames[2]
    assert accuracy["table"].tolist() == ["Map", "Actors", "Timeline", "Figures", "Text"]
    assert accuracy["recall"].between(0, 1).all()
    # Short lines are scored for recall only: said so in words, not a blank "None" cell.
    assert accuracy.set_index("table").loc["Text", "precision"] == "recall only"
    assert accuracy["precision"].drop(accuracy.index[accuracy["table"] == "Text"]).str.fullmatch(r"[01]\.\d\d").all()
    assert counts.set_index("table").loc["articles", "rows"] == 1
    assert inputs["input"].tolist() == ["ukraine-atacms-2024-11-17.txt"]  # built from an absolute path
    assert any("Every input was read without an error" in c.value for c in at.caption)
    manifest = json.loads((seed_dataset / "manifest.json").read_text())
    assert any(manifest["pipeline"] in m.value for m in at.markdown)


def test_map_lists_the_places_it_cannot_draw(tmp_path, monkeypatch):
    region = {"article_id": "a1", "sentence_id": 1, "surface": "Kursk region", "kind": "place",
              "entity_id": "place:kursk-region", "name": "Kursk region", "country_code": "RU",
              "lat": None, "lon": None}
    at = open_page(write_dashboard_dataset(tmp_path / "d", [region]), "map", monkeypatch)
    assert [e.label for e in at.expander] == ["Places the map cannot draw (1)"]
    table = at.expander[0].dataframe[0].value
    assert table[["name", "mentions", "articles"]].values.tolist() == [["Kursk region", 1, 1]]


def test_search_counts_say_one_sentence_in_the_singular(seed_dataset, monkeypatch):
    at = open_page(seed_dataset, "text", monkeypatch, q="Zelenskyy")  # one sentence of the seed names him
    assert [s.value for s in at.subheader][0] == "1 sentence matches zelenskyy"  # the query as parsed
