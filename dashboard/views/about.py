"""About: what the dataset on screen was built from, and the measured accuracy of each table."""
from __future__ import annotations

import streamlit as st

from dashboard import provenance as prov
from dashboard import markup, ui

manifest = prov.load_json(ui.dataset_dir() / "manifest.json")
report = prov.load_json(prov.ACCURACY_FILE)

st.title("About this dataset")
st.markdown("Every row of every chart comes from a sentence of an article, found by a language "
            "model and a gazetteer: it can be wrong. Below are what this dataset was built from "
            "and how often the extraction was right on articles labelled by hand.")

st.subheader("How far to trust each chart")
accuracy = prov.accuracy_table(report)
if accuracy.empty:
    st.info("No accuracy measurement ships with this copy of the dashboard (`make eval` writes one).")
else:
    held_out = report.get("held_out") or {}
    shown = accuracy.assign(precision=accuracy["precision"].map(prov.format_score),
                            **{"unseen precision": accuracy["unseen precision"].map(prov.format_score)})
    if not held_out:
        shown = shown.drop(columns=["unseen precision", "unseen recall"])
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "precision": st.column_config.TextColumn(help="share of extracted items that are right"),
        "recall": st.column_config.NumberColumn(format="%.2f", help="share of labelled items found"),
        "labels": st.column_config.NumberColumn("labelled items"),
        "unseen precision": st.column_config.TextColumn(
            help="precision on the held-out articles, never read while the extraction was written"),
        "unseen recall": st.column_config.NumberColumn(
            format="%.2f", help="recall on the held-out articles, never read while the extraction was written")})
    st.caption(f"Measured {str(report.get('evaluated_at', ''))[:10]} on "
               f"{report.get('articles_scored', '?')} hand-labelled articles of news by the Guardian, "
               f"the New York Times, other outlets and the BBC (pipeline {report.get('pipeline', '?')}; "
               f"this dataset: {manifest.get('pipeline', '?')}). Precision: how many of the rows "
               "shown are right; recall: how many of the facts in the text were found. "
               "Method: `bench/evaluate.py`, labels: `bench/labels/`.")
    if held_out:
        st.caption(f"Unseen: the {held_out.get('articles_scored', '?')} held-out articles alone, "
                   "labelled blind and never read while the extraction was written. The other "
                   "articles were, so expect the unseen figures on your own articles.")

st.subheader("What was built")
for label, value in prov.build_facts(manifest):
    st.markdown(f"**{label}:** {value}")
left, right = st.columns(2)
with left:
    st.dataframe(prov.counts_table(manifest), hide_index=True, width="stretch")
with right:
    st.dataframe(prov.inputs_table(manifest), hide_index=True, width="stretch")
errors = prov.errors_table(manifest)
if errors.empty:
    st.caption("Every input was read without an error.")
else:
    st.warning(f"{markup.count(len(errors), 'input problem')}: these files or lines were left out, the rest was built.")
    st.dataframe(errors, hide_index=True, width="stretch")
