"""A printable handout for participants without a laptop, generated from the report's tables.

Page 1: the meetings, who spoke most, the missions named. Then, starting on a new
page, questions to answer by looking up numbered paragraphs in the printed
report, each with ruled lines to write on; last, on its own page, the answer
key. It prints on A4 (``@page { size: A4 }``).

The page is an autoescaping Jinja2 template (``templates/handout.html.j2``) with
its stylesheet (``templates/handout.css``), both package data: report text is
escaped wherever it appears. Write one with ``kit handout --out handout.html``, or::

    from kit import load_report
    from kit.teaching.handout import write_handout
    write_handout(load_report(), "handout.html")   # then print it from the browser

Examples
--------
>>> from kit import load_report
>>> page = build_handout(load_report())
>>> page.count('class="answers"'), "Answer key" in page
(1, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Callable

import pandas as pd
from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from . import ASK_LEMMAS
from .asks import addressee, ask_form, form_kind
from .briefing import figure_kind
from ..citation import cite, paragraphs
from ..display import format_date, meeting_format, speaker_names
from ..i18n import N_, colon, format_number, normalize, translator
from ..paths import TEACHING_TEMPLATES_DIR
from ..language import language
from ..sentences import key_sentence, sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["QUESTIONS", "Question", "build_handout", "mission_acronym", "questions", "write_handout"]


@lru_cache(maxsize=4)
def _template(lang: str = "en"):
    folder = TEACHING_TEMPLATES_DIR
    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        lstrip_blocks=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translator(lang), newstyle=True)
    return env.from_string((folder / "handout.html.j2").read_text(encoding="utf-8")), (
        folder / "handout.css"
    ).read_text(encoding="utf-8")


def _text(x) -> str:
    return "" if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x)


def _sentence(text: str, row) -> str:
    """The sentence in which the report attributes the statement ``row``, cut to it."""
    s, e = key_sentence(text, int(row["start"]), int(row["end"]))
    return text[s:e]


@dataclass
class _Page:
    """What every question of the handout reads: the report, the handout's language and the report's."""

    r: "Report"
    lang: str
    tr: Any
    texts: dict
    text_lang: str  # the report's language: figures and asks are read in it

    def _(self, message: str) -> str:
        return self.tr.gettext(message)

    def who(self, para: int, start: int) -> str:
        """Whose words the sentence at ``start`` of ``para`` reports ("the representative of Mexico"), or "the
        report itself" for the report's own narrative: every answer key names it."""
        return _who_said(self.r, para, start, self.lang) or self._("the report itself (no speaker)")

    def quote(self, para: int, start: int, sentence: str) -> str:
        return f"{self.who(para, start)}{colon(self.lang)} {_quoted(sentence.strip(), self.lang)}"


@dataclass(frozen=True)
class Question:
    """One kind of handout question: ``ask(page)`` gives zero or more ``{"question", "paras", "answer"}`` dicts."""

    id: str
    ask: Callable[[_Page], list[dict]]


#: The handout's questions, in the order they are printed; a new kind of question is one more entry.
QUESTIONS: list[Question] = []


def _question(id: str):
    def register(fn: Callable[[_Page], list[dict]]) -> Callable[[_Page], list[dict]]:
        QUESTIONS.append(Question(id, fn))
        return fn

    return register


def questions(report: "Report", lang: str | None = None) -> list[dict]:
    """Questions with the paragraph(s) to look up and the answer, computed from the report.

    Each is a dict with ``id`` (the :data:`QUESTIONS` entry that asked it), ``question``, ``paras`` (list of int)
    and ``answer``, in ``lang`` (quotes stay verbatim, with whose words they are).

    >>> from kit import load_report
    >>> [q["id"] for q in questions(load_report())][:3]
    ['chair', 'meeting', 'briefers']
    """
    lang = normalize(lang)
    page = _Page(
        report,
        lang,
        translator(lang),
        dict(zip(report.paragraphs["para"], report.paragraphs["text"])),
        str(report.metadata.get("lang") or "en"),
    )
    return [{"id": entry.id, **q} for entry in QUESTIONS for q in entry.ask(page)]


@_question("chair")
def _ask_chair(page: _Page) -> list[dict]:
    chair = page.r.metadata.get("chair")
    if not isinstance(chair, str):
        return []
    surname = chair.split()[-1]
    p = next((p for p, t in page.texts.items() if surname in t), None)
    if p is None:
        return []
    return [
        {
            "question": page._("Who chaired the Working Group, and which country do they represent?"),
            "paras": [p],
            "answer": _chair_answer(page.r, chair, page.tr, page.lang),
        }
    ]


def _ask_meeting(page: _Page, m) -> dict:
    lang = page.lang
    if isinstance(m.format, str) and m.format:  # ask the format only where the report states it
        return {
            "question": page._("When was this meeting held, in what format, and on what subject?"),
            "paras": [int(m.first_para)],
            "answer": f"{format_date(m.date, lang)}, {meeting_format(m.format, lang)}{colon(lang)} {m.title}",
        }
    return {
        "question": page._("When was this meeting held, and on what subject?"),
        "paras": [int(m.first_para)],
        "answer": f"{format_date(m.date, lang)}{colon(lang)} {m.title}",
    }


def _ask_briefers(page: _Page, m) -> list[dict]:
    st = page.r.statements
    briefers = st[(st["meeting_id"] == m.meeting_id) & (st["speaker_kind"] == "briefer")]
    if not len(briefers):
        return []
    names = list(dict.fromkeys(briefers["speaker"]))
    # the paragraphs that name them: the meeting's first paragraph too, when it names its briefer
    return [
        {
            "question": page._("Who briefed the meeting of {date}?").format(date=format_date(m.date, page.lang)),
            "paras": _naming(page.texts, names, int(m.first_para), int(m.last_para)),
            "answer": ", ".join(names),
        }
    ]


@_question("meeting")
def _ask_meetings(page: _Page) -> list[dict]:
    out = []
    for m in page.r.meetings.sort_values(["date", "first_para"]).itertuples():
        out.append(_ask_meeting(page, m))
        out += [dict(q, id="briefers") for q in _ask_briefers(page, m)]
    return out


@_question("summed_up")
def _ask_summed_up(page: _Page) -> list[dict]:
    """The sentence summing up the most delegations."""
    st, r, tr = page.r.statements, page.r, page.tr
    sizes = (
        st[st["joint"]].groupby(["para", "group"]).size().sort_values(ascending=False, kind="stable") if len(st) else []
    )
    if not len(sizes):
        return []
    labels = speaker_names(r.speakers, page.lang)
    (para, group), n = sizes.index[0], int(sizes.iloc[0])
    rows = st[(st["para"] == para) & (st["group"] == group)]
    return [
        {
            "question": page._(
                "In this paragraph the report sums up several delegations in one sentence (it groups "
                "their summaries; it does not say they spoke together). How many delegations, and "
                "what did they say or ask?"
            ),
            "paras": [int(para)],
            "answer": tr.ngettext(
                "{n} delegation ({names}): “{quote}”", "{n} delegations ({names}): “{quote}”", n
            ).format(
                n=n,
                names=", ".join(labels.get(sid, name) for sid, name in zip(rows["speaker_id"], rows["speaker"])),
                quote=_sentence(page.texts[int(para)], rows.iloc[0]),
            ),
        }
    ]


_FIGURE_QUESTIONS = {
    "casualties": (
        N_("This paragraph quotes a figure about casualties. What is the figure, and who quoted it?"),
        N_("This paragraph quotes {n} figures about casualties. What are they, and who quoted them?"),
    ),
    "money": (
        N_("This paragraph quotes a figure about money. What is the figure, and who quoted it?"),
        N_("This paragraph quotes {n} figures about money. What are they, and who quoted them?"),
    ),
    "percentage": (
        N_("This paragraph quotes a percentage. What is the figure, and who quoted it?"),
        N_("This paragraph quotes {n} percentages. What are they, and who quoted them?"),
    ),
}


@_question("figure")
def _ask_figures(page: _Page) -> list[dict]:
    """For each kind of figure, the first paragraph quoting one; every sentence of it quoting that kind."""
    out = []
    for kind, (one, several) in _FIGURE_QUESTIONS.items():
        for p, t in page.texts.items():
            found = [(s, t[s:e]) for s, e in sentence_spans(t) if figure_kind(t[s:e], page.text_lang) == kind]
            if found:
                question = page._(one) if len(found) == 1 else page._(several).format(n=len(found))
                out.append(
                    {
                        "question": question,
                        "paras": [p],
                        "answer": "; ".join(page.quote(p, s, sentence) for s, sentence in found),
                    }
                )
                break
    return out


@_question("mission")
def _ask_mission(page: _Page) -> list[dict]:
    """The mission named in most paragraphs, by its acronym in the handout's language (UNMISS, « MINUSS »)."""
    mis = page.r.mentions[page.r.mentions["kind"] == "mission"]
    if not len(mis):
        return []
    counts = mis.groupby("key")["para"].nunique().sort_values(ascending=False, kind="stable")
    key = counts.index[0]
    paras = sorted(set(mis.loc[mis["key"] == key, "para"]))
    return [
        {
            "question": page._("One peacekeeping mission is named in all of these paragraphs. Which one?"),
            "paras": paras[:4],
            "answer": page.tr.ngettext(
                "{key} (named in {n} paragraph)", "{key} (named in {n} paragraphs)", len(paras)
            ).format(key=mission_acronym(key, page.lang), n=len(paras)),
        }
    ]


@_question("ask")
def _ask_ask(page: _Page) -> list[dict]:
    """The first request or call (a briefer's if there is one)."""
    st = page.r.statements
    asks = st[st["lemma"].isin(ASK_LEMMAS)]
    if not len(asks):
        return []
    a = asks[asks["speaker_kind"] == "briefer"]
    row = (a if len(a) else asks).iloc[0]
    para = int(row["para"])
    speaker = _speaker_label(page.r, row["speaker_id"], str(row["speaker"]), page.lang)
    return [
        {
            "question": page._("What did {speaker} ask for here, and of whom?").format(speaker=speaker),
            "paras": [para],
            "answer": f"{speaker}{colon(page.lang)} {_quoted(_sentence(page.texts[para], row), page.lang)}",
        }
    ]


@_question("should")
def _ask_should(page: _Page) -> list[dict]:
    """The first "should" / « devrait » ask that names who should act (a sentence whose modal has no actor, "The
    system should inform planning", describes and asks no one), with whose words it is: the reported-speech trap is
    to read "Member States ... should" as the report's own recommendation."""
    st = page.r.statements
    for p, t in page.texts.items():
        if not (st["para"] == p).any():
            continue
        for s, e in sentence_spans(t):
            form = ask_form(t[s:e], lang=page.text_lang)
            if form and form_kind(form, page.text_lang) == "modal" and addressee(t[s:e], page.text_lang):
                return [
                    {
                        "question": page._("According to this paragraph, who should do what, and who says so?"),
                        "paras": [p],
                        "answer": page.quote(p, s, t[s:e]),
                    }
                ]
    return []


@_question("most_paragraphs")
def _ask_most_paragraphs(page: _Page) -> list[dict]:
    st = page.r.statements
    ms = st[st["speaker_kind"] == "member_state"]
    if not len(ms):
        return []
    ms = _named(ms, page.r, page.lang)
    counts = ms.groupby("speaker")["para"].nunique().sort_values(ascending=False, kind="stable")
    top = int(counts.iloc[0])
    return [
        {
            "question": page._("Which delegation speaks in the most paragraphs? (Use the table on page 1.)"),
            "paras": [],
            "answer": page.tr.ngettext("{name} ({n} paragraph)", "{name} ({n} paragraphs)", top).format(
                name=counts.index[0], n=top
            ),
        }
    ]


def mission_acronym(key: str, lang: str) -> str:
    """A mission's acronym as readers of ``lang`` know it: UNMISS is « MINUSS » in French (missions.csv's
    ``fr_acronym``); the key itself where the table has no other.

    >>> mission_acronym("UNMISS", "fr"), mission_acronym("UNMISS", "en")
    ('MINUSS', 'UNMISS')
    """
    from ..gazetteer import load_gazetteer

    return load_gazetteer().label("mission_acronym", key, lang) or key


def _named(statements: pd.DataFrame, r: "Report", lang: str) -> pd.DataFrame:
    """Statements whose ``speaker`` is the speaker's display name in ``lang`` (the report's own words in English)."""
    labels = speaker_names(r.speakers, lang)
    if not labels:
        return statements
    return statements.assign(
        speaker=[labels.get(sid, name) for sid, name in zip(statements["speaker_id"], statements["speaker"])]
    )


def _speaker_label(r: "Report", speaker_id: str, fallback: str, lang: str = "en") -> str:
    """How the report itself names a speaker: "Major General Menon", "the representative of Japan"
    (« le général de division Menon », « le représentant du Japon »: the honorific in ``lang`` from
    ``honorifics.csv``)."""
    row = r.speakers[r.speakers["speaker_id"] == speaker_id]
    if not len(row):
        return fallback
    row = row.iloc[0]
    from ..gazetteer import load_gazetteer

    L = language(lang)
    if row["kind"] == "member_state":
        try:
            state = load_gazetteer().state(str(row["country_iso3"]))
        except KeyError:
            state = None
        name = _state_name(state, L)
        if state and name:  # "of the United Kingdom", « du Japon », « d’Israël »: the article the State takes
            # TRANSLATORS: {of_name} is "of" with the State's name, as the language's grammar writes it: "of Japan",
            # « du Japon », « d’Israël » (kit/language.py, of_forms).
            of_name = L.of_phrase(state.get(f"{L.column_prefix}article", ""), name)
            return translator(lang).gettext("the representative {of_name}").format(of_name=of_name)
        return translator(lang).gettext("the representative of {name}").format(name=str(row["name"]))
    honorific = row["honorific"] if isinstance(row["honorific"], str) else ""
    surname = str(row["name"]).split()[-1]
    # « le général de division Menon », « M. Carrilho »: the honorific as ``lang`` writes it (honorifics.csv); in
    # the tables' own language, as the report wrote it; no form in the table: the full name
    written = load_gazetteer().honorific_in(honorific, lang) if honorific else None
    if L.source:
        return f"{written or honorific} {surname}".strip()
    return f"{written} {surname}" if written else str(row["name"])


def _state_name(state: dict | None, L) -> str:
    """A Member State's name in the language ``L`` (its UN name in the tables' own language), or ``""``."""
    return str((state or {}).get(L.name_column or "un_name") or "")


def _who_said(r: "Report", para: int, start: int, lang: str = "en") -> str:
    """The speaker of the sentence starting at ``start`` in ``para``; a paragraph that carries on the previous
    paragraph's reported speech (no reporting verb of its own) names it: "Major General Menon (continuing para. 10)"."""
    st = r.statements[r.statements["para"] == para]
    if not len(st):
        return ""
    covering = st[(st["start"] <= start) & (st["end"] > start)]
    row = (covering if len(covering) else st).iloc[0]
    label = _speaker_label(r, row["speaker_id"], str(row["speaker"]), lang)
    if not isinstance(row["verb"], str) or not row["verb"]:
        before = r.statements[
            (r.statements["para"] < para)
            & (r.statements["speaker_id"] == row["speaker_id"])
            & r.statements["verb"].notna()
        ]
        if len(before):
            label += " " + translator(lang).gettext("(continuing {cite})").format(
                cite=paragraphs(int(before["para"].max()), lang)
            )
    return label


def _chair_answer(r: "Report", chair: str, tr, lang: str = "en") -> str:
    """The chair and the State they represent, in the handout's language: the report's own title when the report is
    in that language ("Tarek Ladeb, Ambassador and Permanent Representative of Tunisia to the United Nations",
    « Tarek Ladeb, Ambassadeur et Représentant permanent de la Tunisie auprès de ... »), else the State's name in
    the handout's language (« Tarek Ladeb (Tunisie) »)."""
    row = r.speakers[(r.speakers["kind"] == "chair")]
    if not (len(row) and isinstance(row.iloc[0]["represents_iso3"], str)):
        return chair
    iso = row.iloc[0]["represents_iso3"]
    title = row.iloc[0]["title"] if isinstance(row.iloc[0]["title"], str) else ""
    org = row.iloc[0]["organization"] if isinstance(row.iloc[0]["organization"], str) else ""
    from ..gazetteer import load_gazetteer

    try:
        state = load_gazetteer().state(iso)
    except KeyError:
        state = {}
    report_lang = str(r.metadata.get("lang") or "")
    L = language(lang)
    own = _state_name(state, L)
    if title and org and report_lang == lang:  # "of Tunisia to the United Nations", « de la Tunisie auprès de … »
        article = state.get(f"{L.column_prefix}article", "") if own and org.startswith(own) else ""
        return f"{chair}, {title} {L.of_phrase(article, org)}"
    name = load_gazetteer().label("state", iso, lang) or iso
    return f"{chair} ({name})"


def _quoted(text: str, lang: str = "en") -> str:
    """The report's words in the handout language's quotation marks: “...” in English, « ... » in French (with
    no-break spaces). The words themselves stay verbatim."""
    L = language(lang)
    return f"{L.quote_open}{text}{L.quote_close}"


def _naming(texts: dict, names: list[str], first: int, last: int) -> list[int]:
    """The paragraph(s) of a meeting (``first``..``last``) that name each person of ``names`` (by surname): the first
    paragraph naming each, so that an answer key's citation always contains the names it gives."""
    out = []
    for name in names:
        surname = str(name).split()[-1]
        rx = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
        p = next((p for p in sorted(texts) if first <= p <= last and rx.search(texts[p])), None)
        if p is not None and p not in out:
            out.append(p)
    return sorted(out)


def build_handout(report: "Report", *, top: int = 8, lang: str | None = None) -> str:
    """The handout as one self-contained HTML page (print it from a browser, on A4), in ``lang`` (default: the
    process's language): headings, questions, labels and dates; quotes stay verbatim in the report's language.

    Each block of the page is one step: the meetings, the ``top`` delegations by paragraphs, the briefers, the
    missions named, the questions (each with where to look), and the report's line under the title.

    Examples
    --------
    >>> from kit import load_report
    >>> page = build_handout(load_report(), lang="fr")
    >>> page.startswith("<!DOCTYPE html>") and 'lang="fr"' in page
    True
    """
    r = report
    lang = normalize(lang)
    label = _text(r.metadata.get("symbol")) or r.report_id
    template, css = _template(lang)
    return template.render(
        title=_text(r.metadata.get("title")) or r.report_id,
        meta=_report_line(r, lang),
        meetings=_meetings(r, lang),
        delegations=_delegations(r, top, lang),
        briefers=_briefers(r),
        missions=_missions(r, lang),
        questions=[
            dict(
                q,
                cite=cite(label, q["paras"], lang) if q["paras"] else "",
                look=_capital(paragraphs(q["paras"], lang)) if q["paras"] else "",
            )
            for q in questions(r, lang)
        ],
        css=Markup(css),
        lang=lang,
        colon=colon(lang),
    )


def _meetings(r: "Report", lang: str) -> list[dict]:
    """Each meeting in date order: its date, title, format, chair, paragraphs and how many spoke."""
    st = r.statements
    return [
        {
            "date": format_date(m.date, lang),
            "title": _text(m.title),
            "format": meeting_format(_text(m.format), lang),
            "chair": _text(m.chair),
            "first_para": int(m.first_para),
            "last_para": int(m.last_para),
            "speakers": int(st.loc[st["meeting_id"] == m.meeting_id, "speaker_id"].nunique()),
        }
        for m in r.meetings.sort_values(["date", "first_para"]).itertuples()
    ]


def _delegations(r: "Report", top: int, lang: str) -> list[dict]:
    """The ``top`` Member States by paragraphs where they spoke (then statements), named in ``lang``."""
    st = r.statements
    ms = _named(st[st["speaker_kind"] == "member_state"], r, lang)
    counts = (
        ms.groupby("speaker")
        .agg(paragraphs=("para", "nunique"), statements=("statement_id", "size"))
        .sort_values(["paragraphs", "statements"], ascending=False, kind="stable")
        .head(top)
    )
    return [
        {"name": name, "paragraphs": int(row["paragraphs"]), "statements": int(row["statements"])}
        for name, row in counts.iterrows()
    ]


def _briefers(r: "Report") -> list[str]:
    """Each briefer: "Name (title, organization)"."""
    out = []
    for b in r.speakers[r.speakers["kind"] == "briefer"].itertuples():
        extra = ", ".join(x for x in (_text(b.title), _text(b.organization)) if x)
        out.append(f"{b.name} ({extra})" if extra else str(b.name))
    return out


def _missions(r: "Report", lang: str) -> list[tuple[str, str]]:
    """Each mission named: its acronym in ``lang`` and the paragraphs that name it."""
    mis = r.mentions[r.mentions["kind"] == "mission"]
    return [
        (mission_acronym(k, lang), paragraphs(sorted({int(p) for p in v}), lang)) for k, v in mis.groupby("key")["para"]
    ]


def _report_line(r: "Report", lang: str) -> list[str]:
    """The line under the title: symbol, date, chair and how many numbered paragraphs."""
    meta = r.metadata
    _ = translator(lang).gettext
    bits = [
        _text(meta.get("symbol")),
        format_date(meta.get("date"), lang),
        f"{_('Chair')}{colon(lang)} {meta['chair']}" if isinstance(meta.get("chair"), str) else "",
        translator(lang)
        .ngettext("{n} numbered paragraph", "{n} numbered paragraphs", len(r.paragraphs))
        .format(n=format_number(len(r.paragraphs), lang)),
    ]
    return [b for b in bits if b]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def write_handout(report: "Report", path: str | Path, lang: str | None = None) -> Path:
    """Write :func:`build_handout` to ``path`` (UTF-8) in ``lang``; returns the path."""
    path = Path(path)
    path.write_text(build_handout(report, lang=lang), encoding="utf-8")
    return path
