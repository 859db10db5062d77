"""Streamlit pieces shared by the router and the pages: dataset context, sidebar, evidence."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from typing import Any
from datetime import date
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data, markup, queries, state, uploads
from dashboard.queries import Filters, Scope

__all__ = ["Context", "context", "current_filters", "require_dataset", "sidebar_filters",
           "share_box", "evidence", "meta_line", "reader_links", "download", "add_from_chart",
           "hover_text", "html", "pager", "current_dataset", "dataset_dir", "dataset_download",
           "EVIDENCE", "PAGE_ROWS"]

EVIDENCE = ["article_id", "sentence_id", "start", "end", "surface"]
PAGE_ROWS = 200
_DATE_MIN, _DATE_MAX = date(1800, 1, 1), date(2200, 12, 31)


@dataclass(frozen=True)
class Context:
    """What a page draws from: a cursor of its own, the search index, the filters and their
    scope (the SQL of each filtered table), and the dataset's cache key."""

    path: str
    stamp: float
    cur: Any
    db: Any
    filters: Filters
    scope: Scope

    def query(self, name: str, *args, **kwargs):
        """``queries.<name>(cur, scope, ...)``, cached by the dataset, the filters and the arguments."""
        return data.query(self.path, self.stamp, self.filters.key(), name, *args, **kwargs)


def _requested_dataset() -> str | None:
    """The ``?dataset=`` the visitor asked for (its widget's value once drawn), if any."""
    value = (st.session_state.get("dataset") if "dataset" in st.session_state
             else st.query_params.get("dataset"))
    return value or None


def current_dataset() -> str | None:
    """The id of the uploaded dataset on screen, None for the default one (also when the
    requested one is unknown or expired)."""
    value = _requested_dataset()
    return value if uploads.dataset_path(uploads.default_root(), value) else None


def dataset_dir() -> Path:
    """The directory of the dataset on screen."""
    return data.dataset_dir(current_dataset())


def dataset_download() -> None:
    """A zip of the dataset on screen (tables, search index, manifest), made when clicked."""
    directory = dataset_dir()
    st.download_button("Download this dataset (zip)", data=lambda: uploads.zip_dataset(directory),
                       file_name=f"{current_dataset() or directory.name}-dataset.zip",
                       mime="application/zip", icon=":material/download:", key="dataset_zip")


def current_filters() -> Filters:
    """The filters the sidebar widgets hold (their keys are the URL parameters)."""
    return state.filters_from_params({key: st.session_state.get(key) for key in state.PARAMS})


def context() -> Context:
    """A cursor and the filters' scope for this run (call once per page run)."""
    directory = dataset_dir()
    path, stamp = str(directory), data.dataset_stamp(directory)
    filters = current_filters()
    cur, db, scope = data.scoped(path, stamp, filters)
    return Context(path, stamp, cur, db, filters, scope)


def _build_seed(directory: Path) -> None:
    """Build the seed dataset in a subprocess (the app itself never imports the NLP model)."""
    with st.spinner("Building the seed dataset (about a minute)…"):
        try:
            done = subprocess.run([sys.executable, "-m", "data_prep", "build", "seeds", "--out",
                                   str(directory)], cwd=data.ROOT, capture_output=True, text=True,
                                  timeout=900, check=False)
        except subprocess.TimeoutExpired:
            st.error("Building the seed dataset took more than 15 minutes; try `make build`.")
            st.stop()
    if done.returncode not in (0, 1):  # 1: built, with some input errors in the manifest
        st.error(f"The build failed:\n\n```\n{done.stderr[-2000:]}\n```")
        st.stop()
    st.cache_data.clear()
    st.cache_resource.clear()
    st.rerun()


def require_dataset() -> None:
    """Stop the run with an explanation when the dataset directory cannot be read.

    Without ``NEWS_DATA_DIR`` (e.g. a fresh clone on a hosting service), offer to build the seed.
    """
    directory = dataset_dir()
    try:
        data.connection(str(directory), data.dataset_stamp(directory))
    except (OSError, ValueError) as exc:
        st.error(f"No readable dataset at `{directory}` ({exc}). Build one with "
                 "`make run` or `python -m data_prep build INPUT... --out DIR`, "
                 "and point `NEWS_DATA_DIR` at it.")
        if data.is_default_dir(directory) and st.button("Build the seed dataset now",
                                                        key="build_seed"):
            _build_seed(directory)
        st.stop()


def _clear_filters() -> None:
    """Reset every sidebar filter (a callback, so it runs before the widgets are drawn)."""
    for key, value in state.widget_values(Filters()).items():
        st.session_state[key] = value


def sidebar_filters() -> Filters:
    """Draw the shared filters in the sidebar, each bound to its URL parameter."""
    directory = dataset_dir()
    options = data.options(str(directory), data.dataset_stamp(directory))
    bar = st.sidebar
    if current_dataset():  # drawn on every page so that Streamlit keeps it in the URL
        bar.text_input("Uploaded dataset", key="dataset", bind="query-params",
                       help="This link's own dataset; empty it to return to the default one.")
    elif _requested_dataset():
        bar.warning("This dataset link is unknown or has expired; showing the default dataset.")
    bar.text_input("Search sentences", key="q", bind="query-params",
                   placeholder='words or "a phrase"',
                   help='Keeps sentences containing every word and "quoted phrase".')
    bar.multiselect("Actor", options["actor"], key="actor", bind="query-params")
    bar.multiselect("Topic", options["topic"], key="topic", bind="query-params")
    bar.multiselect("Place", options["place"], key="place", bind="query-params")
    bar.multiselect("Source", options["source"], key="source", bind="query-params")
    left, right = bar.columns(2)
    help_ = "Events by their own date; articles, sentences and figures by publication date."
    left.date_input("From", value=None, min_value=_DATE_MIN, max_value=_DATE_MAX, key="from",
                    bind="query-params", format="YYYY-MM-DD", help=help_)
    right.date_input("To", value=None, min_value=_DATE_MIN, max_value=_DATE_MAX, key="to",
                     bind="query-params", format="YYYY-MM-DD", help=help_)
    filters = current_filters()
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        bar.warning("'From' is after 'To': nothing can match.")
    if not filters.is_empty():
        bar.button("Clear filters", on_click=_clear_filters, key="clear_filters",
                   icon=":material/filter_alt_off:")
    return filters


def share_box(page_url_path: str) -> None:
    """The "copy link" control: the URL that reopens this page with these filters."""
    filters = current_filters()
    # Page-specific parameters (the reader's article, a page's own bound widgets) come along.
    extra = {k: st.query_params.get_all(k) for k in st.query_params if k not in state.PARAMS}
    url = state.share_url(st.context.url, filters, {k: v for k, v in extra.items() if v})
    with st.sidebar:
        st.caption(f"Link to this view ({page_url_path or 'overview'}), copy with the icon:")
        st.code(url, language=None, wrap_lines=True)


def html(body: str) -> None:
    """Show HTML built by ``markup`` (escaped text only)."""
    st.html(body)


def meta_line(title: object, published: object = None, source: object = None) -> str:
    """ "Title · 2024-11-17 · Source" from whatever of the three is known."""
    parts = [str(title) if isinstance(title, str) and title else "(untitled)"]
    if isinstance(published, pd.Timestamp) and not pd.isna(published):
        parts.append(published.strftime("%Y-%m-%d"))
    if isinstance(source, str) and source:
        parts.append(source)
    return " · ".join(parts)


def evidence(text: str, article_id: str, sentence_id: int, filters: Filters, *,
             meta: str | None = None, spans=()) -> None:
    """One evidence sentence, escaped, with a link to it in the Text page's reader."""
    st.html(markup.sentence_block(text, href=state.text_link(article_id, sentence_id, filters,
                                                             current_dataset()),
                                  meta=meta, spans=spans))


def reader_links(table: pd.DataFrame, filters: Filters) -> list[str]:
    """A reader link per row of ``table`` (which has article_id and sentence_id)."""
    dataset = current_dataset()
    return [state.text_link(a, s, filters, dataset)
            for a, s in zip(table["article_id"], table["sentence_id"])]


def download(ctx: Context, kind: str, file_name: str, *, key: str, rows: int | None = None,
             **extra) -> None:
    """A CSV download of the whole filtered table ``kind`` (see ``queries.export_sql``), evidence
    columns first. The CSV is streamed from DuckDB only when the button is clicked."""
    sql, params = queries.export_sql(kind, ctx.scope, **extra)
    label = "Download CSV" + (f" ({markup.count(rows, 'row')})" if rows is not None else "")
    st.download_button(label, partial(_csv, ctx.path, ctx.stamp, ctx.filters, sql, params),
                       file_name=file_name, mime="text/csv", key=key, on_click="ignore",
                       icon=":material/download:")


def search_download(ctx: Context, ranked: int) -> None:
    """A CSV download of every ranked match of the sidebar's search (made only when clicked)."""
    st.download_button(f"Download CSV ({markup.count(ranked, 'ranked row')})",
                       partial(_search_csv, ctx.path, ctx.stamp, ctx.filters),
                       file_name="search.csv", mime="text/csv", key="search_csv", on_click="ignore",
                       icon=":material/download:")


def _search_csv(path: str, stamp: float, filters: Filters) -> bytes:
    cur, db, scope = data.scoped(path, stamp, filters)
    return queries.search_csv(db, cur, queries.parse_query(filters.q), scope)


def _csv(path: str, stamp: float, filters: Filters, sql: str, params: dict) -> bytes:
    """The CSV bytes, on a cursor of its own (the click may come after this run's cursor is gone)."""
    cur, _, _ = data.scoped(path, stamp, filters)
    return queries.evidence_csv(cur, sql, params)


def pager(total: int, *, key: str, rows: int = PAGE_ROWS) -> int:
    """A page picker for a table of ``total`` rows; returns the offset of the chosen page."""
    pages = max(1, -(-total // rows))
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1,
                                   step=1, key=key))
    return (page - 1) * rows


def _add_selection_to_filter(chart_key: str, param: str) -> None:
    """Callback: add the values picked on a chart to the filter ``param``."""
    picked = state.plotly_selection_values(st.session_state.get(chart_key))
    values = st.session_state.get(param) or []
    for value in picked:
        values = state.with_value(values, str(value))
    st.session_state[param] = values


def add_from_chart(chart_key: str, param: str):
    """An ``on_select`` callback that adds the chart's picked ``customdata[0]`` to a filter."""
    return partial(_add_selection_to_filter, chart_key, param)


def hover_text(text: object, *, width: int = 90, limit: int = 400) -> str:
    """Sentence text for a plotly hover label: escaped, shortened, wrapped with <br>."""
    plain = "" if not isinstance(text, str) else text
    if len(plain) > limit:
        plain = plain[:limit].rsplit(" ", 1)[0] + " …"
    lines, line = [], ""
    for word in plain.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(markup.esc(x) for x in lines if x)
