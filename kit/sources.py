"""Bytes to text: the markdown we ship, plain text extracted from a PDF, or the PDF itself.

This is the only module that knows about file formats. It returns a
:class:`SourceText`: clean lines of text (markdown emphasis, escaped
characters and link syntax removed, line count preserved so error messages
can name the line in the file) and the format it came from.

The text is *normalised* here, once, before any other step sees it, so every
offset the kit reports (``start``/``end`` of statements, mentions, themes) is an
offset into the normalised paragraph text:

* compatibility characters are replaced by their Unicode NFKC form: the
  ligatures PDF printers emit ("ﬁ", "ﬀ", "ﬃ") become "fi", "ff", "ffi", and a
  no-break space becomes a space;
* invisible format characters (zero-width spaces and joiners, left-to-right and
  right-to-left marks and embeddings, the byte-order mark: U+200B-U+200F,
  U+202A-U+202E, U+2060-U+2064, U+FEFF) are removed, so "Fr\\u200dance" is France.
  Each line where this happened is recorded in :attr:`SourceText.notes`
  (the report's ``problems``, kind ``invisible_characters``).

Only regular files are read (a pipe or a device is refused before it is opened
for reading), at most :data:`MAX_REPORT_BYTES`, and a NUL byte anywhere in a text
file is refused: a report is text.

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
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, SourceError
from .i18n import N_
from .schema import REPORT_SUFFIXES

__all__ = [
    "SourceText",
    "read_source",
    "source_from_text",
    "source_from_bytes",
    "normalise_text",
    "MAX_REPORT_BYTES",
    "corpus_files",
]

#: The largest report file the kit reads (64 MiB: the longest UN reports are a few MB as PDF).
MAX_REPORT_BYTES = 64 * 1024 * 1024


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
    notes: tuple[dict, ...] = ()
    normalised: int = 0

    # ``notes``: what the source step changed and the user should know, as problem rows
    # (``problem``, ``line``, ``message``); ``normalised``: how many compatibility characters
    # (ligatures, no-break spaces, ...) NFKC replaced.


_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~])")
# bold/italic markers (reports use no literal asterisks); "\*\**" rather than "\*+": a pattern that starts with a
# character lets the regex engine skip to it
_MD_EMPHASIS = re.compile(r"\*\**|__")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_MD_HEADING_LINE = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+\S|\*\*[^*\n]+\*\*[ \t]*$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_MD_SIGNALS = re.compile(r"\*\*|^\s{0,3}#{1,6}\s|\]\(#\)|\\\(", re.M)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
#: The ``invisible_characters`` problem of a line (its count, not a plural: one template for every count).
_INVISIBLE_REMOVED = N_("invisible characters removed: {n} (zero-width or left-to-right/right-to-left marks)")


def normalise_text(text: str) -> tuple[str, list[dict], int]:
    """NFKC-normalise ``text`` and remove invisible format characters, line by line.

    Returns the new text (same number of lines), one note per line where
    invisible characters were removed, and the number of characters NFKC
    replaced.

    >>> normalise_text("The e\\ufb00ective Fr\\u200dance")[0]
    'The effective France'
    >>> normalise_text("a\\nFr\\u200eance")[1][0]["line"]
    2
    """
    notes: list[dict] = []
    if _INVISIBLE.search(text):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            n = len(_INVISIBLE.findall(line))
            if n:
                lines[i] = _INVISIBLE.sub("", line)
                notes.append(Problem("invisible_characters", _INVISIBLE_REMOVED, line=i + 1, n=n).as_row())
        text = "\n".join(lines)
    replaced = 0
    if not unicodedata.is_normalized("NFKC", text):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if not unicodedata.is_normalized("NFKC", line):
                replaced += sum(1 for c in line if unicodedata.normalize("NFKC", c) != c)
                lines[i] = unicodedata.normalize("NFKC", line).replace("\n", " ")
        text = "\n".join(lines)
    return text, notes, replaced


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
        raise SourceError(N_("the file is empty"), source=name, line=1)
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(
            N_("this is a binary file, not a text report or a PDF (a NUL byte at offset {nul})"),
            source=name,
            line=line,
            nul=nul,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            N_("not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); save the file as UTF-8 and try again"),
            source=name,
            line=line,
            byte=data[exc.start],
            offset=exc.start,
        ) from None
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(10, len(text[:20000]) // 100):
        raise SourceError(N_("this looks like a binary file, not a text report"), source=name)
    return text


def _pdf_to_text(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader  # imported here: only PDF users pay for it
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise SourceError(N_("reading a PDF needs the 'pypdf' package"), source=name) from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types for broken files
        raise SourceError(
            N_("the PDF could not be read ({kind}: {reason})"), source=name, kind=exc.__class__.__name__, reason=exc
        ) from None
    text = "\n\f\n".join(pages)
    if not text.strip():
        raise SourceError(N_("the PDF has no extractable text (is it a scan?)"), source=name)
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
        text = _pdf_to_text(data, name).replace("\x00", "")  # an extraction artefact of some fonts
        text, notes, replaced = normalise_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        lines = tuple(line.rstrip() for line in text.split("\n"))
        return SourceText(name=name, lines=lines, format="pdf", sha256=digest, notes=tuple(notes), normalised=replaced)
    text = _decode(data, name)
    return _from_decoded(text, name, digest)


def _from_decoded(text: str, name: str, digest: str) -> SourceText:
    nul = text.find("\x00")
    if nul != -1:
        raise SourceError(
            N_("this is binary data, not a text report (a NUL character at offset {nul})"),
            source=name,
            line=text.count("\n", 0, nul) + 1,
            nul=nul,
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, notes, replaced = normalise_text(text)
    if _MD_SIGNALS.search(text):
        headings = frozenset(i for i, line in enumerate(text.split("\n")) if _MD_HEADING_LINE.match(line))
        return SourceText(
            name, tuple(_clean_markdown(text).split("\n")), "markdown", digest, headings, tuple(notes), replaced
        )
    return SourceText(
        name, tuple(_rstrip_lines(text).split("\n")), "plaintext", digest, notes=tuple(notes), normalised=replaced
    )


def source_from_text(text: str, name: str = "<string>") -> SourceText:
    """Wrap a report already in memory as a :class:`SourceText`."""
    if not text.strip():
        raise SourceError(N_("the text is empty"), source=name, line=1)
    return _from_decoded(text, name, hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_source(path: str | Path, *, max_bytes: int = MAX_REPORT_BYTES) -> SourceText:
    """Read a report file (``.md``, ``.txt`` or ``.pdf``) into a :class:`SourceText`.

    Only a regular file is read: a pipe, a device or a socket is refused before
    it is opened for reading (so a FIFO cannot hang the kit and ``/dev/zero``
    cannot fill its memory), and at most ``max_bytes`` are read.

    Raises
    ------
    SourceError
        If the file is missing, is a folder or not a regular file, is larger
        than ``max_bytes``, cannot be read (any OS error), or cannot be decoded.

    Examples
    --------
    >>> read_source("/dev/zero")
    Traceback (most recent call last):
    ...
    kit.errors.SourceError: /dev/zero: not a regular file (a device, a pipe or a socket); give the path of a report file
    """
    path = Path(path)
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SourceError(N_("no such file"), source=name) from None
    except OSError as exc:
        raise SourceError(
            N_("the file could not be read ({reason})"), source=name, reason=exc.strerror or exc
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(
            N_("this is a folder of reports: use load_corpus() (or `kit validate folder/`) for a folder"), source=name
        )
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(
            N_("not a regular file (a device, a pipe or a socket); give the path of a report file"), source=name
        )
    if info.st_size > max_bytes:
        raise _too_large(info.st_size, max_bytes, name)
    try:
        # O_NONBLOCK: if the path was swapped for a pipe since the check above, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise SourceError(
                    N_("not a regular file (a device, a pipe or a socket); give the path of a report file"), source=name
                )
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(
            N_("the file could not be read ({reason})"), source=name, reason=exc.strerror or exc
        ) from None
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes, name)
    return source_from_bytes(data, name=name)


def _too_large(size: int, max_bytes: int, name: str) -> SourceError:
    return SourceError(
        N_(
            "the file is larger than a report can be ({size:,} bytes; the kit reads at most {limit:,}); "
            "is this the right file?"
        ),
        source=name,
        size=size,
        limit=max_bytes,
    )


def corpus_files(folder: str | Path, pattern: str = "*") -> list[Path]:
    """The documents of a corpus folder, sorted by name: every file matching ``pattern`` but hidden ones
    (``.DS_Store``, an editor's ``.swp``); subfolders are left alone.

    Raises
    ------
    SourceError
        Naming the folder when it is missing or holds no document, or naming the file when one is not of a
        kind the kit reads (``notes.docx``): a corpus is read whole or not at all.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(
            N_("no such folder") if not folder.exists() else N_("this is a file, not a folder"), source=str(folder)
        )
    files = sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith("."))
    for path in files:
        if path.suffix.lower() not in REPORT_SUFFIXES:
            raise SourceError(
                N_("not a document the kit reads (it reads {suffixes} files): move it out of the folder"),
                source=str(path),
                suffixes=", ".join(sorted(REPORT_SUFFIXES)),
            )
    if not files:
        raise SourceError(
            N_("no report files ({suffixes}) in this folder"),
            source=str(folder),
            suffixes=", ".join(sorted(REPORT_SUFFIXES)),
        )
    return files
