"""Figures: every number the text states, with what it counts and its sentence."""
import plotly.express as px
import streamlit as st

from dashboard import markup, queries, state, ui

MAX_POINTS = 2000


def figures_chart(ctx: ui.Context) -> None:
    """One dot per figure by kind (the largest of each kind when there are many); a clicked
    dot shows its sentence."""
    table, cut = ctx.query("figures_chart", max_points=MAX_POINTS)
    table = table.assign(key=table["article_id"] + ":" + table["start"].astype(str),
                         hover=table["sentence"].map(ui.hover_text),
                         shown=table["display"].map(markup.esc))
    fig = px.strip(table, x="kind", y="value", color="kind", log_y=True, height=360,
                   custom_data=["key", "shown", "hover"])
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<extra></extra>")
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), showlegend=False,
                      xaxis_title="kind of figure", yaxis_title="value (log scale)")
    which = (f"The largest figures of each kind ({len(table):,} dots, at most {MAX_POINTS:,}). "
             if cut else "One dot per figure, ")
    st.caption(which + "by kind (money, percent, count or unit). "
               "Hover for its sentence; click a dot to show it below.")
    event = st.plotly_chart(fig, key="figures_chart", on_select="rerun", selection_mode="points")
    for key in state.plotly_selection_values(event)[:5]:
        row = table[table["key"] == key].iloc[0]
        ui.evidence(row.sentence, row.article_id, row.sentence_id, ctx.filters,
                    meta=ui.meta_line(row.title, row.published),
                    spans=[(row.start - row.sentence_start, row.end - row.sentence_start)])


def figures_list(ctx: ui.Context, total: int) -> None:
    """One page of the figures, largest first, and the CSV of all of them."""
    offset = ui.pager(total, key="figures_page")
    table = ctx.query("figures_page", offset=offset, limit=ui.PAGE_ROWS)
    table = table.assign(actors=table["actor_names"].map(", ".join),
                         places=table["place_names"].map(", ".join),
                         reader=ui.reader_links(table, ctx.filters))
    st.caption(queries.page_label(offset, len(table), total) + ", largest first")
    st.dataframe(
        table[["display", "value", "unit", "of", "approximate", "actors", "places", "sentence",
               "title", "published", "reader"]],
        hide_index=True, key="figures_table",
        column_config={
            "display": "figure", "value": st.column_config.NumberColumn("value", format="localized"),
            "reader": st.column_config.LinkColumn("reader", display_text="open")})
    ui.download(ctx, "figures", "figures.csv", key="figures_csv", rows=total)


ctx = ui.context()
st.title("Figures")
total = ctx.query("figures_count")
if total:
    figures_chart(ctx)
    figures_list(ctx, total)
else:
    st.info("No figures in this view.")
