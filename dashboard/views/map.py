"""Map: places and countries sized by mentions; click one to filter by it."""
import pydeck as pdk
import streamlit as st

from dashboard import data, queries, state, ui

ctx = ui.context()
filters = ctx.filters


def place_clicked() -> None:
    """Callback: add the clicked place to the sidebar's place filter."""
    name = state.map_selection_place(st.session_state.get("map"))
    if name:
        st.session_state["place"] = state.with_value(st.session_state.get("place"), name)


st.title("Map")
color_by = st.radio("Colour by", ["country", "actor"], horizontal=True, key="color_by",
                    bind="query-params",
                    help="Actor: the person or organisation named most often with the place.")
points = data.places(ctx.path, ctx.stamp, filters.key())
# The view frames the whole corpus so it stays put while filters change.
view_state = queries.map_view(data.places(ctx.path, ctx.stamp, queries.Filters().key()))
layers = []
outlines = data.country_outlines()
if outlines:
    # Drawn by the app itself, so there is geography even when the tile basemap cannot load.
    layers.append(pdk.Layer("GeoJsonLayer", id="countries", data=outlines, stroked=True,
                            filled=True, get_fill_color=[225, 228, 220, 90],
                            get_line_color=[130, 130, 130, 200], line_width_min_pixels=0.6,
                            pickable=False))
columns = ["entity_id", "name", "kind", "country", "lat", "lon", "mentions", "articles",
           "sentence", "color", "radius", "actor", "actor_color"]
layers.append(pdk.Layer("ScatterplotLayer", id="places", data=points[columns],
                        get_position=["lon", "lat"], get_radius="radius",
                        get_fill_color="actor_color" if color_by == "actor" else "color",
                        get_line_color=[255, 255, 255, 230], stroked=True,
                        # Quoted: pydeck reads a bare string as an expression, not a value.
                        line_width_min_pixels=1, radius_units="'pixels'",
                        pickable=True, auto_highlight=True))
deck = pdk.Deck(
    layers=layers, map_provider="carto", map_style="light",
    initial_view_state=pdk.ViewState(**view_state),
    tooltip={"html": "<b>{name}</b> ({kind})<br/>{country} · {mentions} mentions in "
                     "{articles} articles<br/>Most named with it: {actor}<br/><i>{sentence}</i>",
             "style": {"maxWidth": "360px", "whiteSpace": "normal"}})
st.pydeck_chart(deck, key="map", on_select=place_clicked, selection_mode="single-object",
                height=560)
shown = (f"The {len(points):,} most mentioned places and countries" if len(points) >= queries.MAP_POINTS
         else f"{len(points)} places and countries")
st.caption(f"{shown}. Circle area is in proportion to mentions; colour "
           f"shows the {color_by}. Hover for a sentence, click to filter by the place.")

if len(points):
    offset = ui.pager(len(points), key="places_page")
    page = points.iloc[offset:offset + ui.PAGE_ROWS]
    table = page.assign(reader=ui.reader_links(page, filters))
    st.caption(queries.page_label(offset, len(page), len(points)))
    st.dataframe(table[["name", "kind", "country", "actor", "mentions", "articles", "lat", "lon",
                        "sentence", "reader"]],
                 hide_index=True, key="places_table",
                 column_config={"reader": st.column_config.LinkColumn("reader", display_text="open")})
    ui.download(ctx, "place_mentions", "place_mentions.csv", key="places_csv")

unmapped = data.unmapped(ctx.path, ctx.stamp, filters.key())
if len(unmapped):
    with st.expander(f"Places the map cannot draw ({len(unmapped):,}{'+' if len(unmapped) >= queries.MAP_POINTS else ''})"):
        st.caption("Named in the text as places, but the gazetteer has no point for them "
                   "(a village, a building, a region it lacks); kept with their country when known.")
        st.dataframe(unmapped.assign(reader=ui.reader_links(unmapped, filters))[
                         ["name", "country", "mentions", "articles", "sentence", "reader"]],
                     hide_index=True, key="unmapped_table",
                     column_config={"reader": st.column_config.LinkColumn("reader", display_text="open")})
