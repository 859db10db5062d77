"""Property-based fuzzing of what a visitor may upload: whatever the bad files hold (cut JSON,
random bytes, odd encodings, deep nesting, huge lines, wrong field types, lone surrogates,
control characters), reading and building never crash and every good article is kept."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_prep.build import build, read_inputs
from data_prep.tables import read_table

GOOD = {"id": "good-1", "text": "Floods hit Lisbon on Monday. The mayor said 300 homes were damaged.",
        "published": "2023-03-08"}
SUFFIXES = [".json", ".jsonl", ".csv", ".txt", ".md", ".html", ".htm"]

# Any character, with the ones that broke builds drawn often. Hypothesis never draws lone
# surrogates in text (they are not valid Unicode), so they are spliced in as pieces.
SPECIALS = ["\ud800", "\udfff", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "\r", "\n\n"]
any_text = st.lists(st.text(st.characters(codec=None), max_size=40) | st.sampled_from(SPECIALS),
                    max_size=6).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12)
records = st.fixed_dictionaries({}, optional={
    key: json_values for key in ("id", "text", "title", "published", "source", "author", "url")})


def _json_lines(items: list) -> bytes:
    # ensure_ascii: a lone surrogate becomes the "\ud800" escape a real export would hold
    return "\n".join(json.dumps(item) for item in items).encode("ascii")


@st.composite
def bad_files(draw) -> tuple[str, bytes]:
    """(suffix, content) of one hostile file."""
    kind = draw(st.sampled_from(["cut", "bytes", "encoding", "deep", "huge", "fields"]))
    suffix = draw(st.sampled_from(SUFFIXES))
    if kind == "cut":
        whole = _json_lines(draw(st.lists(records, min_size=1, max_size=3)))
        return suffix, whole[:draw(st.integers(0, len(whole)))]
    if kind == "bytes":
        return suffix, draw(st.binary(max_size=400))
    if kind == "encoding":
        text = json.dumps({"id": "enc", "text": draw(any_text) + " Café in Zürich."}, ensure_ascii=False)
        codec = draw(st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252", "utf-8-sig"]))
        return suffix, text.encode(codec, errors="replace")
    if kind == "deep":
        depth = draw(st.integers(500, 20_000))
        opener = draw(st.sampled_from(["[", '{"a":', "<div>"]))
        return suffix, (opener * depth).encode()
    if kind == "huge":
        size = draw(st.integers(100_000, 3_000_000))
        return suffix, b'{"id": "huge", "text": "' + b"a" * size
    return suffix, _json_lines(draw(st.lists(records, min_size=1, max_size=5)))


def write_folder(root, files) -> None:
    root.mkdir()
    (root / "good.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    for i, (suffix, content) in enumerate(files):
        (root / f"bad-{i}{suffix}").write_bytes(content)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(files=st.lists(bad_files(), min_size=1, max_size=3))
def test_reading_never_crashes_and_keeps_the_good_article(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fuzz") / "in"
    write_folder(root, files)
    articles, inputs, errors = read_inputs([root])
    assert "good-1" in [a.article_id for a in articles]
    assert len(inputs) == len(files) + 1
    for article in articles:  # what reaches the model is clean
        article.text.encode("utf-8")
        assert "\x00" not in article.text
    for error in errors:
        assert error.path.startswith(str(root)) and error.message


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(texts=st.lists(any_text, min_size=1, max_size=3), files=st.lists(bad_files(), max_size=2))
def test_building_never_crashes_and_keeps_the_good_article(tmp_path_factory, texts, files):
    root = tmp_path_factory.mktemp("fuzz") / "in"
    write_folder(root, [(".jsonl", _json_lines([{"id": f"t{i}", "text": t}
                                                 for i, t in enumerate(texts)]))] + files)
    out = root.parent / "ds"
    build([root], out, workers=1, cache_dir=root.parent / "cache")
    articles = read_table(out, "articles").set_index("article_id")
    assert "good-1" in articles.index
    assert "Lisbon" in set(read_table(out, "mentions").surface)
    for name in ("sentences", "mentions", "events", "figures"):
        for row in read_table(out, name).itertuples():
            surface = row.text if name == "sentences" else row.surface
            assert articles.text[row.article_id][row.start:row.end] == surface


@pytest.mark.parametrize("content, message", [
    (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    (b'[{"id": "x", "text": 5}]', "empty or missing 'text'"),
])
def test_named_hostile_json(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    articles, _, errors = read_inputs([path])
    assert articles == [] and message in errors[0].message and errors[0].path == str(path)


def test_lone_surrogate_and_controls_are_cleaned_in_place(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s", "text": "Kyiv \\ud800 was hit.\\u0000 Odesa too.", '
                    '"title": "T\\udfff"}\n', encoding="ascii")
    (article,), _, errors = read_inputs([path])
    assert errors == []
    assert article.text == "Kyiv \ufffd was hit.  Odesa too." and article.title == "T\ufffd"
