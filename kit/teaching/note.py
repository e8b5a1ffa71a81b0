"""The briefing note as data: a brief on one meeting (or a report), every quote verbatim and cited.

:func:`build_note` reads the report's tables and returns a :class:`Note`: a heading and sections of
:class:`Item` s. Each quoted item's ``text`` is a whole sentence of the report, or the part of one sentence
that the report gives to one speaker (a sentence "..., while the representative of Tunisia called for ..."
is cut at the attribution, using the statements' ``start``/``end`` offsets). Markdown, HTML, Word and JSON
are rendered from this model (:mod:`kit.teaching.note_render`); the JSON schema is in the README
("Briefing note JSON").

Sections, in order: purpose and background, the officer's summary line (to complete), key messages (joint positions of the most delegations, each
once with all its delegations), briefers, delegations' positions grouped by theme, asks and
recommendations (:func:`kit.teaching.asks.ask_form`), key figures (:mod:`kit.teaching.figures`), the
issues for the Council and the points to make (to complete, with their supporting quotes) and citations.
Every speaker of the selection keeps at least one line, and every casualty, money or percentage figure is
quoted or listed as cut. A meeting note is cut to :data:`MAX_WORDS` words of Markdown (two A4 pages) by dropping the
least important items; the citations section names the paragraphs it does not quote.

The builder works on plain row tables (any object with the attributes of :class:`NoteTables`, such as
the apps' report) and never imports pandas; given a :class:`kit.Report` it converts the tables to rows.

Examples
--------
>>> from kit import load_report
>>> note = build_note(load_report(), meeting="2021-04-13", lang="en")
>>> [s.key for s in note.sections]  # doctest: +NORMALIZE_WHITESPACE
['purpose', 'summary', 'key_messages', 'briefers', 'positions', 'asks', 'figures', 'issues', 'points',
 'citations']
>>> note.words() <= MAX_WORDS
True
>>> all(item.text for item in note.items)
True
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol, runtime_checkable

from ..citation import cite as _cite
from ..citation import cite_paras
from ..display import format_date
from ..errors import ReportError
from ..i18n import N_, normalize, semicolon, translator
from ..rows import ViewReport
from ..sentences import clip_sentences, sentence_spans
from .asks import addressee, ask_form, form_kind
from .figures import FIGURE_KINDS, find_figures
from .speakers import SpeakerNames, display_names, official_name

__all__ = [
    "Note",
    "Section",
    "Item",
    "NoteError",
    "NoteTables",
    "build_note",
    "note_tables",
    "json_schema",
    "MAX_WORDS",
    "SCHEMA",
    "KINDS",
    "QUOTED_KINDS",
    "SECTION_TITLES",
    "SECTION_EMPTY",
    "ANNEX_SECTIONS",
]

#: Words of Markdown a one-meeting note may have (two A4 pages).
MAX_WORDS = 1200
#: The language whose labels the cut counts: a note keeps the same quotes whatever the language of its labels.
CUT_LANG = "en"
#: The ``schema`` field of the JSON note.
SCHEMA = "kit.briefing-note/1"
#: Item kinds; the first six quote the report verbatim; ``to_fill`` is a place for the officer's own words;
#: ``see_annex`` is the line of a note's Citations that counts what its annex lists (no paragraph of its own).
QUOTED_KINDS = ("purpose", "key_message", "briefing", "position", "ask", "figure")
KINDS = QUOTED_KINDS + ("citation", "not_quoted", "to_fill", "see_annex")
#: Section keys and their English titles (``build_note(..., lang=)`` translates them through :mod:`kit.i18n`).
SECTION_TITLES = {
    "purpose": N_("Purpose and background"),
    "summary": N_("Summary (to complete)"),
    "key_messages": N_("Key messages"),
    "briefers": N_("Briefers"),
    "positions": N_("Delegations' positions by theme"),
    "asks": N_("Asks and recommendations"),
    "figures": N_("Key figures"),
    "issues": N_("Issues for the Council (to complete)"),
    "points": N_("Suggested points to make (to complete)"),
    "citations": N_("Citations"),
    "annex": N_("Annex: on the theme, not quoted in this note"),
}
#: The sections after the two pages: not counted in the length limit, printed after a page break
#: (a note across documents lists there what it does not quote: :mod:`kit.teaching.theme_note`).
ANNEX_SECTIONS = ("annex",)
#: The sections the desk officer completes in their own words, and what each asks of them.
TO_FILL = {
    "summary": N_(
        "Your summary line: what the meeting was about and what it means for your delegation, in one or two sentences."
    ),
    "issues": N_("The issues the Council may have to decide on, and your assessment of each."),
    "points": N_("The points your delegation could make, in your own words."),
}
#: What an empty section says.
SECTION_EMPTY = {
    "key_messages": N_("No position shared by several delegations in the selection."),
    "briefers": N_("No briefer in the selection."),
    "asks": N_("No ask in the selection."),
    "positions": N_("No other delegation position in the selection."),
    "figures": N_("No figure in the selection."),
}
#: Figures a note keeps, or says it cut (the citations list them): deaths and injuries, money, percentages.
KEY_FIGURE_KINDS = ("casualties", "money", "percentage")
_DELEGATION_KINDS = ("member_state", "observer_state", "organization", "other")
_INF = math.inf


def json_schema() -> dict:
    """The JSON Schema of :meth:`Note.to_dict` (the package-data file ``kit/teaching/note.schema.json``).

    >>> json_schema()["$id"] == SCHEMA
    True
    """
    import json

    from ..paths import NOTE_SCHEMA

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


# ---------------------------------------------------------------------------
# the model


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
    priority: float = field(default=_INF, repr=False, compare=False)
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
    def header(self) -> list[str]:
        from .note_render import heading_lines

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
        from .note_render import markdown_words

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
        from .note_render import to_markdown

        return to_markdown(self)

    def to_html(self, *, standalone: bool = True) -> str:
        from .note_render import to_html

        return to_html(self, standalone=standalone)

    def to_docx(self, path) -> None:
        from .note_render import to_docx

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


# ---------------------------------------------------------------------------
# the tables as plain rows


def note_tables(report: Any) -> NoteTables:
    """The tables of ``report`` as plain rows: the apps' report as it is, a :class:`kit.Report` converted
    (:meth:`kit.rows.ViewReport.from_report`, the one conversion of the kit)."""
    if isinstance(getattr(report, "paragraphs", None), list):
        return report
    return ViewReport.from_report(report)


def _as_date(v: Any) -> _dt.date | None:
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        try:
            return _dt.date.fromisoformat(v[:10])
        except ValueError:
            return None
    return None


def _join(names: list[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------------------
# pieces: the sentences of the selection, each cut to one statement group


@dataclass
class _Piece:
    para: int
    start: int
    end: int
    text: str
    speaker_ids: list[str]
    kinds: set[str]
    verb: str | None
    lemma: str | None
    key: tuple | None  # (para, group) of its statement group; None when unattributed
    index: int  # position of the piece in its statement group
    themes: dict[str, int] = field(default_factory=dict)  # theme -> term hits in the piece
    sentence: tuple[int, int] | None = None  # the whole sentence, when the piece is one speaker's part of it

    @property
    def words(self) -> int:
        return len(self.text.split())


def _report_lang(t: Any) -> str:
    """The language the report is written in (its metadata; else detected from its first paragraphs)."""
    from ..language import LANGUAGES, detect_language

    lang = str((t.metadata or {}).get("lang") or "")[:2].lower()
    if lang in LANGUAGES:
        return lang

    return detect_language(" ".join(str(p.get("text") or "") for p in t.paragraphs[:10]))


def _briefer_label(row: dict, name: str, tr, lang: str | None = None, text_lang: str | None = None) -> str:
    """ "Name (title, office)"; in a note of another language than its report, the title and office in the note's
    language (``titles.csv``), else in the report's words between quotation marks."""
    parts = [x for x in (row.get("title"), row.get("organization")) if x and x != "representative"]
    if lang and text_lang and lang != text_lang:
        parts = [official_name(x, lang) or tr.gettext("“{text}”").format(text=x) for x in parts]
    extra = ", ".join(parts)
    if row.get("kind") == "chair":
        return tr.gettext("{name} (Chair)").format(name=name)
    return f"{name} ({extra})" if extra else name


def _theme_rows() -> list[dict]:
    """The rows of the theme vocabulary (``themes.csv``), or none when the reference folder lacks it."""
    from ..gazetteer import read_table

    try:
        return read_table("themes.csv")
    except OSError:
        return []


def _theme_labels(lang: str) -> dict[str, str]:
    """Theme labels of the vocabulary in ``lang`` (its column of themes.csv, ``label_fr``); the tables' own
    language's come from the report."""
    from ..language import LANGUAGES

    L = LANGUAGES.get(lang)
    if L is None or L.source:
        return {}
    return {r["theme"]: r[L.theme_label] for r in _theme_rows() if r.get(L.theme_label)}


def theme_names(themes: list[dict]) -> dict[str, str]:
    """Every name of the themes present in ``themes`` (rows of the themes table), casefolded -> theme id: the id,
    the report's label and the vocabulary's labels in every language (a French label finds an English report's
    theme).

    >>> theme_names([{"theme": "poc", "label": "Protection of civilians"}])["protection des civils"]
    'poc'
    """
    from ..language import LANGUAGES

    known: dict[str, str] = {}
    present = {row["theme"] for row in themes}
    columns = sorted({L.theme_label for L in LANGUAGES.values()})
    for row in _theme_rows():  # a theme's label in any language resolves, whatever the report's language
        if row.get("theme") in present:
            for column in columns:
                if row.get(column):
                    known[row[column].casefold()] = row["theme"]
    for row in themes:
        known[str(row["theme"]).casefold()] = row["theme"]
        known[str(row.get("label") or row["theme"]).casefold()] = row["theme"]
    return known


class _Builder:
    def __init__(
        self, t: NoteTables, meeting: str | None, themes: Iterable[str], speakers: Iterable[str], lang: str = "en"
    ):
        self.t = t
        self.lang = lang
        self.text_lang = _report_lang(t)  # the language of the quotes (asks and figures read it)
        self.tr = translator(lang)
        self.labels = display_names(t.speakers, lang)
        self.kind_of = {s["speaker_id"]: s.get("kind") or "other" for s in t.speakers}
        self.meeting = self._meeting(meeting)
        self.theme_ids = self._themes(themes)
        self.speaker_ids = self._speakers(speakers)
        self.theme_label = _theme_labels(lang)
        for row in t.themes:
            self.theme_label.setdefault(row["theme"], row.get("label") or row["theme"])
        if self.meeting:
            self.paras = [p["para"] for p in t.paragraphs if p.get("meeting_id") == self.meeting["meeting_id"]]
        else:
            self.paras = [p["para"] for p in t.paragraphs]
        self.para_set = set(self.paras)
        self.used: set[tuple[int, int]] = set()  # (para, start) of the pieces quoted so far
        self.key_pieces: set[tuple] = set()  # statement groups quoted as key messages
        self.pieces = self._pieces()

    # -- filters -----------------------------------------------------------
    def _meeting(self, meeting: str | None) -> dict | None:
        if not meeting:
            return None
        for m in self.t.meetings:
            if m["meeting_id"] == meeting or str(m.get("date"))[:10] == str(meeting):
                return m
        known = ", ".join(m["meeting_id"] for m in self.t.meetings) or self.tr.gettext("none")
        raise NoteError(
            self.tr.gettext("unknown meeting {meeting}; meetings: {known}").format(meeting=repr(meeting), known=known)
        )

    def _themes(self, themes: Iterable[str]) -> list[str]:
        known = theme_names(self.t.themes)
        out = []
        for th in themes or ():
            tid = known.get(str(th).strip().casefold())
            if tid is None:
                names = ", ".join(sorted({row["theme"] for row in self.t.themes})) or self.tr.gettext("none")
                raise NoteError(
                    self.tr.gettext("unknown theme {theme}; themes found in this report: {names}").format(
                        theme=repr(th), names=names
                    )
                )
            out.append(tid)
        return list(dict.fromkeys(out))

    def _speakers(self, speakers: Iterable[str]) -> list[str]:
        if not speakers:
            return []
        names = SpeakerNames(self.t.speakers, self.t.statements)
        try:
            return names.resolve(speakers)
        except KeyError as exc:
            known = ", ".join(sorted(self.labels.values())) or self.tr.gettext("none")
            raise NoteError(
                self.tr.gettext("unknown speaker {speaker}; speakers: {known}").format(
                    speaker=repr(exc.args[0]), known=known
                )
            ) from None

    # -- pieces --------------------------------------------------------------
    def _terms(self) -> dict[tuple, dict[str, list[re.Pattern]]]:
        """(para, statement_id or None) -> theme -> term patterns the tagger found there."""
        out: dict[tuple, dict[str, list[re.Pattern]]] = {}
        for row in self.t.themes:
            terms = [x.strip() for x in str(row.get("terms") or "").split(";") if x.strip()]
            rx = [re.compile(rf"(?<![\w-]){re.escape(x)}(?![\w])", re.I) for x in terms]
            out.setdefault((row["para"], row.get("statement_id")), {}).setdefault(row["theme"], []).extend(rx)
        return out

    def _pieces(self) -> list[_Piece]:
        t, terms = self.t, self._terms()
        groups: dict[tuple, list[dict]] = {}
        for st in t.statements:
            if st["para"] in self.para_set:
                groups.setdefault((st["para"], st.get("group") or st["statement_id"]), []).append(st)
        pieces: list[_Piece] = []
        covered: dict[int, list[tuple[int, int]]] = {}
        for key, rows in groups.items():
            para = key[0]
            text = t.text[para]
            start, end = min(int(r["start"]) for r in rows), max(int(r["end"]) for r in rows)
            covered.setdefault(para, []).append((start, end))
            sids = list(dict.fromkeys(r["speaker_id"] for r in rows))
            theme_rx: dict[str, list[re.Pattern]] = {}
            for r in rows:
                for th, rx in terms.get((para, r["statement_id"]), {}).items():
                    theme_rx.setdefault(th, []).extend(rx)
            for i, (a, b) in enumerate(clip_sentences(text, start, end)):
                p = _Piece(
                    para,
                    a,
                    b,
                    text[a:b],
                    sids,
                    {self.kind_of.get(s, "other") for s in sids},
                    rows[0].get("verb"),
                    rows[0].get("lemma"),
                    key,
                    i,
                )
                whole = next(((x, y) for x, y in sentence_spans(text) if x <= a and b <= y), (a, b))
                p.sentence = whole if whole != (a, b) else None
                p.themes = {th: n for th, rx in theme_rx.items() if (n := sum(len(x.findall(p.text)) for x in rx))}
                pieces.append(p)
        for para in self.paras:  # sentences no statement covers (meeting openings, "Several Member States ...")
            text = t.text[para]
            spans = sorted(covered.get(para, []))
            gaps, pos = [], 0
            for a, b in spans + [(len(text), len(text))]:
                if a > pos:
                    gaps.append((pos, a))
                pos = max(pos, b)
            for ga, gb in gaps:
                for i, (a, b) in enumerate(clip_sentences(text, ga, gb)):
                    if len(text[a:b].split()) < 3:
                        continue
                    p = _Piece(para, a, b, text[a:b], [], set(), None, None, None, i)
                    p.themes = {
                        th: n
                        for th, rx in terms.get((para, None), {}).items()
                        if (n := sum(len(x.findall(p.text)) for x in rx))
                    }
                    pieces.append(p)
        pieces.sort(key=lambda p: (p.para, p.start))
        return pieces

    def selected(self, p: _Piece) -> bool:
        """In the theme and speaker selection."""
        if self.speaker_ids and not set(p.speaker_ids) & set(self.speaker_ids):
            return False
        if self.theme_ids and not set(p.themes) & set(self.theme_ids):
            return False
        return True

    def ask_form(self, p: _Piece) -> str | None:
        """The ask form of a piece, read in the report's language with its statement's verb and lemma."""
        return ask_form(p.text, p.verb, self.text_lang, p.lemma)

    def item(self, kind: str, p: _Piece, priority: float, **kw) -> Item:
        """An item quoting ``p``: its whole sentence, with the speakers' own part marked (``own``) when the
        sentence also carries someone else's words."""
        self.used.add((p.para, p.start))
        text, start, own = p.text, p.start, None
        if p.sentence:
            start = p.sentence[0]
            text = self.t.text[p.para][start : p.sentence[1]]
            own = [p.start - start, p.end - start]
        names = [str(self.t.speaker.get(s, {}).get("name") or s) for s in p.speaker_ids]
        return Item(
            kind,
            text,
            [p.para],
            list(p.speaker_ids),
            [self.labels.get(s, s) for s in p.speaker_ids],
            start=start,
            own=own,
            priority=priority,
            named=all(n.split()[0] in text for n in names),
            **kw,
        )

    # -- sections ------------------------------------------------------------
    def section(self, key: str) -> Section:
        """An empty section ``key``, titled in the note's language."""
        empty = SECTION_EMPTY.get(key, N_("Nothing in the selection."))
        return Section(key, self.tr.gettext(SECTION_TITLES[key]), empty=self.tr.gettext(empty))

    def purpose(self) -> Section:
        sec = self.section("purpose")
        meetings = [self.meeting] if self.meeting else list(self.t.meetings)[:3]
        for m in meetings:
            first = [p for p in self.pieces if p.para == m.get("first_para")]
            if first:
                sec.items.append(self.item("purpose", first[0], _INF))
        if self.meeting:
            chair = [p for p in self.pieces if "chair" in p.kinds and (p.para, p.start) not in self.used]
            if chair:
                sec.items.append(self.item("purpose", chair[0], 200))
        if not sec.items:  # a report without meetings: its first attributed sentence
            if self.pieces:
                sec.items.append(self.item("purpose", self.pieces[0], _INF))
        return sec

    def key_messages(self) -> Section:
        sec = self.section("key_messages")
        firsts: dict[tuple, _Piece] = {}
        for p in self.pieces:
            if (
                p.key
                and p.key not in firsts
                and len(p.speaker_ids) >= 2
                and p.kinds <= set(_DELEGATION_KINDS)
                and self.selected(p)
            ):
                firsts[p.key] = p
        ranked = sorted(firsts.values(), key=lambda p: (-len(p.speaker_ids), p.para, p.start))[:4]
        for rank, p in enumerate(ranked):
            it = self.item(
                "key_message", p, 130 + len(p.speaker_ids) - 10 * rank - self._long(p), form=self.ask_form(p)
            )
            it.keep = rank < 2
            self.key_pieces.add(p.key)
            sec.items.append(it)
        return sec

    def briefers(self) -> Section:
        """Each briefer's first sentence, then more of what they said in proportion to it: about one item for
        every two paragraphs they spoke (their asks, listed under Asks, count), spread over their paragraphs."""
        sec = self.section("briefers")
        order: dict[str, list[_Piece]] = {}
        for p in self.pieces:
            if len(p.speaker_ids) == 1 and p.kinds == {"briefer"} and self.selected(p):
                order.setdefault(p.speaker_ids[0], []).append(p)
        for sid, ps in order.items():
            row = self.t.speaker.get(sid, {})
            label = _briefer_label(row, self.labels.get(sid, sid), self.tr, self.lang, self.text_lang)
            asks = [p for p in ps if self.ask_form(p)]
            free = [p for p in ps if not self.ask_form(p) and (p.para, p.start) not in self.used]
            if not free:
                continue
            firsts = [p for p in free if p.index == 0]
            head = firsts[0] if firsts else free[0]
            if head.words > 60:  # a long opening: the statement's shortest sentence of substance instead
                same = [p for p in free if p.key == head.key and p.words >= 8]
                head = min(same, key=lambda p: (p.words > 60, p.index)) if same else head
            paras = sorted({p.para for p in ps})
            share = max(1, round(len(paras) / 2)) - len(asks) - sum(len(self._parts_of(p)) for p in asks)
            # the first sentence of each other paragraph, evenly spread; figures first among neighbours
            others = [
                p
                for p in free
                if p.para != head.para and p.words <= 60 and (p.index == 0 or find_figures(p.text, self.text_lang))
            ]
            by_para: dict[int, _Piece] = {}
            for p in others:
                best = by_para.get(p.para)
                if best is None or (bool(find_figures(p.text, self.text_lang)), -p.index) > (
                    bool(find_figures(best.text, self.text_lang)),
                    -best.index,
                ):
                    by_para[p.para] = p
            pool = [by_para[k] for k in sorted(by_para)]
            n = max(0, min(share - 1, len(pool)))
            chosen = [head] + [pool[round(j * (len(pool) - 1) / max(1, n - 1))] for j in range(n)] if n else [head]
            chosen = sorted({(p.para, p.start): p for p in chosen}.values(), key=lambda p: (p.para, p.start))
            for p in chosen:
                rank = 0 if p is head else 1 + chosen.index(p)
                sec.items.append(
                    self.item(
                        "briefing",
                        p,
                        (125 if rank == 0 else 110 - 3 * rank) - self._long(p),
                        group=label,
                        keep=rank == 0,
                    )
                )
        return sec

    def _parts_of(self, p: _Piece) -> list:
        m = self._ENUM.search(p.text)
        return [0] * self._NUMBERS.get(m.group("n").lower(), 0) if m else []

    _NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}

    def asks(self) -> Section:
        sec = self.section("asks")
        ps = [p for p in self.pieces if p.key and self.selected(p)]
        found = []
        for i, p in enumerate(ps):
            form = self.ask_form(p)
            if not form or (p.para, p.start) in self.used and p.key not in self.key_pieces:
                continue
            kind = form_kind(form, self.text_lang)
            strong = 8 if kind in ("verb", "welcome") else 3 if kind == "necessity" else 5
            delegation = 10 if p.kinds & {"chair", "briefer"} else 4 if p.kinds <= set(_DELEGATION_KINDS) else 0
            named = 6 if addressee(p.text, self.text_lang) else 0  # who asks whom for what
            found.append((strong + delegation + named + min(len(p.speaker_ids), 6), i, p, form))
        per_speaker: dict[tuple, int] = {}
        for rank, (score, i, p, form) in enumerate(sorted(found, key=lambda x: (-x[0], x[2].para, x[2].start))):
            nth = per_speaker[tuple(p.speaker_ids)] = per_speaker.get(tuple(p.speaker_ids), -1) + 1
            prio = 112 + score - 8 * nth - self._long(p) / 2
            it = self.item(
                "ask",
                p,
                prio,
                form=form,
                addressee=addressee(p.text, self.text_lang),
                keep=nth == 0 and (rank < 5 or "briefer" in p.kinds),
            )  # a briefer's main ask stays
            self._enumeration(it, p)
            if it.parts:  # a request with its numbered areas: the brief's backbone
                it.priority += 10
                it.keep = True
            sec.items.append(it)
        sec.items.sort(key=lambda it: (it.paras[0], it.start))
        return sec

    _ENUM = re.compile(
        r"\b(?:in|on|of|to)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
        r"(?:\w+\s+){0,2}?(?P<noun>areas|points|priorities|ways|elements|steps|actions|proposals|"
        r"recommendations|pillars|issues|measures|fields|domains)\W*$",
        re.I,
    )

    def _enumeration(self, it: Item, p: _Piece) -> None:
        """An ask announcing "four areas" takes "The first area was ...", "The second area ..." as its parts."""
        m = self._ENUM.search(p.text)
        if not m:
            return
        noun = m.group("noun").lower().removesuffix("s").removesuffix("ie")
        rx = re.compile(
            rf"^(?:The|A|An)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            rf"next|last|final|other)\s+{noun}",
            re.I,
        )
        for q in self.pieces:
            if (q.para, q.start) <= (p.para, p.start) or q.speaker_ids != p.speaker_ids or not rx.match(q.text):
                continue
            if (q.para, q.start) in self.used or q.para > p.para + 6:
                continue
            it.parts.append({"para": q.para, "start": q.start, "text": q.text})
            self.used.add((q.para, q.start))
            if q.para not in it.paras:
                it.paras.append(q.para)

    def positions(self) -> Section:
        sec = self.section("positions")
        by_group: dict[tuple, list[_Piece]] = {}
        for p in self.pieces:
            if (
                p.key
                and p.kinds <= set(_DELEGATION_KINDS)
                and p.key not in self.key_pieces
                and self.selected(p)
                and (p.para, p.start) not in self.used
                and not self.ask_form(p)
            ):
                by_group.setdefault(p.key, []).append(p)
        chosen: list[tuple[str | None, _Piece]] = []
        for key, ps in by_group.items():

            def score(p: _Piece) -> tuple:
                hits = sum(n for th, n in p.themes.items() if not self.theme_ids or th in self.theme_ids)
                return (-(hits > 0), p.words > 70, -hits, p.index)

            best = min(ps, key=score)
            themes = {th: n for th, n in best.themes.items() if not self.theme_ids or th in self.theme_ids}
            theme = max(sorted(themes), key=lambda th: themes[th]) if themes else None
            chosen.append((theme, best))
        # themes in order of how many delegations raised them
        reach: dict[str | None, set] = {}
        for theme, p in chosen:
            reach.setdefault(theme, set()).update(p.speaker_ids)
        order = sorted(reach, key=lambda th: (th is None, -len(reach[th]), self.theme_label.get(th, "") or ""))
        for ti, theme in enumerate(order):
            ps = sorted((p for th, p in chosen if th == theme), key=lambda p: (-len(p.speaker_ids), p.para, p.start))
            title = self.theme_label.get(theme, theme) if theme else self.tr.gettext("Other points")
            for rank, p in enumerate(ps):
                prio = 104 + 2 * min(len(p.speaker_ids), 5) - 16 * rank - ti - self._long(p)
                sec.items.append(
                    self.item("position", p, prio, group=title, keep=False)
                )  # the asks go after; a speaker keeps one line
        return sec

    def figures(self) -> Section:
        sec = self.section("figures")
        found = []
        for p in self.pieces:
            if not self.selected(p) or (not p.key and self.speaker_ids):
                continue
            figs = find_figures(p.text, self.text_lang)
            if figs:
                found.append((min(FIGURE_KINDS.index(f["kind"]) for f in figs), p, figs))
        found.sort(key=lambda x: (x[0], x[1].para, x[1].start))
        base = dict(zip(range(len(FIGURE_KINDS)), (108, 100, 100, 100, 85, 70, 55)))
        for rank, (k, p, figs) in enumerate(found):
            figs = sorted(figs, key=lambda f: FIGURE_KINDS.index(f["kind"]))
            key = any(f["kind"] in KEY_FIGURE_KINDS for f in figs)
            sec.items.append(
                self.item(
                    "figure", p, base[k] + 20 * key - 6 * rank - self._long(p) / 2, figures=figs, keep=rank < 2 or key
                )
            )
        return sec

    def citations(self, sections: list[Section]) -> Section:
        sec = self.section("citations")
        cited = sorted({p for s in sections for i in s.items if i.kind != "to_fill" for p in i.paras})
        if cited:
            sec.items.append(
                Item(
                    "citation",
                    self.tr.gettext("Cite as: {citation}").format(citation=_cite(self.t.label, cited, self.lang)),
                    cited,
                )
            )
        said = sorted({p.para for p in self.pieces if p.key and self.selected(p)} - set(cited))
        if said:
            sec.items.append(
                Item(
                    "not_quoted",
                    self.tr.gettext("Statements not quoted in this note: {citation}").format(
                        citation=_cite(self.t.label, said, self.lang)
                    ),
                    said,
                )
            )
        cut = self.figures_not_quoted(sections)
        if cut:
            listed = semicolon(self.lang).join(f"{f['text']} {cite_paras([f['para']], self.lang)}" for f in cut)
            sec.items.append(
                Item(
                    "not_quoted",
                    self.tr.gettext("Figures not quoted in this note: {figures}").format(figures=listed),
                    sorted({f["para"] for f in cut}),
                    figures=[{"text": f["text"], "kind": f["kind"]} for f in cut],
                )
            )
        return sec

    def figures_not_quoted(self, sections: list[Section]) -> list[dict]:
        """The figures of :data:`KEY_FIGURE_KINDS` said in the selection that no quote of ``sections`` holds."""
        quoted = [(i.paras[0], i.shown) for s in sections for i in s.items if i.quote]
        out = []
        for p in self.pieces:
            if not p.key or not self.selected(p):
                continue
            for f in find_figures(p.text, self.text_lang):
                if f["kind"] in KEY_FIGURE_KINDS and not any(
                    para == p.para and f["text"] in text for para, text in quoted
                ):
                    out.append({"text": f["text"], "kind": f["kind"], "para": p.para})
        return out

    def uncovered(self, sections: list[Section]) -> list[str]:
        """The speakers of the selection no item of ``sections`` quotes, in order of first statement."""
        said = [
            sid
            for p in self.pieces
            if p.key and self.selected(p)
            for sid in p.speaker_ids
            if not self.speaker_ids or sid in self.speaker_ids
        ]
        seen = {sid for s in sections for i in s.items for sid in i.speaker_ids}
        return [sid for sid in dict.fromkeys(said) if sid not in seen]

    def cover(self, sections: list[Section]) -> None:
        """Give every speaker of the selection a line: a delegation left out so far gets its shortest sentence of
        substance under its theme (positions); a briefer, under Briefers."""
        by_key = {s.key: s for s in sections}
        for sid in self.uncovered(sections):
            ps = [p for p in self.pieces if sid in p.speaker_ids and p.key and self.selected(p)]
            ps = sorted(ps, key=lambda p: (len(p.speaker_ids) > 1, p.words < 8, p.words, p.para))
            if not ps:
                continue
            p = ps[0]
            if p.kinds == {"briefer"}:
                label = _briefer_label(
                    self.t.speaker.get(sid, {}), self.labels.get(sid, sid), self.tr, self.lang, self.text_lang
                )
                by_key["briefers"].items.append(self.item("briefing", p, 125, group=label, keep=True))
                by_key["briefers"].items.sort(key=lambda i: (i.group != label, i.paras[0]))
                continue
            theme = max(sorted(p.themes), key=lambda th: p.themes[th]) if p.themes else None
            title = self.theme_label.get(theme, theme) if theme else self.tr.gettext("Other points")
            sec = by_key["positions"]
            at = max((n + 1 for n, i in enumerate(sec.items) if i.group == title), default=len(sec.items))
            sec.items.insert(at, self.item("position", p, 104, group=title, keep=True))

    def to_fill(self) -> list[Section]:
        """The officer's sections (summary line, issues for the Council, points to make): a place for their own
        words; :meth:`Note.refresh` gives each the quotes that support it (:func:`_supports`)."""
        out = []
        for key, prompt in TO_FILL.items():
            sec = self.section(key)
            sec.items.append(Item("to_fill", self.tr.gettext(prompt), self.paras[:1] or [0]))
            out.append(sec)
        return out

    @staticmethod
    def _long(p: _Piece) -> float:
        return max(0, p.words - 45) / 3


def build_note(
    report: Any,
    meeting: str | None = None,
    themes: Iterable[str] | None = (),
    speakers: Iterable[str] | None = (),
    *,
    max_words: int | None = MAX_WORDS,
    lang: str | None = None,
) -> Note:
    """Build a briefing note from ``report``.

    Parameters
    ----------
    report : kit.Report or NoteTables
        A parsed report (pandas) or its tables as plain rows (the apps' report).
    meeting : str, optional
        A ``meeting_id`` (``"2021-04-13"``); default: every meeting of the report.
    themes : list of str, optional
        Theme ids or labels (``"covid19"``, ``"COVID-19 and health"``): keep the sentences that carry them.
    speakers : list of str, optional
        Speaker ids or names (``"MEX"``, ``"Mexico"``, ``"Menon"``, ``"UK"``): keep their statements.
    max_words : int, optional
        Words of Markdown per meeting (default :data:`MAX_WORDS`); ``None`` keeps every item.
    lang : str, optional
        The language of the note's headings, labels, dates and citations (``"fr"``; default: the process's
        language, :func:`kit.i18n.get_language`). Quotes stay verbatim in the report's language.

    Raises
    ------
    NoteError
        For a meeting, theme or speaker the report does not have.

    Examples
    --------
    >>> from kit import load_report
    >>> note = build_note(load_report(), meeting="2021-10-12", speakers=["Egypt"])
    >>> {i.kind for i in note.items} >= {"purpose", "ask"}
    True
    """
    t = note_tables(report)
    lang = normalize(lang)
    b = _Builder(t, meeting, themes or (), speakers or (), lang)
    purpose = b.purpose()
    sections = [purpose, *_quoted_sections(b, [purpose])]
    sections += b.to_fill()
    sections = sorted(sections, key=lambda s: list(SECTION_TITLES).index(s.key))
    meta = t.metadata
    m = b.meeting
    heading = {
        "body": meta.get("body") or (m or {}).get("body") or None,
        "meeting_id": m["meeting_id"] if m else None,
        "meeting_title": (m or {}).get("title") or None,
        "date": (_as_date(m.get("date")).isoformat() if m and _as_date(m.get("date")) else None),
        "dates": [d.isoformat() for mm in ([m] if m else t.meetings) if (d := _as_date(mm.get("date")))],
        "format": (m or {}).get("format") or None,
        "chair": (m or {}).get("chair") or meta.get("chair") or None,
        "document": meta.get("symbol") or None,
        "report_id": t.report_id,
        "report_title": meta.get("title") or None,
        "report_date": _as_date(meta.get("date")).isoformat() if _as_date(meta.get("date")) else None,
        "paras": [b.paras[0], b.paras[-1]] if b.paras else [],
    }
    subject = heading["meeting_title"] or heading["report_title"] or t.report_id
    if b.text_lang != lang and heading["date"]:  # a title in the note's language; the report's one under Subject
        title = b.tr.gettext("Briefing note: meeting of {date}").format(date=format_date(heading["date"], lang))
    else:
        if b.text_lang != lang and subject != t.report_id:  # the report's words, quoted in the note's language
            subject = b.tr.gettext("“{text}”").format(text=subject)
        title = b.tr.gettext("Briefing note: {subject}").format(subject=subject)
    filters = {
        "meeting": heading["meeting_id"],
        "themes": b.theme_ids,
        "speakers": b.speaker_ids,
        "theme_labels": [b.theme_label.get(x, x) for x in b.theme_ids],
        "speaker_labels": [b.labels.get(x, x) for x in b.speaker_ids],
    }
    limit = None
    if max_words:
        limit = max_words * (1 if m else max(1, len(t.meetings)))
    note = Note(title, heading, sections, filters, t.report_id, limit, lang, b.text_lang)
    note.refresh()
    note.sections.append(b.citations(note.sections))
    if limit and lang == CUT_LANG:
        _trim(note, b, limit)
    elif limit:  # the quotes the note keeps in the cut language, whatever the labels' language
        twin = build_note(report, meeting, themes, speakers, max_words=max_words, lang=CUT_LANG)
        kept = {(s.key, i.kind, i.key): i for s in twin.sections for i in s.items}
        for s in note.sections[:-1]:
            full = s.items
            s.items = [i for i in s.items if i.kind == "to_fill" or (s.key, i.kind, i.key) in kept]
            for i in s.items:  # an ask (or its parts) cut to one line there is cut to the same line here
                same = kept.get((s.key, i.kind, i.key))
                if same is not None and _briefable(i):
                    i.brief = list(same.brief) if same.brief else None
                    for part, twin_part in zip(i.parts, same.parts):
                        if twin_part.get("brief"):
                            part["brief"] = list(twin_part["brief"])
            _say_cut(s, full, b)
        note.refresh()
        note.sections[-1] = b.citations(note.sections[:-1])
    return note


def _quoted_sections(b: _Builder, before: Iterable[Section] = ()) -> list[Section]:
    """The sections that quote the selection (key messages, asks, briefers, positions, figures), every speaker
    of the selection given a line (in these sections or in ``before``, the purpose: what it quotes is not quoted
    again)."""
    sections = [b.key_messages(), b.asks(), b.briefers(), b.positions(), b.figures()]
    b.cover([*before, *sections])
    return sections


def markdown_lines_of(item: Item, cache: dict, lang: str = "en") -> list[str]:
    from .note_render import item_markdown

    return item_markdown(item, cache, lang)


def _say_cut(section: Section, full: list[Item], b: _Builder) -> None:
    """An emptied section says it was cut, not that the meeting had nothing of the kind."""
    empty = SECTION_EMPTY.get(section.key, N_("Nothing in the selection."))
    cut = N_("Cut to fit two pages: see the statements not quoted, under Citations.")
    section.empty = b.tr.gettext(cut if full and not section.items else empty)


#: Words of the one-line excerpt an ask is cut to when its whole sentence does not fit (:func:`brief_span`).
BRIEF_WORDS = 16


def brief_span(
    text: str, lo: int = 0, hi: int | None = None, anchor: str | None = None, words: int = BRIEF_WORDS
) -> list[int]:
    """The ``[start, end]`` of a one-line verbatim excerpt of ``text[lo:hi]``: about ``words`` words, from the
    start of the span, or from a few words before ``anchor`` (an ask's form) when it comes later.

    The note shows an ask cut to this line rather than leaving it out (an ask is never cut to nothing).

    >>> t = "The representative of India said that, in that regard, it was important to call on host States to act."
    >>> a, b = brief_span(t, anchor="call on", words=8)
    >>> t[a:b]
    'it was important to call on host States'
    >>> brief_span("Short enough.")
    [0, 13]
    """
    hi = len(text) if hi is None else hi
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[lo:hi])]
    spans = [(lo + a, lo + b) for a, b in spans]
    if len(spans) <= words:
        return [lo, hi]
    first = 0
    at = text.find(anchor, lo, hi) if anchor else -1
    if at >= 0:
        n = sum(1 for a, _ in spans if a < at)  # the form's first word, and the word after it
        m = sum(1 for a, _ in spans if a < at + len(anchor or ""))
        if m > words:  # the form comes late: start four words before it, the whole form in the line
            first = max(m - words, min(max(0, n - 4), len(spans) - words))
    last = min(len(spans), first + words) - 1
    end = spans[last][1]
    while end > spans[first][0] and text[end - 1] in ",;:–—-":
        end -= 1
    return [spans[first][0], end]


def _briefable(item: Item) -> bool:
    """An ask, or a key figure (:data:`KEY_FIGURE_KINDS`): cut to one line, never to nothing."""
    return item.kind == "ask" or item.kind == "figure" and any(f["kind"] in KEY_FIGURE_KINDS for f in item.figures)


def _brief(item: Item) -> None:
    """Cut an ask (and its parts) or a key figure to one line each: a verbatim excerpt around the ask's form or the
    figure, the whole sentence kept in ``text``."""
    lo, hi = item.own or (0, len(item.text))
    key = [f["text"] for f in item.figures if f["kind"] in KEY_FIGURE_KINDS]
    item.brief = brief_span(item.text, lo, hi, item.form if item.kind == "ask" else (key or [None])[0])
    for part in item.parts:
        part["brief"] = brief_span(part["text"])


def _unbrief(item: Item) -> None:
    item.brief = None
    for part in item.parts:
        part.pop("brief", None)


def _trim(note: Note, b: _Builder, limit: int) -> None:
    """Fit the Markdown into ``limit`` words: drop the least important items (those marked ``keep`` last),
    then put back, most important first, any dropped item that still fits. Refresh the citations.

    An ask or a key figure is never dropped: where another item would go, it is cut to a one-line excerpt
    (:func:`brief_span`), and put back whole if it fits at the end. An ask that names whom it asks
    (``addressee``) is not cut while a delegation's position stays.
    """
    body = note.sections[:-1]
    full = {s.key: list(s.items) for s in body}
    dropped: set[int] = set()
    cache: dict = {}
    # a speaker may be cut to one line, never to nothing: how many kept items quote each speaker
    lines: dict[str, int] = {}
    for s in body:
        for i in s.items:
            for sid in i.speaker_ids:
                lines[sid] = lines.get(sid, 0) + 1

    def apply() -> int:
        for s in body:
            s.items = [i for i in full[s.key] if id(i) not in dropped or _briefable(i)]
            _say_cut(s, full[s.key], b)
        note.refresh()
        note.sections[-1] = b.citations(body)
        return note.words(cache)

    def drop(item: Item) -> bool:
        if _briefable(item):  # cut to one line, never to nothing
            if item.brief:
                return False
            _brief(item)
            dropped.add(id(item))
            return True
        if any(lines.get(sid, 0) <= 1 for sid in item.speaker_ids):
            return False
        dropped.add(id(item))
        for sid in item.speaker_ids:
            lines[sid] -= 1
        return True

    def restore(item: Item) -> None:
        dropped.discard(id(item))
        if _briefable(item):
            _unbrief(item)
            return
        for sid in item.speaker_ids:
            lines[sid] += 1

    def size(item: Item) -> int:
        return sum(len(line.split()) for line in markdown_lines_of(item, cache, note.lang))

    order = sorted(
        (i for s in body for i in full[s.key] if i.priority != _INF), key=lambda i: (i.keep, i.priority, -len(i.text))
    )
    # who asks whom for what before a plain position: an ask that names its addressee goes only once every
    # position has gone (and no position comes back while such an ask is out)
    addressed = [i for i in order if i.kind == "ask" and i.addressee]
    last_position = max((n for n, i in enumerate(order) if i.kind == "position"), default=-1)
    moved = {id(i) for i in addressed if order.index(i) < last_position}
    order = (
        [i for i in order[: last_position + 1] if id(i) not in moved]
        + [i for i in addressed if id(i) in moved]
        + order[last_position + 1 :]
    )
    words = note.words(cache)
    if words > limit:  # a request's numbered areas first go to one line each: the request itself stays whole
        for item in full.get("asks", []):
            for part in item.parts:
                part["brief"] = brief_span(part["text"])
        words = note.words(cache)
    estimate = words
    for item in order:  # drop by each item's own words, then check the real count
        if estimate <= limit:
            words = apply()
            if words <= limit:
                break
            estimate = words
        before = size(item)
        if drop(item):
            estimate -= before - (size(item) if _briefable(item) else 0)
    words = apply()
    for item in sorted((i for i in order if id(i) in dropped), key=lambda i: (-i.keep, -i.priority)):
        if item.kind == "position" and any(id(a) in dropped for a in addressed):
            continue
        if _briefable(item):  # what putting the whole sentence back adds to the one line
            short = size(item)
            _unbrief(item)
            extra = size(item) - short
            _brief(item)
        else:
            extra = size(item)
        if extra > limit - words:
            continue  # cannot fit
        restore(item)
        words = apply()
        if words > limit:
            drop(item)
            words = apply()
