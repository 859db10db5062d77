"""The view's state in the URL: filters <-> query parameters, links, and chart selections.

Parameters: ``actor``, ``topic``, ``place``, ``source`` (repeatable, display names),
``from`` and ``to`` (ISO dates), ``q`` (the search), plus ``article`` and ``sentence`` on
the Text page and ``dataset`` (an uploaded dataset's id) on every page. Only non-default values appear. The sidebar widgets use these names as
their keys with ``bind="query-params"``, so Streamlit keeps the URL and the widgets in step;
this module builds the same strings for links and reads them back, without Streamlit.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from dashboard.queries import Filters

__all__ = ["FACETS", "PARAMS", "parse_date", "filters_from_params", "filters_to_params", "query_string",
           "text_link", "share_url", "widget_values", "with_value", "filters_with",
           "map_selection_place", "plotly_selection_values"]

# URL parameter (= widget key) -> Filters field, for the repeatable facets.
FACETS = {"actor": "actors", "topic": "topics", "place": "places", "source": "sources"}
PARAMS = (*FACETS, "from", "to", "q")


def _values(raw: Any) -> tuple[str, ...]:
    """A parameter's values as a tuple of non-empty, de-duplicated strings."""
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else list(raw)
    return tuple(dict.fromkeys(str(v) for v in items if str(v).strip()))


def parse_date(raw: Any) -> date | None:
    """An ISO date from a parameter or widget value; anything else is None."""
    if isinstance(raw, date):
        return raw
    values = _values(raw)
    try:
        return date.fromisoformat(values[-1][:10]) if values else None
    except ValueError:
        return None


def filters_from_params(params: Mapping[str, Any]) -> Filters:
    """Filters from query parameters or widget values (same keys); bad dates are ignored."""
    facets = {field: _values(params.get(param)) for param, field in FACETS.items()}
    q = _values(params.get("q"))
    return Filters(**facets, date_from=parse_date(params.get("from")),
                   date_to=parse_date(params.get("to")), q=q[-1].strip() if q else "")


def filters_to_params(filters: Filters) -> dict[str, list[str] | str]:
    """The non-default filters as query parameters (lists for the repeatable facets)."""
    out: dict[str, list[str] | str] = {}
    for param, field in FACETS.items():
        if getattr(filters, field):
            out[param] = list(getattr(filters, field))
    if filters.date_from:
        out["from"] = filters.date_from.isoformat()
    if filters.date_to:
        out["to"] = filters.date_to.isoformat()
    if filters.q:
        out["q"] = filters.q
    return out


def query_string(filters: Filters | None = None, extra: Mapping[str, Any] | None = None) -> str:
    """``a=1&b=2`` for ``extra`` (None values dropped) followed by the filters."""
    params: dict[str, Any] = {k: v for k, v in (extra or {}).items() if v is not None}
    params.update(filters_to_params(filters or Filters()))
    return urlencode(params, doseq=True)


def text_link(article_id: str, sentence_id: int | None = None, filters: Filters | None = None,
              dataset: str | None = None) -> str:
    """A relative link to the Text page's reader at one sentence, keeping the filters and the
    uploaded dataset (``dataset``: its id) on screen."""
    sentence = int(sentence_id) if sentence_id is not None else None
    return "text?" + query_string(filters, {"dataset": dataset, "article": article_id,
                                            "sentence": sentence})


def share_url(page_url: str | None, filters: Filters, extra: Mapping[str, Any] | None = None) -> str:
    """The URL that reopens this view: the page's address, ``extra`` and the non-default filters."""
    query = query_string(filters, extra)
    base = (page_url or "").split("?", 1)[0]
    return f"{base}?{query}" if query else (base or "?")


def widget_values(filters: Filters) -> dict[str, Any]:
    """The sidebar widgets' values (by key) that show ``filters``."""
    values: dict[str, Any] = {p: list(getattr(filters, f)) for p, f in FACETS.items()}
    values.update({"from": filters.date_from, "to": filters.date_to, "q": filters.q})
    return values


def with_value(values: Sequence[str] | None, value: str | None) -> list[str]:
    """``values`` with ``value`` added at the end (once); unchanged for None."""
    out = list(values or [])
    if value and value not in out:
        out.append(value)
    return out


def map_selection_place(event: Mapping | None, layer_id: str = "places") -> str | None:
    """The name of the place picked on the map's ``layer_id`` layer, if any.

    ``event`` is what ``st.pydeck_chart(on_select=...)`` stores: {"selection": {"objects":
    {layer_id: [row dicts]}}}.
    """
    try:
        objects = event["selection"]["objects"].get(layer_id) or []
    except (KeyError, TypeError, AttributeError):
        return None
    for obj in objects:
        name = obj.get("name") if isinstance(obj, Mapping) else None
        if isinstance(name, str) and name:
            return name
    return None


def plotly_selection_values(event: Mapping | None, index: int = 0) -> list[Any]:
    """``customdata[index]`` of each selected point of a ``st.plotly_chart(on_select=...)`` event.

    Point indices count within a trace, so charts put an id in ``custom_data`` instead.
    """
    try:
        points = event["selection"]["points"] or []
    except (KeyError, TypeError):
        return []
    out = []
    for point in points:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, (list, tuple)) and len(data) > index:
            out.append(data[index])
        elif data is not None and not isinstance(data, (list, tuple)) and index == 0:
            out.append(data)
    return list(dict.fromkeys(out))


def filters_with(filters: Filters, param: str, value: str) -> Filters:
    """``filters`` with ``value`` added to the facet named by URL parameter ``param``."""
    field = FACETS[param]
    return replace(filters, **{field: tuple(with_value(getattr(filters, field), value))})

