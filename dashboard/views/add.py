"""Add articles: upload files, follow their build, open (and share) the dataset they make."""
from __future__ import annotations

import streamlit as st

from dashboard import ui, uploads

limits = uploads.Limits.from_env()
root = uploads.default_root()
uploads.cleanup(root, limits)

st.title("Add articles")
st.markdown(
    f"Upload up to {limits.max_files} files ({uploads.size_text(limits.max_bytes)} in all): "
    "`.txt`, `.md`, `.html`, `.json`, `.jsonl`, `.csv`, or `.zip` archives of them. They are "
    "built into a **new dataset of their own**; the dataset you were looking at does not change. "
    "The new dataset opens with a link that only you have; share it to show it to others. "
    f"Uploads are removed after {limits.keep_hours:g} hours.")

upload_id = st.query_params.get("upload")
if not uploads.is_upload_id(upload_id):
    with st.form("add_articles", clear_on_submit=True):
        files = st.file_uploader("Articles", accept_multiple_files=True,
                                 type=[s.lstrip(".") for s in uploads.SUFFIXES])
        submitted = st.form_submit_button("Build a dataset", icon=":material/upload:")
    if submitted:
        try:
            upload = uploads.save_upload(root, [(f.name, f.getvalue()) for f in files or []],
                                         limits)
        except uploads.UploadRefused as exc:
            st.error(f"Upload refused: {exc}.")
        else:
            uploads.start_build(root, upload.upload_id)
            st.query_params["upload"] = upload.upload_id
            st.rerun()
else:
    @st.fragment(run_every=1.0)
    def build_progress() -> None:
        """Polls the build's status file; the build itself runs in its own process."""
        status = uploads.read_status(root, upload_id)
        if status is None:
            st.warning("This upload is unknown or has expired.")
            return
        state = status["state"]
        if state in ("queued", "building"):
            label = ("Waiting for another build to finish…" if state == "queued" else
                     f"Building: {status.get('processed', 0)} articles processed…")
            st.progress(0.5 if state == "building" else 0.05, text=label)
        elif state == "failed":
            st.error(status.get("message") or "The build failed.")
        else:
            counts = status.get("counts", {})
            st.success(f"Built {counts.get('articles', 0)} articles: "
                       f"{counts.get('mentions', 0)} mentions, {counts.get('events', 0)} events, "
                       f"{counts.get('figures', 0)} figures.")
            st.page_link("views/overview.py", label="Open the new dataset", icon=":material/open_in_new:",
                         query_params={"dataset": upload_id})
            st.caption("Keep or share this link: the dataset opens with it and with nothing else.")
        if status.get("refused"):
            st.markdown("**Files not used**")
            st.table([{"file": n, "reason": r} for n, r in status["refused"]])
        if status.get("errors"):
            st.markdown("**Problems in the files** (the rest was built)")
            st.table(status["errors"])

    build_progress()
    st.button("Upload more files", on_click=lambda: st.query_params.pop("upload", None))

ui.dataset_download()
