"""Bytes to text: the markdown we ship, plain text extracted from a PDF, or the PDF itself.

This is the only module that knows about file formats. It returns a
:class:`SourceText`: clean lines of text (markdown emphasis, escaped
characters and link syntax removed, line count preserved so error messages
can name the line in the file) and the format it came from.

Examples
--------
>>> src = source_from_text("1. The representative of **Kenya** said [2518 \\\\(2020\\\\)](#).", name="x.md")
>>> src.lines[0]
'1. The representative of Kenya said 2518 (2020).'
>>> src.format
'markdown'
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceError

__all__ = ["SourceText", "read_source", "source_from_text", "source_from_bytes"]


@dataclass(frozen=True)
class SourceText:
    """Text of a report, ready for :mod:`kit.layout`.

    Attributes
    ----------
    name : str
        File name (or label) used in messages and as the default ``report_id``.
    lines : tuple of str
        The text, one entry per line, markup removed.
    format : str
        ``"markdown"``, ``"plaintext"`` or ``"pdf"``.
    sha256 : str
        Hash of the raw bytes: the cache key of a parse.
    headings : frozenset of int
        0-based indexes of lines the markup marks as headings (``# ...`` or a
        line wholly in bold): the layout never reads them as paragraph text.
    """

    name: str
    lines: tuple[str, ...]
    format: str
    sha256: str
    headings: frozenset[int] = frozenset()


_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")
_MD_EMPHASIS = re.compile(r"\*+|__")  # bold/italic markers; reports use no literal asterisks
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_MD_HEADING_LINE = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+\S|\*\*[^*\n]+\*\*[ \t]*$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_MD_SIGNALS = re.compile(r"\*\*|^\s{0,3}#{1,6}\s|\]\(#\)|\\\(", re.M)


def _clean_markdown(text: str) -> str:
    """Remove markdown markup; no pattern crosses a line, so line numbers stay those of the file."""
    text = _MD_RULE.sub("---", text)  # kept as a hard break marker for the layout step
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return _rstrip_lines(text)


def _rstrip_lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise SourceError("the file is empty", source=name, line=1)
    if b"\x00" in data[:4096]:
        raise SourceError("this is a binary file, not a text report or a PDF", source=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8 and try again",
            source=name,
            line=line,
        ) from None
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(10, len(text[:20000]) // 100):
        raise SourceError("this looks like a binary file, not a text report", source=name)
    return text


def _pdf_to_text(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader  # imported here: only PDF users pay for it
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise SourceError("reading a PDF needs the 'pypdf' package", source=name) from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types for broken files
        raise SourceError(f"the PDF could not be read ({exc.__class__.__name__}: {exc})", source=name) from None
    text = "\n\f\n".join(pages)
    if not text.strip():
        raise SourceError("the PDF has no extractable text (is it a scan?)", source=name)
    return text


def source_from_bytes(data: bytes, name: str = "<bytes>") -> SourceText:
    """Turn raw bytes (UTF-8 text or a PDF) into a :class:`SourceText`.

    Raises
    ------
    SourceError
        For an empty, binary or non-UTF-8 input, or a PDF without text.
    """
    digest = hashlib.sha256(data).hexdigest()
    if data.lstrip()[:5] == b"%PDF-":
        text = _pdf_to_text(data, name)
        lines = tuple(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))
        return SourceText(name=name, lines=lines, format="pdf", sha256=digest)
    text = _decode(data, name)
    return _from_decoded(text, name, digest)


def _from_decoded(text: str, name: str, digest: str) -> SourceText:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if _MD_SIGNALS.search(text):
        headings = frozenset(i for i, line in enumerate(text.split("\n")) if _MD_HEADING_LINE.match(line))
        return SourceText(name, tuple(_clean_markdown(text).split("\n")), "markdown", digest, headings)
    return SourceText(name, tuple(_rstrip_lines(text).split("\n")), "plaintext", digest)


def source_from_text(text: str, name: str = "<string>") -> SourceText:
    """Wrap a report already in memory as a :class:`SourceText`."""
    if not text.strip():
        raise SourceError("the text is empty", source=name, line=1)
    return _from_decoded(text, name, hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_source(path: str | Path) -> SourceText:
    """Read a report file (``.md``, ``.txt`` or ``.pdf``) into a :class:`SourceText`.

    Raises
    ------
    SourceError
        If the file is missing, is a folder, or cannot be decoded.
    """
    path = Path(path)
    if not path.exists():
        raise SourceError("no such file", source=str(path))
    if path.is_dir():
        raise SourceError("this is a folder; use load_corpus() for a folder of reports", source=str(path))
    return source_from_bytes(path.read_bytes(), name=str(path))
