"""The briefing note as data: :class:`Note`, its :class:`Section` s and their :class:`Item` s.

One job: the model every note is (a note on one meeting, :func:`~kit.teaching.note.build_note`, and a note on one
theme across documents, :func:`~kit.teaching.theme_note.theme_note`), with its JSON form (:meth:`Note.to_dict`,
the schema of :func:`json_schema`). The renderings in Markdown, HTML and Word are :mod:`kit.teaching.note_render`'s;
the methods here hand the note over to it.

Examples
--------
>>> item = Item("position", "We support the mandate.", [12], ["MEX"], ["Mexico"], start=0)
>>> note = Note("Briefing note", {}, [Section("positions", "Positions", [item])])
>>> note.section("positions").items[0].key, note.items[0].quote
((12, 0), True)
>>> note.to_dict()["sections"][0]["items"][0]["speakers"]
['Mexico']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ...errors import ReportError
from .outline import INF, QUOTED_KINDS, SCHEMA

__all__ = ["Item", "Section", "Note", "NoteError", "NoteTables", "json_schema"]


def json_schema() -> dict:
    """The JSON Schema of :meth:`Note.to_dict` (the package-data file ``kit/teaching/note.schema.json``).

    >>> json_schema()["$id"] == SCHEMA
    True
    """
    import json

    from ...paths import NOTE_SCHEMA

    return json.loads(NOTE_SCHEMA.read_text(encoding="utf-8"))


class NoteError(ReportError, ValueError):
    """A filter that matches nothing in the report (unknown meeting, theme or speaker)."""


@runtime_checkable
class NoteTables(Protocol):
    """What the builder reads: the report's tables as lists of row dicts (the apps' report has these)."""

    report_id: str
    metadata: dict
    meetings: list[dict]
    paragraphs: list[dict]
    speakers: list[dict]
    statements: list[dict]
    mentions: list[dict]
    themes: list[dict]
    text: dict
    speaker: dict
    label: str

    def cite(self, paras: int | Iterable[int]) -> str: ...


@dataclass
class Item:
    """One entry of a section.

    ``text`` is verbatim report text for the quoted kinds (:data:`QUOTED_KINDS`), found in paragraph
    ``paras[0]`` at ``start``; ``speaker_ids`` are the speakers the report gives those words to.
    """

    kind: str
    text: str
    paras: list[int]
    speaker_ids: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    group: str | None = None
    start: int | None = None
    form: str | None = None
    addressee: str | None = None
    figures: list[dict] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)
    see: str | None = None
    own: list[int] | None = None
    brief: list[int] | None = None
    supports: list[dict] = field(default_factory=list)
    report_id: str | None = None  # the document of a note across documents (:mod:`kit.teaching.theme_note`)
    document: str | None = None  # what its citation names: the document's symbol, else its id
    priority: float = field(default=INF, repr=False, compare=False)
    keep: bool = field(default=False, repr=False, compare=False)  # kept while anything unkept can go
    named: bool = field(default=False, repr=False, compare=False)  # the text names every speaker (any language)

    @property
    def quote(self) -> bool:
        return self.kind in QUOTED_KINDS

    @property
    def key(self) -> tuple[int, int | None]:
        """Where the speakers' own words start: (paragraph, offset); a sentence with several speakers has one
        key per speaker's part."""
        return self.paras[0], (self.start + self.own[0] if self.own and self.start is not None else self.start)

    @property
    def where(self) -> tuple[str, int, int | None]:
        """:attr:`key` in its document: (report_id, paragraph, offset), ``""`` for the one report of a note."""
        return (self.report_id or "", *self.key)

    @property
    def own_text(self) -> str:
        """The speakers' own words: ``text`` itself, or the part ``own`` marks in a sentence shared with others."""
        return self.text[self.own[0] : self.own[1]] if self.own else self.text

    @property
    def shown(self) -> str:
        """The words the renderings show: the one-line excerpt ``brief`` marks, else ``text``."""
        return self.text[self.brief[0] : self.brief[1]] if self.brief else self.text

    @property
    def label(self) -> str | None:
        """Who: the speakers' names joined (compatibility with the old ``Line.label``)."""
        return _join(self.speakers) or None

    def to_dict(self) -> dict:
        d: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "paras": list(self.paras),
            "speaker_ids": list(self.speaker_ids),
            "speakers": list(self.speakers),
            "quote": self.quote,
        }
        if self.start is not None:
            d["start"] = self.start
        for key in ("group", "form", "addressee", "see", "report_id", "document"):
            if getattr(self, key):
                d[key] = getattr(self, key)
        if self.figures:
            d["figures"] = [{"text": f["text"], "kind": f["kind"]} for f in self.figures]
        if self.parts:
            d["parts"] = [dict(p) for p in self.parts]
        if self.own:
            d["own"] = list(self.own)
        if self.brief:
            d["brief"] = list(self.brief)
        if self.kind == "to_fill":
            d["supports"] = [dict(x) for x in self.supports]
        return d


@dataclass
class Section:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    empty: str = "Nothing in the selection."

    @property
    def lines(self) -> list[Item]:
        return self.items

    def to_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "items": [i.to_dict() for i in self.items]}


@dataclass
class Note:
    """A briefing note; render with :meth:`to_markdown`, :meth:`to_html`, :meth:`to_docx`, :meth:`to_json`."""

    title: str
    heading: dict
    sections: list[Section]
    filters: dict = field(default_factory=dict)
    report_id: str = ""
    max_words: int | None = None
    lang: str = "en"
    quote_lang: str | None = None  # the report's language (the quotes'), when known

    def section(self, key_or_title: str) -> Section:
        return next(s for s in self.sections if key_or_title in (s.key, s.title))

    @property
    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]

    @property
    def lines(self) -> list[Item]:
        return self.items

    @property
    def header(self) -> list[tuple[str, str]]:
        from ..note_render import heading_lines

        return heading_lines(self)

    def refresh(self) -> None:
        """Mark items whose sentence another section already quotes (``see``), so renderings quote it once."""
        quoted = {}
        for s in self.sections:
            for i in s.items:
                if i.kind in ("purpose", "key_message", "briefing", "position") and i.start is not None:
                    quoted.setdefault(i.where, s.key)
        for s in self.sections:
            for i in s.items:
                if i.kind in ("ask", "figure"):
                    i.see = quoted.get(i.where)
        asks = {i.where for i in self.items if i.kind == "ask" and not i.see}
        for i in self.items:
            if i.kind == "figure" and not i.see and i.where in asks:
                i.see = "asks"
        # what the officer's sections rest on: quotes still in the note
        supports = _supports(self.sections)
        for s in self.sections:
            for i in s.items:
                if i.kind == "to_fill":
                    i.supports = supports.get(s.key, [])
                    i.paras = sorted({x["para"] for x in i.supports}) or i.paras[:1]

    def words(self, cache: dict | None = None) -> int:
        """Words of the Markdown rendering up to its annex (what the length limit counts: the two pages)."""
        from ..note_render import markdown_words

        return markdown_words(self, cache)

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "title": self.title,
            "report_id": self.report_id,
            "lang": self.lang,
            "heading": dict(self.heading),
            "filters": dict(self.filters),
            "max_words": self.max_words,
            "sections": [s.to_dict() for s in self.sections],
        }

    def to_json(self, indent: int | None = 2) -> str:
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    def to_markdown(self) -> str:
        from ..note_render import to_markdown

        return to_markdown(self)

    def to_html(self, *, standalone: bool = True) -> str:
        from ..note_render import to_html

        return to_html(self, standalone=standalone)

    def to_docx(self, path) -> None:
        from ..note_render import to_docx

        to_docx(self, path)

    def docx_bytes(self) -> bytes:
        import io

        buf = io.BytesIO()
        self.to_docx(buf)
        return buf.getvalue()


def _supports(sections: list[Section]) -> dict[str, list[dict]]:
    """The quotes each of the officer's sections rests on: for the summary, the most shared key messages and each
    briefer's first line; for the issues, the asks that name whom they ask (else the strongest asks); for the
    points to make, the other key messages and the asks and positions of several delegations."""
    by_key = {s.key: s.items for s in sections}

    def refs(key: str, items: list[Item]) -> list[dict]:
        return [
            {
                "section": key,
                "para": i.paras[0],
                "start": i.start,
                **({"report_id": i.report_id} if i.report_id else {}),
            }
            for i in items
        ]

    keys, asks = by_key.get("key_messages", []), by_key.get("asks", [])
    firsts = list({i.group: i for i in reversed(by_key.get("briefers", []))}.values())[::-1]
    addressed = [i for i in asks if i.addressee] or sorted(asks, key=lambda i: -i.priority)
    shared = sorted(
        [i for i in asks + by_key.get("positions", []) if len(i.speaker_ids) >= 2],
        key=lambda i: (-len(i.speaker_ids), -i.priority),
    )
    return {
        "summary": refs("key_messages", keys[:2]) + refs("briefers", firsts[:3]),
        "issues": refs("asks", addressed[:4]),
        "points": (
            refs("key_messages", keys[2:4])
            + [r for i in shared[:3] for r in refs("asks" if i.kind == "ask" else "positions", [i])]
            or refs("positions", by_key.get("positions", [])[:3])
        ),
    }


def _join(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
