"""Turn news articles into evidence-backed tables (articles, sentences, mentions, events, figures).

Never imports Streamlit: the dashboard only reads what this package writes.
"""
