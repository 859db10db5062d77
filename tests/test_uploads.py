"""Uploads are hostile until proven otherwise: limits, unsafe archives, zip bombs, ids, the
build in its own process, clean-up."""
from __future__ import annotations

import io
import json
import os
import time
import zipfile

import pytest

from dashboard import uploads
from dashboard.uploads import Limits, UploadRefused, save_upload

ARTICLE = json.dumps({"id": "u1", "text": "Floods hit Lisbon on Monday."}).encode() + b"\n"


def zip_of(entries: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def files_under(path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())


def test_files_are_saved_under_a_random_id_with_plain_names(tmp_path):
    upload = save_upload(tmp_path, [("../../etc/a.jsonl", ARTICLE), ("notes.pdf", b"%PDF")], Limits())
    assert uploads.is_upload_id(upload.upload_id)
    assert upload.accepted == ["a.jsonl"]
    assert upload.refused[0][0] == "notes.pdf"
    assert files_under(tmp_path) == [f"{upload.upload_id}/input/a.jsonl", f"{upload.upload_id}/status.json"]
    assert uploads.read_status(tmp_path, upload.upload_id)["state"] == "queued"


def test_ids_are_unguessable_and_nothing_else_reaches_a_path(tmp_path):
    ids = {save_upload(tmp_path, [("a.txt", b"Rain in Oslo.")], Limits()).upload_id for _ in range(20)}
    assert len(ids) == 20 and all(len(i) == 22 for i in ids)
    for hostile in ["..", "../x", "/etc", "a" * 21, "", None]:
        assert uploads.read_status(tmp_path, hostile) is None
        assert uploads.dataset_path(tmp_path, hostile) is None


@pytest.mark.parametrize("entry", ["../evil.txt", "a/../../evil.txt", "/tmp/evil.txt",
                                   "C:/evil.txt", "a\\..\\evil.txt"])
def test_a_zip_with_an_entry_outside_it_is_refused_and_writes_nothing(tmp_path, entry):
    root = tmp_path / "uploads"
    archive = zip_of({"good.txt": b"Rain in Oslo.", entry: b"pwned"})
    upload = save_upload(root, [("bad.zip", archive), ("ok.txt", b"Rain in Bergen.")], Limits())
    (name, reason), = upload.refused
    assert name == "bad.zip" and "refused" in reason and ("outside" in reason or "absolute" in reason)
    assert upload.accepted == ["ok.txt"]
    assert files_under(tmp_path) == sorted([f"uploads/{upload.upload_id}/input/ok.txt",
                                            f"uploads/{upload.upload_id}/status.json"])


def test_a_zip_bomb_is_refused_before_it_is_written(tmp_path):
    bomb = zip_of({f"part{i}.txt": b"0" * (30 * 2**20) for i in range(4)})  # 120 MB from ~120 KB
    assert len(bomb) < 1 * 2**20
    limits = Limits(max_expanded_bytes=50 * 2**20)
    with pytest.raises(UploadRefused, match="nothing to build.*expand to 120.0 MB"):
        save_upload(tmp_path, [("bomb.zip", bomb)], limits)
    assert list(tmp_path.iterdir()) == []


def test_a_zip_whose_header_lies_about_its_size_is_refused_and_cleaned_up(tmp_path, monkeypatch):
    archive = zip_of({"big.txt": b"word " * 100_000})
    real = zipfile.ZipFile.infolist

    def lying(self):
        infos = real(self)
        for info in infos:
            info.file_size = 10  # what a crafted header may claim
        return infos

    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying)
    upload = save_upload(tmp_path, [("liar.zip", archive), ("ok.txt", b"Rain.")],
                         Limits(max_expanded_bytes=100_000))
    # zipfile reads no more than the declared size, then finds the checksum wrong
    assert upload.refused[0][1].startswith("refused: it could not be expanded")
    assert upload.accepted == ["ok.txt"]
    assert files_under(tmp_path / upload.upload_id / "input") == ["ok.txt"]


def test_too_many_files_in_an_archive(tmp_path):
    archive = zip_of({f"a{i}.txt": b"Rain." for i in range(12)})
    upload = save_upload(tmp_path, [("many.zip", archive), ("x.txt", b"Rain.")], Limits(max_files=10))
    assert "12 article files" in upload.refused[0][1] and upload.accepted == ["x.txt"]


@pytest.mark.parametrize("files, limits, message", [
    ([], Limits(), "no files"),
    ([("a.txt", b"x" * 2000)], Limits(max_bytes=1000), "the limit is 1 KB"),
    ([("a.txt", b"x")] * 3, Limits(max_files=2), "3 files; the limit is 2"),
    ([("a.exe", b"MZ")], Limits(), "nothing to build"),
])
def test_whole_upload_refusals(tmp_path, files, limits, message):
    with pytest.raises(UploadRefused, match=message):
        save_upload(tmp_path, files, limits)
    assert list(tmp_path.iterdir()) == []


def test_limits_from_the_environment():
    limits = Limits.from_env({"NEWS_UPLOAD_MAX_FILES": "5", "NEWS_UPLOAD_KEEP_HOURS": "0.5"})
    assert (limits.max_files, limits.keep_hours, limits.build_slots) == (5, 0.5, 1)
    with pytest.raises(ValueError, match="NEWS_UPLOAD_MAX_BYTES"):
        Limits.from_env({"NEWS_UPLOAD_MAX_BYTES": "lots"})


def test_cleanup_removes_old_uploads_then_the_oldest_beyond_the_total(tmp_path):
    ids = []
    for age_hours in (100, 10, 5, 1):
        upload = save_upload(tmp_path, [("a.txt", b"x" * 1000)], Limits())
        status = uploads.read_status(tmp_path, upload.upload_id)
        status.update(state="done", created=time.time() - age_hours * 3600)
        (tmp_path / upload.upload_id / "status.json").write_text(json.dumps(status))
        ids.append(upload.upload_id)
    removed = uploads.cleanup(tmp_path, Limits(keep_hours=72, max_total_bytes=2500))
    assert removed == [ids[0], ids[1]]  # too old; then the oldest until the rest fits
    assert sorted(os.listdir(tmp_path)) == sorted(ids[2:])


@pytest.mark.slow
def test_an_upload_is_built_in_its_own_process(tmp_path):
    archive = zip_of({"more/b.txt": b"Talks resumed in Geneva on Tuesday.", "skip.pdf": b"%PDF"})
    upload = save_upload(tmp_path, [("a.jsonl", ARTICLE + b"{broken\n"), ("more.zip", archive)],
                         Limits())
    uploads.start_build(tmp_path, upload.upload_id)
    deadline = time.time() + 180
    while (uploads.read_status(tmp_path, upload.upload_id) or {}).get("state") not in ("done", "failed"):
        assert time.time() < deadline, (tmp_path / upload.upload_id / "build.log").read_text()
        time.sleep(0.5)
    status = uploads.read_status(tmp_path, upload.upload_id)
    assert status["state"] == "done" and status["counts"]["articles"] == 2
    assert status["errors"] == [{"file": "a.jsonl", "line": 2, "message": "invalid JSON: Expecting property name enclosed in double quotes"}]
    dataset = uploads.dataset_path(tmp_path, upload.upload_id)
    names = zipfile.ZipFile(io.BytesIO(uploads.zip_dataset(dataset))).namelist()
    assert "manifest.json" in names and "mentions/part-000001.parquet" in names
    assert not (tmp_path / upload.upload_id / "cache").exists()
