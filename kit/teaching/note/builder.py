"""The state a note is built on: :class:`Builder`, the report's tables with the reader's selection.

One job: hold what the sections share (the tables, the meeting, themes and speakers chosen, the pieces of the
selected paragraphs, the sentences already quoted, the labels in the note's language) and make the items and the
sections that are not quotes: the empty sections, the Citations and the officer's sections to complete.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.note.tables import note_tables
>>> b = Builder(note_tables(load_report()), "2021-04-13", ["poc"], ["Mexico"], "fr")
>>> b.meeting["meeting_id"], b.theme_ids, b.speaker_ids
('2021-04-13', ['poc'], ['MEX'])
>>> b.section("asks").title
'Demandes et recommandations'
"""

from __future__ import annotations

from collections.abc import Iterable

from ...citation import cite, cite_paras
from ...i18n import N_, semicolon, translator
from ..asks import ask_form
from ..figures import find_figures
from ..speakers import SpeakerNames, display_names
from .model import Item, NoteError, NoteTables, Section
from .outline import KEY_FIGURE_KINDS, SECTION_EMPTY, SECTION_TITLES, TO_FILL
from .pieces import Piece, find_pieces
from .tables import report_lang, theme_labels, theme_names

__all__ = ["Builder"]


class Builder:
    """What every section of a note reads and shares: the tables, the selection, the pieces and what is quoted.

    Built once per note (per document for a note across documents): the filters are resolved (a kit error for a
    meeting, theme or speaker the report does not have), the selected paragraphs cut into pieces
    (:func:`~kit.teaching.note.pieces.find_pieces`); the sections (:mod:`kit.teaching.note.sections`) then
    quote pieces through :meth:`item`, which records what is used so that no sentence is quoted twice.
    """

    def __init__(
        self, t: NoteTables, meeting: str | None, themes: Iterable[str], speakers: Iterable[str], lang: str = "en"
    ):
        self.t = t
        self.lang = lang
        self.text_lang = report_lang(t)  # the language of the quotes (asks and figures read it)
        self.tr = translator(lang)
        self.labels = display_names(t.speakers, lang)
        self.kind_of = {s["speaker_id"]: s.get("kind") or "other" for s in t.speakers}
        self.meeting = self._meeting(meeting)
        self.theme_ids = self._themes(themes)
        self.speaker_ids = self._speakers(speakers)
        self.theme_label = theme_labels(lang)
        for row in t.themes:
            self.theme_label.setdefault(row["theme"], row.get("label") or row["theme"])
        if self.meeting:
            self.paras = [p["para"] for p in t.paragraphs if p.get("meeting_id") == self.meeting["meeting_id"]]
        else:
            self.paras = [p["para"] for p in t.paragraphs]
        self.used: set[tuple[int, int]] = set()  # (para, start) of the pieces quoted so far
        self.key_pieces: set[tuple] = set()  # statement groups quoted as key messages
        self.pieces = find_pieces(t, self.paras, self.kind_of)

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

    def selected(self, p: Piece) -> bool:
        """In the theme and speaker selection."""
        if self.speaker_ids and not set(p.speaker_ids) & set(self.speaker_ids):
            return False
        if self.theme_ids and not set(p.themes) & set(self.theme_ids):
            return False
        return True

    def ask_form(self, p: Piece) -> str | None:
        """The ask form of a piece, read in the report's language with its statement's verb and lemma."""
        return ask_form(p.text, p.verb, self.text_lang, p.lemma)

    def item(self, kind: str, p: Piece, priority: float, **kw) -> Item:
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

    def section(self, key: str) -> Section:
        """An empty section ``key``, titled in the note's language."""
        empty = SECTION_EMPTY.get(key, N_("Nothing in the selection."))
        return Section(key, self.tr.gettext(SECTION_TITLES[key]), empty=self.tr.gettext(empty))

    def citations(self, sections: list[Section]) -> Section:
        sec = self.section("citations")
        cited = sorted({p for s in sections for i in s.items if i.kind != "to_fill" for p in i.paras})
        if cited:
            sec.items.append(
                Item(
                    "citation",
                    self.tr.gettext("Cite as: {citation}").format(citation=cite(self.t.label, cited, self.lang)),
                    cited,
                )
            )
        said = sorted({p.para for p in self.pieces if p.key and self.selected(p)} - set(cited))
        if said:
            sec.items.append(
                Item(
                    "not_quoted",
                    self.tr.gettext("Statements not quoted in this note: {citation}").format(
                        citation=cite(self.t.label, said, self.lang)
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

    def to_fill(self) -> list[Section]:
        """The officer's sections (summary line, issues for the Council, points to make): a place for their own
        words; :meth:`~kit.teaching.note.model.Note.refresh` gives each the quotes that support it."""
        out = []
        for key, prompt in TO_FILL.items():
            sec = self.section(key)
            sec.items.append(Item("to_fill", self.tr.gettext(prompt), self.paras[:1] or [0]))
            out.append(sec)
        return out
