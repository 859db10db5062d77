"""Timeline: events placed by the date the text gives them; publication dates come second."""
import plotly.express as px
import streamlit as st

from dashboard import markup, queries, state, ui

ctx = ui.context()
view, filters = ctx.view, ctx.filters

st.title("Timeline")
lanes = st.radio("Lanes by", ["actor", "topic"], horizontal=True, key="lanes", bind="query-params")
rows = queries.timeline_rows(view, lanes=lanes)
if not len(rows):
    st.info("No dated events in this view.")
else:
    st.caption("Each bar spans the period the text names (a month spans its month). "
               "Hover for the sentence; click a bar to read it in context. The first view "
               "frames most events: zoom out (double-click) for the rest.")
    rows = rows.assign(label=rows["lane"].map(markup.esc), hover=rows["sentence"].map(ui.hover_text),
                       when=rows["surface"].map(markup.esc))
    fig = px.timeline(rows, x_start="date", x_end="finish", y="label", color="precision",
                      custom_data=["event", "when", "hover"],
                      category_orders={"precision": list(queries.PRECISIONS)},
                      height=120 + 34 * rows["label"].nunique())
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<extra></extra>")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(range=list(queries.timeline_window(rows)))
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend_title_text="precision")
    event = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points")
    picked = state.plotly_selection_values(event)
    events = rows.drop_duplicates("event").set_index("event")
    labels = dict(zip(events.index, events["date"].dt.strftime("%Y-%m-%d") + " · "
                      + events["surface"] + " · " + events["title"].fillna("(untitled)")))
    chosen = picked[0] if picked and picked[0] in events.index else st.selectbox(
        "Or choose an event", list(events.index), index=None, format_func=labels.get,
        key="timeline_event", placeholder="an event…")
    if chosen:
        row = events.loc[chosen]
        st.markdown("**The event in context**")
        context = queries.sentence_context(ctx.full, row.article_id, int(row.sentence_id))
        for item in context.itertuples():
            spans = [(row.start - item.start, row.end - item.start)] if item.focus else []
            ui.evidence(item.text, item.article_id, item.sentence_id, filters, spans=spans,
                        meta=ui.meta_line(item.title, item.published) if item.focus else None)
    table = events.reset_index()
    table["reader"] = ui.reader_links(table, filters)
    columns = ["date", "date_end", "precision", "surface", "lane", "sentence", "title", "reader"]
    st.dataframe(table[columns], hide_index=True, key="events_table",
                 column_config={"reader": st.column_config.LinkColumn("reader", display_text="open"),
                                "date": st.column_config.DateColumn("date"),
                                "date_end": st.column_config.DateColumn("until")})
    ui.download(table, ui.EVIDENCE + ["date", "date_end", "precision", "relative", "actors",
                                      "places", "sentence"], "events.csv", key="events_csv")

with st.expander("Publication dates (when it was reported)"):
    published = queries.publication_counts(view)
    if len(published) < 2:
        st.caption("One publication date or none: nothing to plot.")
    if len(published):
        fig = px.bar(published, x="published", y="articles", height=240)
        fig.update_layout(margin=dict(l=0, r=0, t=0, b=0))
        st.plotly_chart(fig, key="published_chart")
