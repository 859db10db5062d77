"""The Streamlit dashboard: reads a dataset directory written by ``data_prep`` and never writes.

``queries`` (filters, search, aggregation), ``state`` (URL <-> filters) and ``markup``
(escaped HTML) are pure and tested without Streamlit; ``data`` caches, ``ui`` and ``views/`` draw.
"""
