"""Files and folders -> documents (text plus metadata), or one clear error per file.

Supported: .txt and .md (as they are), .html/.htm (visible text only),
.jsonl (one document per line: ``text`` plus optional ``id``/``title``/``date``/``source``),
.csv (a ``text`` column plus the same optional columns).
A document without a ``date`` takes the one its first lines give in full (a dateline).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from actorgraph.graph import Document, InputError

from .dates import dateline_date

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".csv")
TEXT_FIELDS = ("text", "body", "content")
META_FIELDS = ("title", "date", "source")


@dataclass(frozen=True)
class Source:
    """A document's text with its metadata, ready for the pipeline; or, for a long document,
    its part ``part`` of ``parts``, which starts at character ``offset`` after ``lines`` line
    breaks of the document."""

    document: Document
    text: str
    offset: int = 0
    lines: int = 0
    part: int = 1
    parts: int = 1

    @property
    def last(self) -> bool:
        return self.part == self.parts


def find_files(paths: list[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Supported files under ``paths`` (folders recursively), sorted; missing paths as errors."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.is_file():
            files.append(p)
        else:
            errors.append(InputError(f"{p}: no such file or folder"))
    return files, errors


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (a BOM is allowed); binary, undecodable or empty files raise InputError."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
                         "convert it with e.g. iconv -f cp1252 -t utf-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def read_file(path: Path, errors: list[InputError] | None = None) -> list[Source]:
    """All documents in one file; raises InputError naming the file (and line) on bad input.

    Given an ``errors`` list, a bad line of a .jsonl or row of a .csv is appended to it
    (named by its number) and skipped, and the file's good records are still returned."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; "
                         f"use one of {', '.join(SUFFIXES)}")
    text = read_text(path)
    if suffix in (".jsonl", ".csv"):
        return _records(_jsonl(path, text) if suffix == ".jsonl" else _csv(path, text), errors)
    title = None
    if suffix in (".html", ".htm"):
        title, text = html_title(text), visible_text(text)
        if not text.strip():
            raise InputError(f"{path}: no visible text in the HTML")
    return [Source(Document.from_text(text, str(path), title=title, date=dateline_date(text)), text)]


def _records(found: Iterator[Source | InputError], errors: list[InputError] | None) -> list[Source]:
    """The good records; a bad one raises, or with ``errors`` given is kept there and skipped."""
    out = []
    for item in found:
        if isinstance(item, Source):
            out.append(item)
        elif errors is None:
            raise item
        else:
            errors.append(item)
    return out


def _record(path: Path, where: str, rec: dict) -> Source:
    text = next((rec[k] for k in TEXT_FIELDS if isinstance(rec.get(k), str)), None)
    if text is None:
        raise InputError(f"{path}:{where}: no text field (expected one of {', '.join(TEXT_FIELDS)})")
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise InputError(f"{path}:{where}: empty text")
    meta = {k: str(rec[k]) for k in META_FIELDS if rec.get(k) not in (None, "")}
    meta.setdefault("date", dateline_date(text))
    source = meta.pop("source", None) or f"{path}:{where}"
    if rec.get("id") not in (None, ""):
        source = f"{source}#{rec['id']}"
    return Source(Document.from_text(text, source, **meta), text)


def _jsonl(path: Path, text: str) -> Iterator[Source | InputError]:
    """Each line's document, or the InputError that names the line."""
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"{path}:{n}: malformed JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(rec, dict):
            yield InputError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
            continue
        try:
            yield _record(path, str(n), rec)
        except InputError as e:
            yield e


def _csv(path: Path, text: str) -> Iterator[Source | InputError]:
    """Each row's document, or the InputError that names the row; a header without a text
    column raises. Unbalanced quoting ends the file there (it swallows all that follows)."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        if not any(k in header for k in TEXT_FIELDS):
            raise InputError(f"{path}: no text column (header has {', '.join(header) or 'nothing'}; "
                             f"expected one of {', '.join(TEXT_FIELDS)})")
        for rec in reader:
            if None in rec or any(v is None for v in rec.values()):
                yield InputError(f"{path}:{reader.line_num}: malformed CSV row "
                                 f"({len(header)} columns expected)")
                continue
            try:
                yield _record(path, str(reader.line_num), rec)
            except InputError as e:
                yield e
    except csv.Error as e:
        yield InputError(f"{path}:{reader.line_num}: malformed CSV ({e})")


_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "blockquote", "header", "title", "td", "pre", "ul", "ol", "table"}
#: Not the document's text: code, the head, and a site's menus and footers.
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "footer"}
_HIDDEN_ROLES = {"navigation", "contentinfo", "menu", "menubar"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.open: list[str] = []  # the hidden elements we are inside, innermost last
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN or (dict(attrs).get("role") or "").lower() in _HIDDEN_ROLES:
            if tag not in _VOID:
                self.open.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.open:
            self.parts.append(data)


_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}


def html_title(html: str) -> str | None:
    """The page's ``<title>``, whitespace collapsed; None when it has none."""
    p = _Visible()
    p.feed(html)
    p.close()
    title = " ".join("".join(p.title).split())
    return title or None


def visible_text(html: str) -> str:
    """The text a reader sees: no scripts, styles or head, no navigation menus or footers;
    one paragraph per line."""
    p = _Visible()
    p.feed(html)
    p.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(p.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)
