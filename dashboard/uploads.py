"""Articles added from the browser: saved uploads, their builds, and the datasets they make.

Plain Python, no Streamlit: the Add page calls it and the tests use it directly. Each upload
is a folder ``ROOT/<id>/`` named by an unguessable id (128 random bits from ``secrets``): its
dataset opens only with a link that carries the id, and no other visitor can list it.

    ROOT/<id>/input/        the uploaded files (zip archives expanded, safely)
    ROOT/<id>/status.json   state, progress, files refused and the build's errors
    ROOT/<id>/dataset/      the built dataset, once the build has succeeded
    ROOT/<id>/build.log     what the build printed
    ROOT/.slots/            one lock file per build slot: at most ``build_slots`` run at once

A build runs in its own process (``python -m dashboard.uploads build ROOT ID``), never inside
a Streamlit script run, so a visitor may navigate away or reload without losing it. Uploads
are hostile until proven otherwise: names are reduced to a plain file name, zip entries with
absolute paths or ``..`` refuse the archive, and archives that would expand beyond the limits
(zip bombs) are refused before anything is written and checked again while writing.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath

__all__ = ["Limits", "Upload", "UploadRefused", "default_root", "save_upload", "start_build",
           "run_build", "read_status", "dataset_path", "cleanup", "zip_dataset", "is_upload_id",
           "size_text"]

# What the readers take (data_prep.readers.SUFFIXES), plus archives of them.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
SUFFIXES = ARTICLE_SUFFIXES + (".zip",)
_ID = re.compile(r"[A-Za-z0-9_-]{22}")  # secrets.token_urlsafe(16)
_CHUNK = 1 << 16


class UploadRefused(ValueError):
    """An upload (or one archive of it) breaks a limit or a rule; the message says which."""


@dataclass(frozen=True)
class Limits:
    """What one upload and all uploads together may take. Each field can be set from the
    environment as ``NEWS_UPLOAD_<FIELD>`` (e.g. ``NEWS_UPLOAD_MAX_FILES=500``)."""

    max_files: int = 200                # files in one upload, archive entries included
    max_bytes: int = 50 * 2**20         # the uploaded files, as sent
    max_expanded_bytes: int = 200 * 2**20  # the same once archives are expanded
    keep_hours: float = 72.0            # an upload and its dataset are removed after this
    max_total_bytes: int = 2 * 2**30    # all uploads together; the oldest go first
    build_slots: int = 1                # builds running at once; the others wait their turn

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Limits:
        """Defaults, overridden by ``NEWS_UPLOAD_*`` variables. ValueError names a bad one."""
        values = {}
        for f in fields(cls):
            name = f"NEWS_UPLOAD_{f.name.upper()}"
            if env.get(name):
                try:
                    values[f.name] = type(f.default)(env[name])
                except ValueError:
                    raise ValueError(f"{name}={env[name]!r} is not a number") from None
                if values[f.name] <= 0:
                    raise ValueError(f"{name} must be positive")
        return cls(**values)


@dataclass
class Upload:
    """A saved upload: its id, the files kept and the files refused with the reason."""

    upload_id: str
    accepted: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def default_root() -> Path:
    """Where uploads live: ``$NEWS_UPLOAD_DIR``, else ``data/uploads`` in the project."""
    return Path(os.environ.get("NEWS_UPLOAD_DIR") or Path(__file__).resolve().parents[1] / "data" / "uploads")


def is_upload_id(value: object) -> bool:
    """True for a string shaped like an upload id (nothing else is ever joined to a path)."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def size_text(n: int) -> str:
    """A byte count for people: "50.0 MB", "12 KB"."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def _plain_name(name: str, fallback: str) -> str:
    """A file name with no folder, no leading dots and only ordinary characters."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return base[:120] or fallback


def _unique(folder: Path, name: str) -> Path:
    path = folder / name
    stem, suffix, n = path.stem, path.suffix, 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


def _entry_parts(name: str) -> list[str]:
    """The folders and file name of a zip entry; UploadRefused when it would leave the folder."""
    if "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise UploadRefused(f"it holds an entry with an absolute path ({name!r})")
    parts = PurePosixPath(name).parts
    if ".." in parts:
        raise UploadRefused(f"it holds an entry that points outside it ({name!r})")
    return [_plain_name(p, "entry") for p in parts if p not in ("", ".")]


def _expand_zip(data: bytes, target: Path, limits: Limits, files_left: int, bytes_left: int
                ) -> tuple[list[str], list[tuple[str, str]], int]:
    """Expand an archive into ``target``: (files written, entries skipped, bytes written).

    Refuses the whole archive (UploadRefused, nothing left written) for an unsafe entry name or
    when its entries would exceed the files or bytes left, as declared or as actually read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UploadRefused(f"it is not a readable zip archive ({exc})") from None
    wanted, skipped = [], []
    for info in entries:
        parts = _entry_parts(info.filename)
        if not parts or parts[-1].startswith("."):
            continue
        if not parts[-1].lower().endswith(ARTICLE_SUFFIXES):
            skipped.append((info.filename, "not an article file (" + ", ".join(ARTICLE_SUFFIXES) + ")"))
            continue
        wanted.append((info, parts))
    if len(wanted) > files_left:
        raise UploadRefused(f"it holds {len(wanted)} article files; at most {files_left} more "
                            f"fit in this upload (limit {limits.max_files})")
    declared = sum(info.file_size for info, _ in wanted)
    if declared > bytes_left:
        raise UploadRefused(f"it would expand to {size_text(declared)}; at most {size_text(bytes_left)} "
                            f"fit (limit {size_text(limits.max_expanded_bytes)} per upload)")
    written: list[Path] = []
    total = 0
    try:
        for info, parts in wanted:
            folder = target.joinpath(*parts[:-1])
            folder.mkdir(parents=True, exist_ok=True)
            path = _unique(folder, parts[-1])
            written.append(path)
            with archive.open(info) as src, path.open("xb") as dst:
                while chunk := src.read(_CHUNK):
                    total += len(chunk)
                    if total > bytes_left:  # the header lied about the size
                        raise UploadRefused(f"it expands beyond {size_text(bytes_left)}")
                    dst.write(chunk)
    except (UploadRefused, zipfile.BadZipFile, RuntimeError, EOFError, OSError) as exc:
        for path in written:
            path.unlink(missing_ok=True)
        if isinstance(exc, UploadRefused):
            raise
        raise UploadRefused(f"it could not be expanded ({exc})") from None
    return [str(p.relative_to(target)) for p in written], skipped, total


def save_upload(root: Path, files: Iterable[tuple[str, bytes]], limits: Limits) -> Upload:
    """Write the uploaded ``(name, content)`` pairs into a new upload folder.

    Raises UploadRefused (writing nothing) when the upload as a whole breaks a limit or leaves
    nothing to build; single files or archives that break a rule are listed in ``refused``.
    """
    files = list(files)
    if not files:
        raise UploadRefused("no files were uploaded")
    sent = sum(len(content) for _, content in files)
    if sent > limits.max_bytes:
        raise UploadRefused(f"the files come to {size_text(sent)}; the limit is {size_text(limits.max_bytes)}")
    if len(files) > limits.max_files:
        raise UploadRefused(f"{len(files)} files; the limit is {limits.max_files}")
    upload = Upload(secrets.token_urlsafe(16))
    folder = Path(root) / upload.upload_id
    target = folder / "input"
    target.mkdir(parents=True)
    files_left, bytes_left = limits.max_files, limits.max_expanded_bytes
    for index, (raw_name, content) in enumerate(files, 1):
        name = _plain_name(raw_name, f"file-{index}")
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            upload.refused.append((name, "not a supported file (" + ", ".join(SUFFIXES) + ")"))
            continue
        if suffix == ".zip":
            archive_dir = _unique(target, Path(name).stem)
            try:
                kept, skipped, size = _expand_zip(content, archive_dir, limits, files_left, bytes_left)
            except UploadRefused as exc:
                shutil.rmtree(archive_dir, ignore_errors=True)
                upload.refused.append((name, f"refused: {exc}"))
                continue
            upload.accepted += [f"{archive_dir.name}/{k}" for k in kept]
            upload.refused += [(f"{name}: {entry}", reason) for entry, reason in skipped]
            files_left -= len(kept)
            bytes_left -= size
            continue
        if files_left < 1 or len(content) > bytes_left:
            upload.refused.append((name, "over the upload's limits"))
            continue
        path = _unique(target, name)
        path.write_bytes(content)
        upload.accepted.append(path.name)
        files_left -= 1
        bytes_left -= len(content)
    if not upload.accepted:
        shutil.rmtree(folder, ignore_errors=True)
        reasons = "; ".join(f"{n}: {r}" for n, r in upload.refused)
        raise UploadRefused(f"nothing to build ({reasons})")
    _write_status(folder, {"state": "queued", "created": time.time(), "processed": 0,
                           "files": upload.accepted, "refused": upload.refused, "errors": []})
    return upload


def _write_status(folder: Path, status: dict) -> None:
    tmp = folder / f".status.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(status), encoding="utf-8")
    os.replace(tmp, folder / "status.json")  # the page never reads half a file


def read_status(root: Path, upload_id: str) -> dict | None:
    """The upload's status (state: queued, building, done or failed), None if unknown."""
    if not is_upload_id(upload_id):
        return None
    try:
        return json.loads((Path(root) / upload_id / "status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def dataset_path(root: Path, upload_id: str) -> Path | None:
    """The upload's built dataset, None for an unknown id or a dataset not built (yet)."""
    if not is_upload_id(upload_id):
        return None
    path = Path(root) / upload_id / "dataset"
    return path if (path / "manifest.json").exists() else None


def start_build(root: Path, upload_id: str) -> None:
    """Start the upload's build in a process of its own and return at once."""
    folder = Path(root) / upload_id
    with (folder / "build.log").open("ab") as log:
        subprocess.Popen([sys.executable, "-m", "dashboard.uploads", "build", str(root), upload_id],
                         cwd=Path(__file__).resolve().parents[1], stdout=log, stderr=log,
                         stdin=subprocess.DEVNULL, start_new_session=True)


@dataclass
class _Progress:
    """A tqdm-like counter that the build updates and the page reads from status.json."""

    folder: Path
    status: dict
    last: float = 0.0

    def update(self, n: int) -> None:
        self.status["processed"] += n
        if time.monotonic() - self.last > 0.5:
            self.last = time.monotonic()
            _write_status(self.folder, self.status)

    def close(self) -> None:
        _write_status(self.folder, self.status)


def _take_slot(root: Path, slots: int, status: dict, folder: Path):
    """Block until one of ``slots`` build slots is free; returns its open (locked) file."""
    slot_dir = Path(root) / ".slots"
    slot_dir.mkdir(parents=True, exist_ok=True)
    while True:
        for n in range(slots):
            handle = (slot_dir / f"slot-{n}.lock").open("w")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return handle  # the lock goes with the process, even if it is killed
            except OSError:
                handle.close()
        status["state"] = "queued"
        _write_status(folder, status)
        time.sleep(1.0)


def run_build(root: Path, upload_id: str, limits: Limits) -> dict:
    """Build the upload's dataset (the body of the build process); returns the final status."""
    from data_prep.build import NoArticlesError, build  # the NLP stack, only in this process

    folder = Path(root) / upload_id
    status = read_status(root, upload_id) or {"processed": 0, "errors": []}
    slot = _take_slot(root, limits.build_slots, status, folder)
    inputs = folder / "input"

    def shown(path: str) -> str:  # no server path on a page: names relative to the upload
        return path[len(str(inputs)) + 1:] if path.startswith(str(inputs)) else Path(path).name

    try:
        status.update(state="building", started=time.time())
        _write_status(folder, status)
        try:
            result = build([inputs], folder / "dataset", workers=1, cache_dir=folder / "cache",
                           progress=lambda: _Progress(folder, status))
        except NoArticlesError:
            status.update(state="failed", message="No article could be read from the files.")
        except Exception as exc:  # reported on the page; the log has the traceback
            status.update(state="failed", message=f"The build failed ({type(exc).__name__}).")
            print(f"build failed: {exc!r}", file=sys.stderr)
        else:
            status.update(state="done", counts=result.counts, processed=result.processed)
            status["errors"] = [{"file": shown(e.path), "line": e.line, "message": e.message}
                                for e in result.errors]
        status["finished"] = time.time()
        _write_status(folder, status)
        shutil.rmtree(folder / "cache", ignore_errors=True)
        return status
    finally:
        slot.close()


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def cleanup(root: Path, limits: Limits, *, now: float | None = None) -> list[str]:
    """Remove uploads older than ``keep_hours``, then the oldest until all fit in
    ``max_total_bytes``; a build in progress is left alone. Returns the ids removed."""
    root = Path(root)
    now = time.time() if now is None else now
    uploads = []
    for folder in root.iterdir() if root.exists() else ():
        status = read_status(root, folder.name)
        if status is None:
            continue
        uploads.append((status.get("created", 0.0), folder, status.get("state")))
    uploads.sort()
    removed = []
    total = sum(_folder_size(f) for _, f, _ in uploads)
    for created, folder, state in uploads:
        expired = now - created > limits.keep_hours * 3600
        if state in ("queued", "building") and not expired:
            continue
        if expired or total > limits.max_total_bytes:
            size = _folder_size(folder)
            shutil.rmtree(folder, ignore_errors=True)
            total -= size
            removed.append(folder.name)
    return removed


def zip_dataset(directory: Path) -> bytes:
    """The dataset's tables, search index and manifest as one zip archive."""
    directory = Path(directory)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(directory.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, path.relative_to(directory).as_posix())
    return buffer.getvalue()


def _main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "build" and is_upload_id(argv[2]):
        run_build(Path(argv[1]), argv[2], Limits.from_env())
        return 0
    print("usage: python -m dashboard.uploads build ROOT UPLOAD_ID", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
