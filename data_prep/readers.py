"""Read input files into ``Article`` records, reporting unreadable ones with file and line.

Formats: ``.txt``/``.md`` (the seed format: title, ISO date, ``Author: NAME`` lines, then
the body; or plain text), ``.html``/``.htm`` (the main text by trafilatura, else the body text),
``.json``/``.jsonl`` (objects with ``text`` and optional ``id``, ``title``, ``published``,
``source``, ``author``, ``url`` and ``source_country``, the ISO code of the outlet's country,
context for places) and ``.csv`` (the same columns).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from lxml.etree import LxmlError

from .records import Article

__all__ = ["InputError", "SUFFIXES", "find_inputs", "read_file", "iter_file", "parse_published",
           "clean_text"]

SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv"}
_FIELDS = ("id", "title", "published", "source", "author", "url")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$")
# What the model and UTF-8 writers cannot take: lone surrogates (from JSON "\\ud800" escapes),
# NUL and the other C0/C1 controls but tab and newline. Each is replaced by one character so
# that offsets into the cleaned (stored) text stay offsets into what the reader produced.
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class InputError:
    """A problem with one input: ``line`` is 1-based, or None for the whole file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the supported files they hold, sorted; files are kept as given."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
        else:
            found.append(path)
    return found


def parse_published(value: object) -> datetime | None:
    """An ISO date or datetime as timezone-aware UTC; None for empty input.

    Raises ValueError for a value that is present but not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().replace("Z", "+00:00")
    if re.fullmatch(r"\d{4}/\d{2}/\d{2}", text):
        text = text.replace("/", "-")
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def clean_text(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD and control characters as spaces (same length)."""
    return _CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", text))


def _content_id(text: str) -> str:
    return "a-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _article(record: dict, origin: str) -> Article:
    """Build an Article from a record; ValueError says what is wrong with it."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty or missing 'text'")
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    fields = {k: (clean_text(str(record[k])).strip() or None)
              if record.get(k) not in (None, "") else None for k in _FIELDS}
    try:
        published = parse_published(record.get("published"))
    except ValueError:
        raise ValueError(f"'published' is not an ISO date: {record.get('published')!r}") from None
    return Article(
        article_id=fields["id"] or _content_id(text),
        text=text,
        title=fields["title"],
        published=published,
        source=fields["source"],
        author=fields["author"],
        url=fields["url"],
        origin=origin,
        source_country=_country_code(record.get("source_country")),
    )


def _country_code(value: object) -> str | None:
    """An ISO alpha-2 code ("GB"), or None for anything else (it is optional context)."""
    text = str(value).strip().upper() if isinstance(value, str) else ""
    return text if len(text) == 2 and text.isalpha() else None


def _read_text(path: Path, raw: str) -> Iterator[Article]:
    """The seed format when line 2 is an ISO date, else the whole file as the body."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    record: dict = {"text": raw}
    if len(lines) > 2 and _ISO_DATE.match(lines[1].strip()):
        record.update(title=lines[0].strip().lstrip("# ").strip(), published=lines[1].strip())
        body_from = 2
        if lines[2].lower().startswith("author:"):
            record["author"] = lines[2].split(":", 1)[1].strip()
            body_from = 3
        record["text"] = "\n".join(lines[body_from:])
    record["id"] = path.stem if record["text"].strip() else None
    yield _article(record, f"{path}:1")


class _BodyText:
    """Collect visible text of the article body, one block element per paragraph."""

    _BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "section",
               "article", "br", "tr"}
    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure",
             "iframe", "svg", "button"}

    @classmethod
    def extract(cls, markup: str) -> tuple[str | None, str | None, str]:
        """(title, published, text) of an HTML page."""
        import lxml.html

        doc = lxml.html.document_fromstring(markup)
        title = doc.findtext(".//title")
        published = None
        for meta in doc.iter("meta"):
            key = (meta.get("property") or meta.get("name") or "").lower()
            if key in {"article:published_time", "date", "pubdate", "dc.date"} and meta.get("content"):
                published = meta.get("content")
                break
        candidates = doc.xpath("//article") + doc.xpath("//main") + doc.xpath("//body")
        root = candidates[0] if candidates else doc
        h1 = root.find(".//h1")
        if h1 is not None:
            title = h1.text_content().strip() or title
        parts: list[str] = []

        def walk(el) -> None:
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in cls._SKIP:
                if el.tail:
                    parts.append(el.tail)
                return
            if tag in cls._BLOCKS:
                parts.append("\n\n")
            if el.text and tag:
                parts.append(el.text)
            for child in el:
                walk(child)
            if tag in cls._BLOCKS:
                parts.append("\n\n")
            if el.tail:
                parts.append(el.tail)

        if root.text:  # text before the first element: a page that is bare text has only this
            parts.append(root.text)
        for child in root:
            if child.tag == "h1" and title:
                continue  # the title is metadata, not body
            walk(child)
        text = "".join(parts)
        text = re.sub(r"[ \t\xa0]+", " ", text)
        text = re.sub(r" *\n *", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        return (title.strip() if title else None), published, text


# trafilatura's date search reads markup only: its default also guesses from body text, and gave
# a year-only "2004-01-01" on half the undated pages of bench.html_readers.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def _main_text(markup: str) -> tuple[str | None, str | None, str]:
    """(title, date, text) of a page's main content by trafilatura; text is "" when it finds none.

    Comments are left out; ``favor_precision`` measured best in bench.html_readers. Its lines
    (one per paragraph, heading or list item) are separated by blank lines, and a first line
    that repeats the title is dropped: the title is metadata, not body.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(markup, favor_precision=True, include_comments=False,
                                      with_metadata=True, date_extraction_params=_DATE_SEARCH)
    if doc is None or not doc.text:
        return None, None, ""
    title = (doc.title or "").strip() or None
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    if lines and title and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]
    return title, doc.date, "\n\n".join(lines)


def _is_date(value: str | None) -> bool:
    """Whether ``value`` is an ISO date: a page's date in another format is not worth failing
    the article, so it is passed over."""
    try:
        return parse_published(value) is not None
    except ValueError:
        return False


def _read_html(path: Path, raw: str) -> Iterator[Article]:
    """The page's main text by trafilatura, or by ``_BodyText`` where trafilatura finds none.

    The title is trafilatura's, else ``_BodyText``'s; the date is the page's meta date (with its
    time), else trafilatura's (a day).
    """
    title, published, text = _BodyText.extract(raw)  # raises on an empty or unparsable page
    try:
        main_title, main_date, main_text = _main_text(raw)
    except Exception:  # a page trafilatura chokes on still has the hand-written reading
        main_title, main_date, main_text = None, None, ""
    if main_text.strip():
        text = main_text
    title = main_title or title
    published = next((d for d in (published, main_date) if _is_date(d)), None)
    yield _article({"id": path.stem, "title": title, "published": published, "text": text},
                   f"{path}:1")


def _json_error(exc: Exception) -> str:
    if isinstance(exc, RecursionError):  # "[[[[..." thousands deep: json recurses per level
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {getattr(exc, 'msg', exc)}"


def _read_json(path: Path, raw: str, errors: list[InputError]) -> Iterator[Article]:
    """A JSON array or object; each bad record is an error, the rest still load."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        errors.append(InputError(str(path), getattr(exc, "lineno", None), _json_error(exc)))
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, 1):
        yield from _record(path, record, f"record {index}", None, errors)


def _read_json_lines(path: Path, errors: list[InputError]) -> Iterator[Article]:
    """JSON lines, read one line at a time: a bad line is an error, the rest still load."""
    with path.open("rb") as fh:
        for lineno, data in enumerate(fh, 1):
            try:
                line = data.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                errors.append(InputError(str(path), lineno, f"not UTF-8 text (byte {exc.start})"))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                errors.append(InputError(str(path), lineno, _json_error(exc)))
                continue
            yield from _record(path, record, None, lineno, errors)


def _is_json_lines(path: Path) -> bool:
    """``.jsonl``, or a ``.json`` file that does not start with ``[`` or ``{``."""
    if path.suffix.lower() == ".jsonl":
        return True
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8-sig", errors="replace").lstrip()
    return head[:1] not in ("[", "{")


def _record(path: Path, record: object, label: str | None, line: int | None,
            errors: list[InputError]) -> Iterator[Article]:
    if not isinstance(record, dict):
        errors.append(InputError(str(path), line, f"{label or 'line'} is not a JSON object"))
        return
    try:
        yield _article(record, f"{path}:{line}" if line else f"{path}#{label}")
    except ValueError as exc:
        errors.append(InputError(str(path), line, f"{label + ': ' if label else ''}{exc}"))


def _read_csv(path: Path, raw: str, errors: list[InputError]) -> Iterator[Article]:
    csv.field_size_limit(sys.maxsize)  # article bodies outgrow the 128 KiB default
    # newline="" leaves line breaks inside quoted fields (and U+2028 and the like) to the csv module
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        errors.append(InputError(str(path), 1, "CSV header has no 'text' column"))
        return
    for record in reader:
        line = reader.line_num  # the line where this record ends
        try:
            yield _article(record, f"{path}:{line}")
        except ValueError as exc:
            errors.append(InputError(str(path), line, str(exc)))


def read_file(path: Path, errors: list[InputError]) -> list[Article]:
    """All articles of one file; problems are appended to ``errors`` instead of raised."""
    return list(iter_file(path, errors))


def iter_file(path: Path, errors: list[InputError]) -> Iterator[Article]:
    """The articles of one file as they are read (JSON lines stream line by line).

    Nothing a file holds raises: every problem, whatever its kind, is appended to ``errors``
    with the file and, where known, the line; the articles read before it are kept.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        errors.append(InputError(str(path), None, f"unsupported file type {suffix or '(none)'}"))
        return
    try:
        if suffix in {".json", ".jsonl"} and _is_json_lines(path):
            yield from _read_json_lines(path, errors)
            return
        data = path.read_bytes()
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            errors.append(InputError(str(path), line, f"not UTF-8 text (byte {exc.start})"))
            return
        del data
        if suffix == ".json":
            yield from _read_json(path, raw, errors)
        elif suffix == ".csv":
            yield from _read_csv(path, raw, errors)
        elif suffix in {".html", ".htm"}:
            yield from _read_html(path, raw)
        else:
            yield from _read_text(path, raw)
    except OSError as exc:
        errors.append(InputError(str(path), None, f"cannot read: {exc.strerror or exc}"))
    except (ValueError, csv.Error, LxmlError) as exc:  # lxml: an empty or unparsable page
        errors.append(InputError(str(path), None, str(exc) or type(exc).__name__))
    except Exception as exc:  # a hosted build reads what visitors upload: no file may stop it
        errors.append(InputError(str(path), None, f"cannot read: {type(exc).__name__}: {exc}"))
