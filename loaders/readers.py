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
    """A document's text with its metadata, ready for the pipeline."""

    document: Document
    text: str


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


def read_file(path: Path) -> list[Source]:
    """All documents in one file; raises InputError naming the file (and line) on bad input."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}; "
                         f"use one of {', '.join(SUFFIXES)}")
    text = read_text(path)
    if suffix == ".jsonl":
        return list(_jsonl(path, text))
    if suffix == ".csv":
        return list(_csv(path, text))
    if suffix in (".html", ".htm"):
        text = visible_text(text)
        if not text.strip():
            raise InputError(f"{path}: no visible text in the HTML")
    return [Source(Document.from_text(text, str(path), date=dateline_date(text)), text)]


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


def _jsonl(path: Path, text: str) -> Iterator[Source]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: malformed JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
        yield _record(path, str(n), rec)


def _csv(path: Path, text: str) -> Iterator[Source]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        if not any(k in header for k in TEXT_FIELDS):
            raise InputError(f"{path}: no text column (header has {', '.join(header) or 'nothing'}; "
                             f"expected one of {', '.join(TEXT_FIELDS)})")
        for rec in reader:
            if None in rec or any(v is None for v in rec.values()):
                raise InputError(f"{path}:{reader.line_num}: malformed CSV row "
                                 f"({len(header)} columns expected)")
            yield _record(path, str(reader.line_num), rec)
    except csv.Error as e:
        raise InputError(f"{path}:{reader.line_num}: malformed CSV ({e})") from None


_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "blockquote", "header", "footer", "title", "td", "pre", "ul", "ol", "table"}
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees: no scripts, styles or head; one paragraph per line."""
    p = _Visible()
    p.feed(html)
    p.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(p.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)
