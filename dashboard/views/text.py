"""Text: ranked full-text search over sentences, and a reader that marks every mention."""
from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import data, markup, queries, ui

ctx = ui.context()
view, filters = ctx.view, ctx.filters
articles = ctx.full.articles.set_index("article_id")

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
    """Sentences matching the sidebar's search, ranked, highlighted, and as keyword-in-context."""
    # Rank within the other filters; the query itself only decides what matches.
    space = data.filtered(ctx.path, ctx.stamp, replace(filters, q=""))
    results = queries.search(space.sentences, query)
    st.subheader(f"{len(results)} sentences match {' '.join(query.parts)}")
    if not len(results):
        st.info("No sentence contains all of these words and phrases (within the other filters).")
        return
    ranked, in_context = st.tabs(["Ranked sentences", "Keyword in context"])
    with ranked:
        for row in results.head(50).itertuples():
            ui.evidence(row.text, row.article_id, row.sentence_id, filters,
                        spans=markup.match_spans(row.text, query),
                        meta=ui.meta_line(row.title, row.published, row.source))
    with in_context:
        lines = [line for row in results.head(200).itertuples()
                 for line in markup.kwic(row.text, markup.match_spans(row.text, query))]
        ui.html('<div data-testid="kwic" style="font-family:monospace;font-size:0.85em">'
                + "<br>".join(lines) + "</div>")
    ui.download(results.assign(sentence=results["text"]),
                ["article_id", "sentence_id", "start", "end", "score", "title", "sentence"],
                "search.csv", key="search_csv")


def article_label(article_id: str) -> str:
    """The article as the picker shows it: title, date and source."""
    row = articles.loc[article_id]
    return ui.meta_line(row["title"], row["published"], row["source"])


def article_picked() -> None:
    """Callback: open the picked article (its id goes in the URL, the old sentence is dropped)."""
    st.query_params["article"] = st.session_state["reader_article"]
    if "sentence" in st.query_params:
        del st.query_params["sentence"]


def metadata_html(article: pd.Series) -> str:
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
    if not len(articles):
        st.info("The dataset has no articles.")
        return
    # Articles in the current view first (newest first), then the rest of the corpus.
    order = list(view.articles.sort_values("published", ascending=False)["article_id"])
    in_view = set(order)
    order += [a for a in articles.index if a not in in_view]
    wanted = st.query_params.get("article")
    if wanted not in articles.index:
        wanted = order[0]
    if st.session_state.get("reader_article") != wanted:
        st.session_state["reader_article"] = wanted
    st.selectbox("Article", order, key="reader_article", format_func=article_label,
                 on_change=article_picked)
    article = articles.loc[wanted]
    sentences = ctx.full.sentences[ctx.full.sentences["article_id"] == wanted]
    mentions = ctx.full.mentions[ctx.full.mentions["article_id"] == wanted]
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
    ui.download(mentions.merge(sentences[["sentence_id", "text"]].rename(columns={"text": "sentence"}),
                               on="sentence_id"),
                ui.EVIDENCE + ["kind", "entity_id", "name", "sentence"], f"{wanted}_mentions.csv",
                key="reader_csv")


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
