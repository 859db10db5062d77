"""The dashboard's I/O boundary: the sentence set of a view is found once per sentence filters."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import data, queries
from dashboard.queries import Filters


def test_views_reuse_the_sentence_set_of_their_sentence_filters(dashboard_dataset, monkeypatch):
    found = []
    real = queries.scope_sids
    monkeypatch.setattr(queries, "scope_sids", lambda cur, scope: found.append(scope.filters) or real(cur, scope))
    st.cache_data.clear()
    path, stamp = str(dashboard_dataset), data.dataset_stamp(dashboard_dataset)
    narrower = Filters(actors=("Joe Biden",), sources=("Example Wire",), date_from=date(2024, 1, 1))
    scopes = [data.scoped(path, stamp, f)[2] for f in (Filters(actors=("Joe Biden",)), narrower)]
    assert all(s.sids for s in scopes) and len(found) == 1  # another source or date range: same set
    assert not data.scoped(path, stamp, Filters(sources=("Example Wire",)))[2].sids
    cur, db, scope = data.scoped(path, stamp, narrower)
    straight = queries.register_hits(cur, db, narrower, materialize=False)
    assert queries.corpus_summary(cur, scope) == queries.corpus_summary(cur, straight)
    assert queries.corpus_summary(cur, scope)["articles"] == 1
    st.cache_data.clear()
