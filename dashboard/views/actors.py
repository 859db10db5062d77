"""Actors: ranking, who appears with whom (each link backed by sentences), one actor's profile."""
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data, markup, queries, state, ui

ctx = ui.context()
cur, scope, filters = ctx.cur, ctx.scope, ctx.filters


def network_clicked() -> None:
    """Callback: a click on an actor in the network opens that actor's profile."""
    for picked_id in state.plotly_selection_values(st.session_state.get("network")):
        kind, _, name = picked_id.partition("\t")
        if kind == "node":
            st.session_state["profile"] = name
            return


def ranking_table(ranking: pd.DataFrame, offset: int, total: int) -> None:
    """One page of actors by mentions, each with a sample sentence and its reader link."""
    st.subheader("Ranking")
    table = ranking.assign(reader=ui.reader_links(ranking, filters))
    st.caption(queries.page_label(offset, len(table), total) + " actors")
    st.dataframe(table[["name", "kind", "mentions", "sentences", "articles", "sentence", "reader"]],
                 hide_index=True, key="actors_table", height=420,
                 column_config={"reader": st.column_config.LinkColumn("reader", display_text="open")})
    ui.download(ctx, "actor_mentions", "actor_mentions.csv", key="actors_csv")


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame, *, max_edges: int = 60) -> go.Figure:
    """The strongest links as lines with a clickable diamond mid-way; actors as labelled dots."""
    fig = go.Figure()
    edges = edges.head(max_edges)  # sorted by weight: the rest would only be clutter
    pos = nodes.set_index("name")[["x", "y"]]
    if len(edges):
        a, b = pos.loc[edges["source"]].to_numpy(), pos.loc[edges["target"]].to_numpy()
        xs = [v for p, q in zip(a[:, 0], b[:, 0]) for v in (p, q, None)]
        ys = [v for p, q in zip(a[:, 1], b[:, 1]) for v in (p, q, None)]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                 line=dict(width=1, color="#bbb"), name="links"))
        mid = edges.assign(x=(a[:, 0] + b[:, 0]) / 2, y=(a[:, 1] + b[:, 1]) / 2,
                           id="edge\t" + edges["source"] + "\t" + edges["target"],
                           label=edges["source"].map(markup.esc) + " – " + edges["target"].map(markup.esc))
        fig.add_trace(go.Scatter(
            x=mid["x"], y=mid["y"], mode="markers", name="pairs",
            marker=dict(size=6 + 10 * (mid["weight"] / mid["weight"].max()).pow(0.5),
                        color="#888", symbol="diamond"),
            customdata=mid[["id", "label", "weight"]].to_numpy(),
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} shared sentences"
                          " (click to read them)<extra></extra>"))
    dots = nodes.assign(id="node\t" + nodes["name"], label=nodes["name"].map(markup.esc))
    fig.add_trace(go.Scatter(
        x=dots["x"], y=dots["y"], mode="markers+text", text=dots["label"], name="actors",
        textposition="top center", customdata=dots[["id", "label", "sentences"]].to_numpy(),
        marker=dict(size=10 + 30 * (dots["sentences"] / dots["sentences"].max()).pow(0.5),
                    color="#1f77b4", opacity=0.85),
        hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} sentences<extra></extra>"))
    # Room on both sides for the names written above the outermost dots.
    low, high = dots["x"].min(), dots["x"].max()
    pad = 0.2 * (high - low) or 1.0
    fig.update_layout(height=440, margin=dict(l=0, r=0, t=0, b=0), showlegend=False,
                      xaxis=dict(visible=False, range=[low - pad, high + pad]), yaxis=dict(visible=False))
    return fig


def network() -> None:
    """The co-occurrence network; a chosen link shows the sentences where both actors appear."""
    st.subheader("Who appears with whom")
    st.caption("The 25 most named actors, linked when named in the same sentence (the 60 "
               "strongest links drawn). Click a diamond for the sentences behind a link, or an "
               "actor for its profile.")
    nodes, edges = data.network(ctx.path, ctx.stamp, filters.key(), 25)
    event = st.plotly_chart(network_figure(nodes, edges), key="network", on_select=network_clicked,
                            selection_mode="points")
    picked = [p.split("\t") for p in state.plotly_selection_values(event)]
    chosen = next((p[1:] for p in picked if p[0] == "edge"), None)
    if chosen is None and len(edges):
        pairs = list(edges["source"] + "\t" + edges["target"])
        pick = st.selectbox("Sentences behind a link", pairs, index=None, key="edge_pick",
                            format_func=lambda p: " – ".join(p.split("\t")), placeholder="a pair…")
        chosen = pick.split("\t") if pick else None
    if chosen:
        total, shared = queries.edge_sentences(cur, scope, *chosen)
        st.markdown(f"**{markup.count(total, 'sentence')} with both**" + (" (the first 20)" if total > 20 else ""))
        for row in shared.head(20).itertuples():
            ui.evidence(row.text, row.article_id, row.sentence_id, filters,
                        meta=ui.meta_line(row.title, row.published))


def profile(ranking: pd.DataFrame) -> None:
    """One actor: counts, the places, topics and actors around it, its figures and sentences."""
    st.subheader("Profile")
    name = st.selectbox("Actor", ranking["name"].tolist(), key="profile", bind="query-params")
    found = ctx.query("actor_profile", name)
    for column, (label, value) in zip(st.columns(4), [
            ("Mentions", found["mentions"]), ("Sentences", found["sentence_count"]),
            ("Articles", found["articles"]), ("Figures", found["figure_count"])]):
        column.metric(label, f"{value:,}")
    for column, part in zip(st.columns(3), ["places", "topics", "actors"]):
        column.dataframe(found[part], hide_index=True, key=f"profile_{part}", height=220)
    if len(found["figures"]):
        st.dataframe(found["figures"][["display", "unit", "of", "sentence"]], hide_index=True,
                     key="profile_figures")
    st.markdown("**Sentences**")
    for item in found["sentences"].head(15).itertuples():
        ui.evidence(item.text, item.article_id, item.sentence_id, filters,
                    meta=ui.meta_line(item.title, item.published))


st.title("Actors")
total = ctx.query("entity_count")
if total:
    left, right = st.columns([2, 3])
    with left:
        offset = ui.pager(total, key="actors_page")
        actors = ctx.query("entity_ranking", offset=offset, limit=ui.PAGE_ROWS)
        ranking_table(actors, offset, total)
    with right:
        network()
    profile(actors)
else:
    st.info("No actors in this view.")
