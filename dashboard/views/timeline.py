"""Timeline: events placed by the date the text gives them; publication dates come second.

Up to ``MAX_EVENTS`` events are drawn one by one; beyond that, counts per period and lane,
and a click on a period narrows the date range to it.
"""
import plotly.express as px
import streamlit as st

from dashboard import markup, queries, state, ui

MAX_EVENTS = 1500

ctx = ui.context()
cur, scope, filters = ctx.cur, ctx.scope, ctx.filters


def period_clicked() -> None:
    """Callback: a click on a period of the counts chart narrows the date range to it."""
    for picked in state.plotly_selection_values(st.session_state.get("timeline_counts")):
        start, _, end = str(picked).partition("/")
        st.session_state["from"] = state.parse_date(start)
        st.session_state["to"] = state.parse_date(end)
        return


def counts_chart(total: int) -> None:
    """Events per period and lane, when there are too many to draw one by one."""
    counts = ctx.query("timeline_counts", lanes=lanes)
    st.caption(f"{total:,} events: too many to draw one by one, so these are counts per "
               f"{counts.attrs['freq']} and lane. Click a bar (or set From/To in the sidebar) to "
               f"narrow the view; at {MAX_EVENTS:,} events or fewer each event is drawn with its sentence.")
    last_day = (counts["period_end"] - queries.pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d")
    counts = counts.assign(label=counts["lane"].map(markup.esc),
                           span=counts["period"].dt.strftime("%Y-%m-%d") + "/" + last_day)
    fig = px.bar(counts, x="period", y="events", color="label", custom_data=["span", "label"],
                 height=420, labels={"period": counts.attrs["freq"], "label": lanes})
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[0]}: %{y} events"
                                    "<extra></extra>")
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), bargap=0.05)
    st.plotly_chart(fig, key="timeline_counts", on_select=period_clicked, selection_mode="points")


def events_chart() -> None:
    """One bar per event and lane; a picked event is shown in context."""
    rows = ctx.query("timeline_rows", lanes=lanes, limit=MAX_EVENTS)
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
        context = queries.sentence_context(cur, row.article_id, int(row.sentence_id), scope=scope)
        for item in context.itertuples():
            spans = [(row.start - item.start, row.end - item.start)] if item.focus else []
            ui.evidence(item.text, item.article_id, item.sentence_id, filters, spans=spans,
                        meta=ui.meta_line(item.title, item.published) if item.focus else None)


def events_table(total: int) -> None:
    """One page of the events in date order, and the CSV of all of them."""
    offset = ui.pager(total, key="events_page")
    table = ctx.query("timeline_events", offset=offset, limit=ui.PAGE_ROWS)
    table = table.assign(actors=table["actor_names"].map(", ".join),
                         places=table["place_names"].map(", ".join),
                         reader=ui.reader_links(table, filters))
    st.caption(queries.page_label(offset, len(table), total) + ", by date")
    columns = ["date", "date_end", "precision", "surface", "actors", "places", "sentence", "title", "reader"]
    st.dataframe(table[columns], hide_index=True, key="events_table",
                 column_config={"reader": st.column_config.LinkColumn("reader", display_text="open"),
                                "date": st.column_config.DateColumn("date"),
                                "date_end": st.column_config.DateColumn("until")})
    ui.download(ctx, "events", "events.csv", key="events_csv", rows=total)


st.title("Timeline")
lanes = st.radio("Lanes by", ["actor", "topic"], horizontal=True, key="lanes", bind="query-params")
summary = ctx.query("timeline_summary")
if not summary["events"]:
    st.info("No dated events in this view.")
else:
    if summary["events"] > MAX_EVENTS:
        counts_chart(summary["events"])
    else:
        events_chart()
    events_table(summary["events"])

with st.expander("Publication dates (when it was reported)"):
    published = ctx.query("publication_counts")
    if len(published) < 2:
        st.caption("One publication date or none: nothing to plot.")
    if len(published):
        fig = px.bar(published, x="published", y="articles", height=240,
                     labels={"published": f"publication {published.attrs.get('freq', 'day')}"})
        fig.update_layout(margin=dict(l=0, r=0, t=0, b=0))
        st.plotly_chart(fig, key="published_chart")
