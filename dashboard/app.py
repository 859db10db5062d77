"""Entry point (``streamlit run dashboard/app.py``): page config, shared filters, the pages."""
from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run` puts only dashboard/ on sys.path; the pages import the `dashboard` package.
ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from dashboard import ui  # noqa: E402

# The page scripts live in views/, not pages/: with a pages/ folder next to this file, a fresh
# server whose first request is a deep link (/map) runs that page in the legacy
# pages-directory mode, without this router, its sidebar or its filters.
PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:",
            url_path="overview", default=True),
    st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("views/map.py", title="Map", icon=":material/public:", url_path="map"),
    st.Page("views/figures.py", title="Figures", icon=":material/numbers:", url_path="figures"),
    st.Page("views/actors.py", title="Actors", icon=":material/groups:", url_path="actors"),
    st.Page("views/text.py", title="Text", icon=":material/article:", url_path="text"),
    st.Page("views/add.py", title="Add articles", icon=":material/upload_file:", url_path="add"),
    st.Page("views/about.py", title="About", icon=":material/info:", url_path="about"),
]

st.set_page_config(page_title="News analytics", page_icon=":material/newspaper:", layout="wide")
ui.require_dataset()
page = st.navigation(PAGES)
ui.sidebar_filters()
page.run()
ui.share_box(page.url_path)
