"""A briefing note a briefer can paste: positions by delegation, key figures, open asks -- every line cited.

Every line of the note quotes one sentence of the report verbatim and ends with
its paragraph number, ``(para. 27)``, so the reader can check it. Nothing is
paraphrased.

* **Positions by delegation**: for each speaker (delegations first, then
  briefers and the Chair), the key sentence of each statement -- the sentence
  in which the report attributes it.
* **Key figures**: sentences that quote numbers of casualties, personnel,
  money or percentages (dates, years and document numbers do not count).
* **Open asks**: statements whose reporting verb asks something (called for,
  requested, urged, recommended, appealed for ...; see
  :data:`kit.teaching.ASK_LEMMAS`) and sentences with "should" / "need to".

Examples
--------
>>> from kit import load_report
>>> note = build_note(load_report(), meeting="2021-04-13", speakers=["Mexico"])
>>> print(note.to_markdown().splitlines()[0])
# Briefing note: Report on the activities of the Security Council Working Group on Peacekeeping Operations for the period from 1 January to 31 December 2021
>>> [line.paras for line in note.section("Open asks").lines]
[[27], [32], [33]]
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pandas as pd

from ..errors import ReportError
from ..sentences import sentence_spans
from . import ASK_LEMMAS

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["Note", "Section", "Group", "Line", "build_note", "NoteError", "figure_kind", "cite_paras"]


class NoteError(ReportError, ValueError):
    """A filter that matches nothing in the report (unknown meeting, theme or speaker)."""


# ---------------------------------------------------------------------------
# model

def cite_paras(paras: Iterable[int]) -> str:
    """``(para. 27)`` / ``(paras. 26, 27)``."""
    ps = sorted({int(p) for p in paras})
    return f"(para{'s' if len(ps) > 1 else ''}. {', '.join(str(p) for p in ps)})"


@dataclass
class Line:
    """One cited line: ``label`` (who / what kind), ``text`` (verbatim from the report), ``paras``."""

    text: str
    paras: list[int]
    label: str | None = None

    def plain(self) -> str:
        head = f"{self.label}: " if self.label else ""
        return f"{head}{self.text} {cite_paras(self.paras)}"


@dataclass
class Group:
    title: str | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class Section:
    title: str
    groups: list[Group] = field(default_factory=list)
    empty: str = "Nothing in the selection."

    @property
    def lines(self) -> list[Line]:
        return [line for g in self.groups for line in g.lines]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Escape markdown syntax (and raw HTML) in report text."""
    return _MD_SPECIAL.sub(r"\\\1", text)


@dataclass
class Note:
    """A briefing note; render with :meth:`to_markdown`, :meth:`to_html`, :meth:`to_docx`."""

    title: str
    header: list[str]
    sections: list[Section]
    report_date: date | None = None

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)

    @property
    def lines(self) -> list[Line]:
        """Every cited line, in order."""
        return [line for s in self.sections for line in s.lines]

    def plain_lines(self) -> list[str]:
        """The note as plain text, one entry per paragraph of the Word file (headings included)."""
        out = [f"Briefing note: {self.title}", *self.header]
        for s in self.sections:
            out.append(s.title)
            if not s.lines:
                out.append(s.empty)
            for g in s.groups:
                if g.title:
                    out.append(g.title)
                out.extend(line.plain() for line in g.lines)
        return out

    # -- renderers ---------------------------------------------------------
    def to_markdown(self) -> str:
        out = [f"# Briefing note: {_md(self.title)}", ""]
        out += [f"{_md(h)}  " for h in self.header]
        for s in self.sections:
            out += ["", f"## {_md(s.title)}", ""]
            if not s.lines:
                out.append(f"_{_md(s.empty)}_")
            for g in s.groups:
                if g.title:
                    out += ([] if out[-1] == "" else [""]) + [f"### {_md(g.title)}", ""]
                for line in g.lines:
                    head = f"**{_md(line.label)}**: " if line.label else ""
                    out.append(f"- {head}{_md(line.text)} {cite_paras(line.paras)}")
        return "\n".join(out).rstrip() + "\n"

    def to_html(self, *, standalone: bool = True) -> str:
        e = html.escape
        body = [f"<h1>Briefing note: {e(self.title)}</h1>", '<p class="meta">' + "<br>".join(e(h) for h in self.header)
                + "</p>"]
        for s in self.sections:
            body.append(f"<h2>{e(s.title)}</h2>")
            if not s.lines:
                body.append(f'<p class="empty"><em>{e(s.empty)}</em></p>')
            for g in s.groups:
                if g.title:
                    body.append(f"<h3>{e(g.title)}</h3>")
                if g.lines:
                    body.append("<ul>")
                    for line in g.lines:
                        head = f"<strong>{e(line.label)}</strong>: " if line.label else ""
                        body.append(f'<li>{head}{e(line.text)} <span class="cite">{e(cite_paras(line.paras))}</span></li>')
                    body.append("</ul>")
        inner = "\n".join(body)
        if not standalone:
            return f'<div class="briefing-note">\n{inner}\n</div>'
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<title>Briefing note: {e(self.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
                f"{inner}\n</body>\n</html>\n")

    def to_docx(self, path: str | Path | io.IOBase) -> None:
        """Write a Word file (python-docx). Same bytes for the same note (fixed timestamps)."""
        from docx import Document

        doc = Document()
        stamp = datetime.combine(self.report_date or date(2000, 1, 1), datetime.min.time())
        props = doc.core_properties
        props.title = f"Briefing note: {self.title}"[:255]
        props.author = "Peacekeeping Briefing Kit"
        props.last_modified_by = "Peacekeeping Briefing Kit"
        props.created = props.modified = stamp
        props.revision = 1
        doc.add_heading(f"Briefing note: {self.title}", level=1)
        for h in self.header:
            doc.add_paragraph(h)
        for s in self.sections:
            doc.add_heading(s.title, level=2)
            if not s.lines:
                doc.add_paragraph().add_run(s.empty).italic = True
            for g in s.groups:
                if g.title:
                    doc.add_heading(g.title, level=3)
                for line in g.lines:
                    p = doc.add_paragraph(style="List Bullet")
                    if line.label:
                        p.add_run(f"{line.label}: ").bold = True
                    p.add_run(f"{line.text} ")
                    p.add_run(cite_paras(line.paras)).italic = True
        buf = io.BytesIO()
        doc.save(buf)
        data = _fixed_zip(buf.getvalue(), stamp)
        if isinstance(path, (str, Path)):
            Path(path).write_bytes(data)
        else:
            path.write(data)

    def docx_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.to_docx(buf)
        return buf.getvalue()


def _fixed_zip(data: bytes, stamp: datetime) -> bytes:
    """Re-pack a zip with fixed entry timestamps, so the file is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


_CSS = ("body{font-family:Georgia,serif;max-width:48em;margin:2em auto;line-height:1.45;color:#111}"
        "h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #999;margin-top:1.6em}"
        "h3{font-size:1em;margin-bottom:.2em}.meta{color:#444}.cite{color:#555;white-space:nowrap}"
        "li{margin:.25em 0}")


# ---------------------------------------------------------------------------
# reading the report

_NUMBER_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                 "hundred|hundreds|thousand|thousands|dozens?")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOT_FIGURES = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?"          # dates
    rf"|\b(?:{_MONTHS})\s+\d{{4}}"                            # month year
    r"|\b\d{1,4}\s*\(\d{4}\)"                                 # resolution 2518 (2020)
    r"|\b[A-Z]+/[\w./]+"                                      # document symbols
    r"|\b\d{1,3}/\d{1,4}\b"                                   # GA resolution numbers
    r"|COVID-19|C4ISR|level-I+\b|\bG\d+\b"
    r"|\b(?:19|20)\d\d(?:s)?\b"                               # years
    r"|\b\d+(?:st|nd|rd|th)\b")
_FIGURE = re.compile(
    r"(?:US)?\$\s?\d|\d[\d,.]*\s*(?:%|per\s?cent\b|million|billion)|\d"
    rf"|\b(?:{_NUMBER_WORDS})\s+(?:of\s+the\s+\w+|out\s+of\s+\w+)"
    rf"|\b(?:{_NUMBER_WORDS})\s+(?:[a-z-]+\s+)?(?:peacekeepers|personnel|individuals|soldiers|officers|troops|"
    r"women|men|civilians|fatalities|deaths|casualties|victims|heads|advisers|units|contingents|police)\b"
    r"|\bper\s?cent\b", re.I)
_KINDS = [
    ("casualties", re.compile(r"fatalit|casualt|killed|killing|deaths?\b|died|injur|lost their lives|been lost|"
                              r"loss of", re.I)),
    ("money", re.compile(r"\$|dollar|million|billion|budget|funding|extrabudgetary", re.I)),
    ("percentage", re.compile(r"%|\bper\s?cent\b", re.I)),
    ("personnel", re.compile(r"personnel|peacekeepers|troops|soldiers|officers|police|advisers|focal points|women|"
                             r"individuals|heads|staff", re.I)),
]


def figure_kind(sentence: str) -> str | None:
    """``"casualties"``, ``"money"``, ``"percentage"``, ``"personnel"`` or ``"figure"`` when the sentence
    quotes a number; ``None`` when it only has dates, years or document numbers.

    >>> figure_kind("The representative of Mexico said that 104 personnel had died in 2020.")
    'casualties'
    >>> figure_kind("On 13 April 2021, the Working Group met on resolution 2518 (2020).") is None
    True
    """
    masked = _NOT_FIGURES.sub(" ", sentence)
    if not _FIGURE.search(masked):
        return None
    for kind, rx in _KINDS:
        if rx.search(sentence):
            return kind
    return "figure"


_SHOULD = re.compile(r"\b(?:should|needs?\s+to|needed\s+to)\b", re.I)
_ADDRESSEE = re.compile(r"(?:^|\bthat\s+|,\s+|;\s+)(?P<who>(?:the\s+|The\s+)?[A-Z][\w'’-]*(?:\s+(?:and|of|the|[A-Z][\w'’-]*|"
                        r"troop-|police-contributing|contributing|countries|States|Council))*)\s+should\b")


def _sentences(text: str) -> list[tuple[int, int]]:
    return sentence_spans(text) or [(0, len(text))]


def _key_sentence(text: str, start: int) -> tuple[int, int]:
    """From the statement's start to the end of the sentence it starts in."""
    for s, e in _sentences(text):
        if s <= start < e:
            return start, e
    return start, len(text)


def _resolve_speakers(report: "Report", speakers: Iterable[str]) -> list[str]:
    table: dict[str, str] = {}
    for row in report.speakers.itertuples():
        for n in (row.speaker_id, row.name, row.country_iso3):
            if isinstance(n, str):
                table.setdefault(n.casefold(), row.speaker_id)
        if isinstance(row.name, str):
            if " of " in row.name and row.kind in ("member_state", "observer_state"):
                table.setdefault(row.name.split(" of ")[0].casefold(), row.speaker_id)
            if row.speaker_id.startswith("person:"):
                table.setdefault(row.name.split()[-1].casefold(), row.speaker_id)
    out = []
    for s in speakers:
        key = str(s).strip().casefold().removeprefix("the ")
        sid = table.get(key)
        if sid is None:
            hits = sorted({v for k, v in table.items() if key and key in k})
            if len(hits) == 1:
                sid = hits[0]
        if sid is None:
            known = ", ".join(sorted(report.speakers["speaker_id"]))
            raise NoteError(f"unknown speaker {s!r}; known speakers: {known}")
        out.append(sid)
    return list(dict.fromkeys(out))


def _speaker_label(report: "Report") -> dict[str, str]:
    labels = {}
    for row in report.speakers.itertuples():
        name = row.name
        if row.kind == "chair":
            name = f"{row.name} (Chair)"
        elif row.kind == "briefer" and isinstance(row.title, str):
            org = f", {row.organization}" if isinstance(row.organization, str) else ""
            name = f"{row.name} ({row.title}{org})"
        labels[row.speaker_id] = name
    return labels


def _fmt_date(d) -> str:
    if d is None or (not isinstance(d, (date, datetime, pd.Timestamp))) or pd.isna(d):
        return ""
    return f"{d.day} {d:%B %Y}"


def build_note(report: "Report", meeting: str | None = None, themes: list[str] | None = None,
               speakers: list[str] | None = None) -> Note:
    """Build a briefing note from ``report``.

    Parameters
    ----------
    meeting : str, optional
        A ``meeting_id`` (``"2021-04-13"``); default: the whole report.
    themes : list of str, optional
        Theme ids or labels (``"covid19"``, ``"COVID-19"``): keep statements and
        sentences tagged with any of them.
    speakers : list of str, optional
        Speaker ids or names (``"MEX"``, ``"Mexico"``, ``"Menon"``): keep their statements.
        Key figures and "should" sentences are then taken from those speakers' statements only.

    Raises
    ------
    NoteError
        For a meeting, theme or speaker the report does not have.
    """
    st = report.statements.copy()
    paras = report.paragraphs
    if meeting:
        if meeting not in set(report.meetings["meeting_id"]):
            raise NoteError(f"unknown meeting {meeting!r}; meetings: {', '.join(report.meetings['meeting_id'])}")
        paras = paras[paras["meeting_id"] == meeting]
        st = st[st["meeting_id"] == meeting]
    theme_ids: list[str] = []
    if themes:
        known = {}
        for row in report.themes[["theme", "label"]].drop_duplicates().itertuples():
            known[row.theme.casefold()] = row.theme
            known[str(row.label).casefold()] = row.theme
        for t in themes:
            tid = known.get(str(t).strip().casefold())
            if tid is None:
                raise NoteError(f"unknown theme {t!r}; themes: {', '.join(sorted(set(report.themes['theme'])))}")
            theme_ids.append(tid)
    speaker_ids = _resolve_speakers(report, speakers) if speakers else []
    if speaker_ids:
        st = st[st["speaker_id"].isin(speaker_ids)]

    tagged = report.themes[report.themes["theme"].isin(theme_ids)] if theme_ids else report.themes
    texts = dict(zip(report.paragraphs["para"], report.paragraphs["text"]))

    theme_terms = _theme_terms(report, theme_ids)

    def sentence_has_theme(sentence: str) -> bool:
        low = sentence.lower()
        return any(rx.search(low) for rx in theme_terms)

    # -- statements: key sentence of each, with theme filter on the statement
    if theme_ids:
        st_theme_ids = set(tagged["statement_id"].dropna())
        st = st[st["statement_id"].isin(st_theme_ids)]
    st = st.sort_values(["para", "start"], kind="stable")
    labels = _speaker_label(report)

    positions = Section("Positions by delegation")
    order = {"member_state": 0, "observer_state": 1, "organization": 2, "other": 3, "briefer": 4, "chair": 5}
    kinds = dict(zip(report.speakers["speaker_id"], report.speakers["kind"]))
    first_seen = {sid: i for i, sid in enumerate(dict.fromkeys(st["speaker_id"]))}
    for sid in sorted(first_seen, key=lambda s: (order.get(kinds.get(s, "other"), 3), labels.get(s, s))):
        rows = st[st["speaker_id"] == sid]
        group = Group(labels.get(sid, sid))
        seen = set()
        for row in rows.itertuples():
            text = texts[row.para]
            s, e = _key_sentence(text, int(row.start))
            sentence = text[s:e].strip()
            if (row.para, sentence) in seen or not sentence:
                continue
            seen.add((row.para, sentence))
            group.lines.append(Line(sentence, [int(row.para)]))
        if group.lines:
            positions.groups.append(group)

    # -- key figures and "should" sentences: in the selected paragraphs (or statements, with speakers)
    spans: list[tuple[int, int, int, str | None]] = []  # para, start, end, speaker label
    if speaker_ids:
        for row in st.itertuples():
            spans.append((int(row.para), int(row.start), int(row.end), None))
    else:
        for p in paras.itertuples():
            spans.append((int(p.para), 0, len(p.text), None))
    figures = Group(None)
    seen_fig: set[tuple[int, int]] = set()
    should_lines: list[tuple[int, int, Line]] = []
    for para, a, b, _ in spans:
        text = texts[para]
        for s, e in _sentences(text):
            if e <= a or s >= b or (para, s) in seen_fig:
                continue
            seen_fig.add((para, s))
            sentence = text[s:e].strip()
            if theme_ids and not sentence_has_theme(sentence):
                continue
            kind = figure_kind(sentence)
            if kind:
                figures.lines.append(Line(sentence, [para], kind))
            if _SHOULD.search(sentence):
                should_lines.append((para, s, Line(sentence, [para], _should_label(sentence, para, s, report))))
    key_figures = Section("Key figures", [figures] if figures.lines else [])

    # -- asks: statements with an asking verb (joint statements once, all co-speakers named)
    ask_rows = st[st["lemma"].isin(ASK_LEMMAS)]
    asks: list[tuple[int, int, Line]] = []
    seen_ask: set[tuple[int, str]] = set()
    for (para, group_id), rows in ask_rows.groupby(["para", "group"], sort=False):
        first = rows.iloc[0]
        text = texts[int(para)]
        s, e = _key_sentence(text, int(first["start"]))
        sentence = text[s:e].strip()
        # joint statements: all co-speakers, even those filtered out
        everyone = report.statements[(report.statements["para"] == para) & (report.statements["group"] == group_id)]
        who = ", ".join(dict.fromkeys(labels.get(x, x) for x in everyone["speaker_id"]))
        seen_ask.add((int(para), sentence))
        asks.append((int(para), s, Line(sentence, [int(para)], f"{who} ({first['verb']})")))
    for para, s, line in should_lines:
        if (para, line.text) in seen_ask or any(line.text in a.text and para == p for p, _, a in asks):
            continue
        asks.append((para, s, line))
    asks.sort(key=lambda x: (x[0], x[1]))
    open_asks = Section("Open asks", [Group(None, [a for _, _, a in asks])] if asks else [])

    # -- header
    meta = report.metadata
    title = meta.get("title") or report.report_id
    sym = meta.get("symbol")
    header = [" · ".join(x for x in (sym or "", _fmt_date(meta.get("date"))) if x) or report.report_id]
    if meeting:
        m = report.meetings[report.meetings["meeting_id"] == meeting].iloc[0]
        fmt = m["format"] if isinstance(m["format"], str) else None
        extra = "; ".join(x for x in (fmt, f"chaired by {m['chair']}" if isinstance(m["chair"], str) else None) if x)
        header.append(f"Meeting of {_fmt_date(m['date'])}: {m['title']}" + (f" ({extra})" if extra else "")
                      + f", paras. {m['first_para']}-{m['last_para']}")
    else:
        header.append("All meetings of the report")
    if theme_ids:
        tl = dict(zip(report.themes["theme"], report.themes["label"]))
        header.append("Themes: " + ", ".join(str(tl.get(t, t)) for t in dict.fromkeys(theme_ids)))
    if speaker_ids:
        header.append("Speakers: " + ", ".join(labels.get(s, s) for s in speaker_ids))
    header.append(f"Every line quotes the report verbatim; cite as \"{report.cite(1).rsplit(',', 1)[0]}, para. N\".")
    rdate = meta.get("date") if isinstance(meta.get("date"), date) else None
    return Note(title, header, [positions, key_figures, open_asks], rdate)


def _theme_terms(report: "Report", theme_ids: list[str]) -> list[re.Pattern]:
    """The theme terms the report's tagger found for these themes (as lower-case surfaces)."""
    terms = set()
    for t in report.themes.loc[report.themes["theme"].isin(theme_ids), "terms"].dropna():
        terms.update(x.strip() for x in str(t).split(";") if x.strip())
    return [re.compile(rf"(?<![\w-]){re.escape(t)}(?![\w])") for t in sorted(terms)]


def _should_label(sentence: str, para: int, start: int, report: "Report") -> str:
    """``"Asks of: Member States and the Secretariat"`` when the sentence names who should act."""
    st = report.statements[(report.statements["para"] == para) & (report.statements["start"] <= start)
                           & (report.statements["end"] > start)]
    who = ", ".join(dict.fromkeys(st["speaker"].dropna())) if len(st) else ""
    m = _ADDRESSEE.search(sentence)
    addressee = m.group("who").strip() if m else None
    if addressee and addressee.split()[0].lower() in {"it", "they", "he", "she", "there", "this", "that"}:
        addressee = None
    parts = []
    if who:
        parts.append(who)
    if addressee:
        parts.append(f"asks of {addressee}")
    return " — ".join(parts) if parts else "should / need to"
