"""Overview: what is in the (filtered) corpus, key figures with their sentences, top lists."""
import math

import plotly.express as px
import streamlit as st

from dashboard import markup, state, ui

ctx = ui.context()
filters = ctx.filters
summary = ctx.query("corpus_summary")

st.title("Overview")
columns = st.columns(5)
for column, label in zip(columns, ["articles", "sentences", "mentions", "events", "figures"]):
    column.metric(label.capitalize(), f"{summary[label]:,}")
if summary["first"] is not None:
    span = f"{summary['first']:%Y-%m-%d}" + (
        "" if summary["first"] == summary["last"] else f" to {summary['last']:%Y-%m-%d}")
else:
    span = "no publication dates"
sources = ", ".join(f"{name} ({n})" for name, n in summary["sources"][:8])
ui.html(f'<div data-testid="corpus-span">Published {markup.esc(span)} · '
        f"Sources: {markup.esc(sources or 'none')}</div>")

st.subheader("Key figures")
figures = ctx.query("key_figures")
if not len(figures):
    st.info("No figures in this view.")
for start in range(0, len(figures), 3):
    for column, row in zip(st.columns(3), figures.iloc[start:start + 3].itertuples()):
        label = " · ".join(dict.fromkeys(row.actor_names + row.place_names)) or row.kind
        with column:
            ui.html(markup.figure_card(
                row.display, label, row.sentence,
                href=state.text_link(row.article_id, row.sentence_id, filters, ui.current_dataset()),
                meta=ui.meta_line(row.title, row.published),
                spans=[(row.start - row.sentence_start, row.end - row.sentence_start)]))


def facet_chart(facet: str, title: str) -> None:
    """A bar chart of the top values of one facet; clicking a bar adds it to the filter."""
    table = ctx.query("top_values", facet)
    st.markdown(f"**{title}**")
    if not len(table):
        st.caption("None in this view.")
        return
    table = table.assign(label=table["name"].map(markup.esc), hover=table["sentence"].map(ui.hover_text))
    fig = px.bar(table.iloc[::-1], x="sentences", y="label", orientation="h",
                 custom_data=["name", "label", "hover"], height=max(150, 60 + 28 * len(table)))
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b> · %{x} sentences<br>%{customdata[2]}"
                                    "<extra></extra>")
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0), yaxis_title=None, xaxis_title="sentences")
    fig.update_xaxes(dtick=max(1, math.ceil(table["sentences"].max() / 4)))  # whole counts only
    st.plotly_chart(fig, key=f"top_{facet}", on_select=ui.add_from_chart(f"top_{facet}", facet),
                    selection_mode="points", config={"displayModeBar": False})


st.subheader("Top actors, places and topics")
st.caption("Hover for a sentence; click a bar to filter by it.")
for column, (facet, title) in zip(st.columns(3), [("actor", "Actors"), ("place", "Places"),
                                                   ("topic", "Topics")]):
    with column:
        facet_chart(facet, title)

st.subheader("Mentions over time")
over_time = ctx.query("mentions_over_time")
if len(over_time):
    fig = px.bar(over_time, x="period", y="mentions", height=280,
                 labels={"period": f"publication {over_time.attrs.get('freq', 'date')}"})
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0))
    st.plotly_chart(fig, key="over_time", config={"displayModeBar": False})
else:
    st.info("All of these articles share one publication date (or have none), "
            "so there is no trend over time to show.")
