"""Figures: every number the text states, with what it counts and its sentence."""
import pandas as pd
import plotly.express as px
import streamlit as st

from dashboard import markup, queries, state, ui
from dashboard.queries import Filters


def figures_chart(table: pd.DataFrame, filters: Filters) -> None:
    """One dot per figure by kind; a clicked dot shows its sentence."""
    table = table.assign(key=table["article_id"] + ":" + table["start"].astype(str),
                         hover=table["sentence"].map(ui.hover_text),
                         shown=table["display"].map(markup.esc))
    fig = px.strip(table, x="kind", y="value", color="kind", log_y=True, height=360,
                   custom_data=["key", "shown", "hover"])
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<extra></extra>")
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), showlegend=False,
                      xaxis_title="kind of figure", yaxis_title="value (log scale)")
    st.caption("One dot per figure, by kind (money, percent, count or unit). "
               "Hover for its sentence; click a dot to show it below.")
    event = st.plotly_chart(fig, key="figures_chart", on_select="rerun", selection_mode="points")
    for key in state.plotly_selection_values(event)[:5]:
        row = table[table["key"] == key].iloc[0]
        ui.evidence(row.sentence, row.article_id, row.sentence_id, filters,
                    meta=ui.meta_line(row.title, row.published),
                    spans=[(row.start - row.sentence_start, row.end - row.sentence_start)])


def figures_list(table: pd.DataFrame, filters: Filters) -> None:
    """The sortable table of every figure, and its CSV."""
    table = table.assign(actors=table["actor_names"].map(", ".join),
                         places=table["place_names"].map(", ".join),
                         reader=ui.reader_links(table, filters))
    st.dataframe(
        table[["display", "value", "unit", "of", "approximate", "actors", "places", "sentence",
               "title", "published", "reader"]].sort_values("value", ascending=False),
        hide_index=True, key="figures_table",
        column_config={
            "display": "figure", "value": st.column_config.NumberColumn("value", format="localized"),
            "reader": st.column_config.LinkColumn("reader", display_text="open")})
    ui.download(table, ui.EVIDENCE + ["value", "unit", "of", "approximate", "actor_names",
                                      "place_names", "sentence"], "figures.csv", key="figures_csv")


ctx = ui.context()
st.title("Figures")
figures = queries.figures_table(ctx.view)
if len(figures):
    figures_chart(figures, ctx.filters)
    figures_list(figures, ctx.filters)
else:
    st.info("No figures in this view.")
