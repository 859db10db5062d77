"""Text: ranked full-text search over sentences, and a reader that marks every mention."""
import pandas as pd
import streamlit as st

from dashboard import markup, queries, ui

ctx = ui.context()
cur, scope, filters = ctx.cur, ctx.scope, ctx.filters

# A constant script (only the sentence number, an int, is filled in): scroll to that sentence.
SCROLL_SCRIPT = """<script>(function () {
  let tries = 0;
  const timer = setInterval(function () {
    const el = document.getElementById("s-%d");
    if (el) { el.scrollIntoView({block: "center"}); clearInterval(timer); }
    if (++tries > 50) clearInterval(timer);
  }, 100);
})();</script>"""


def search_results(query: queries.Query) -> None:
    """Sentences matching the sidebar's search, ranked, highlighted, and as keyword-in-context,
    one page at a time."""
    if st.session_state.get("search_filters") != filters.key():  # new results start at page 1
        st.session_state["search_filters"] = filters.key()
        st.session_state.pop("search_page", None)
    offset = (st.session_state.get("search_page", 1) - 1) * queries.SEARCH_PAGE
    # Ranked by the index (bm25) within the other filters; highlights are the index's own.
    total, results = queries.search(ctx.db, cur, query, scope, offset=offset)
    st.subheader(f"{markup.count(total, 'sentence')} {'matches' if total == 1 else 'match'} "
                 f"{' '.join(query.parts)}")
    if not total:
        st.info("No sentence contains all of these words and phrases (within the other filters).")
        return
    ranked_among = results.attrs["ranked_among"]
    if ranked_among < total:
        st.caption(f"Ranked among the latest {ranked_among:,} matches: narrow the search or the "
                   "filters to rank all of them.")
    ui.pager(ranked_among, key="search_page", rows=queries.SEARCH_PAGE)
    st.caption(f"{queries.page_label(offset, len(results), ranked_among)} ranked, best first")
    marked = [markup.marked_spans(m) for m in results["marked"]]
    ranked, in_context = st.tabs(["Ranked sentences", "Keyword in context"])
    with ranked:
        for row, (text, spans) in zip(results.itertuples(), marked):
            ui.evidence(text, row.article_id, row.sentence_id, filters, spans=spans,
                        meta=ui.meta_line(row.title, row.published, row.source))
    with in_context:
        lines = [line for text, spans in marked for line in markup.kwic(text, spans)]
        ui.html('<div data-testid="kwic" style="font-family:monospace;font-size:0.85em">'
                + "<br>".join(lines) + "</div>")
    ui.search_download(ctx, ranked_among)


def article_label(article_id: str) -> str:
    """The article as the picker shows it: title, date and source."""
    row = choices.get(article_id)
    if row is None:
        return article_id
    return ui.meta_line(row["title"], row["published"], row["source"])


def article_picked() -> None:
    """Callback: open the picked article (its id goes in the URL, the old sentence is dropped)."""
    st.query_params["article"] = st.session_state["reader_article"]
    if "sentence" in st.query_params:
        del st.query_params["sentence"]


def metadata_html(article: dict) -> str:
    """The article's metadata as an escaped HTML table (the URL linked only if http(s))."""
    published = article["published"]
    rows = [("Title", article["title"]),
            ("Published", None if pd.isna(published) else f"{published:%Y-%m-%d %H:%M} UTC"),
            ("Source", article["source"]), ("Author", article["author"]),
            ("Origin", article["origin"]), ("Topics", ", ".join(article["topics"]))]
    body = "".join(f"<tr><th style='text-align:left;padding-right:12px'>{markup.esc(k)}</th>"
                   f"<td>{markup.esc(v)}</td></tr>" for k, v in rows if isinstance(v, str) and v)
    url = article["url"]
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        body += f"<tr><th style='text-align:left'>URL</th><td>{markup.link(url, url)}</td></tr>"
    return f'<table data-testid="article-meta" style="font-size:0.9em">{body}</table>'


def reader() -> None:
    """The article named by ?article= (else the newest in view), mentions coloured by kind."""
    st.subheader("Reader")
    # Any article in view is reachable: find it by title, page through the matches (newest first).
    title = st.text_input("Find an article by title", key="reader_title", on_change=title_changed,
                          placeholder="words in the title").strip()
    found = ctx.query("article_count", title=title)
    offset = ui.pager(found, key="reader_page", rows=queries.READER_CHOICES)
    choices.update((row["article_id"], row) for row in ctx.query(
        "article_choices", title=title, offset=offset, limit=queries.READER_CHOICES).to_dict("records"))
    picker = (queries.page_label(offset, len(choices), found) + " in this view"
              + (f" with “{title}” in the title" if title else "") + ", newest first")
    wanted = st.query_params.get("article")
    article = queries.article(cur, wanted) if wanted else None
    if not choices and article is None:
        st.info(f"No article in this view has “{title}” in its title." if title
                else "No article in this view." if filters.q or not filters.is_empty()
                else "The dataset has no articles.")
        return
    if article is None:
        wanted = next(iter(choices))
        article = queries.article(cur, wanted)
    elif wanted not in choices:
        choices[wanted] = article
    if st.session_state.get("reader_article") != wanted:
        st.session_state["reader_article"] = wanted
    st.selectbox(f"Article ({picker})", list(choices),
                 key="reader_article", format_func=article_label, on_change=article_picked)
    sentences = queries.article_sentences(cur, wanted)
    mentions = queries.article_mentions(cur, wanted)
    try:
        focus = int(st.query_params.get("sentence", ""))
    except ValueError:
        focus = None
    if focus not in set(sentences["sentence_id"]):
        focus = None
    ui.html(metadata_html(article))
    ui.html(markup.kind_legend())
    if focus is not None:
        st.caption(f"Sentence {focus} is highlighted.")
    ui.html(markup.annotate_article(article["text"], sentences, mentions, focus=focus))
    if focus is not None:
        st.html(SCROLL_SCRIPT % focus, unsafe_allow_javascript=True)
    ui.download(ctx, "article_mentions", f"{wanted}_mentions.csv", key="reader_csv",
                rows=len(mentions), article_id=wanted)


def title_changed() -> None:
    """Callback: a new title search starts at its first page."""
    st.session_state.pop("reader_page", None)


choices: dict[str, dict] = {}  # the picker's articles (this page of them), filled by reader()
st.title("Text")
search = queries.parse_query(filters.q)
if search.error:
    st.warning(search.error)
elif search.note:
    st.info(search.note)
if filters.q and not search.error:
    search_results(search)
elif not filters.q:
    st.caption('Search from the sidebar: words, or "a phrase" in quotes.')
reader()
