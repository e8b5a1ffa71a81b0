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
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from . import ASK_LEMMAS
from .asks import addressee, ask_form, form_kind
from .briefing import figure_kind
from .speakers import display_names
from ..citation import cite, paragraphs
from ..display import format_date, meeting_format
from ..i18n import N_, colon, format_number, normalize, translator
from ..sentences import key_sentence, sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["build_handout", "write_handout", "questions"]

@lru_cache(maxsize=4)
def _template(lang: str = "en"):
    folder = files("kit.teaching") / "templates"
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=False, lstrip_blocks=False, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(translator(lang), newstyle=True)
    return env.from_string((folder / "handout.html.j2").read_text(encoding="utf-8")), \
        (folder / "handout.css").read_text(encoding="utf-8")


def _text(x) -> str:
    return "" if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x)


def _sentence(text: str, row) -> str:
    """The sentence in which the report attributes the statement ``row``, cut to it."""
    s, e = key_sentence(text, int(row["start"]), int(row["end"]))
    return text[s:e]


def questions(report: "Report", lang: str | None = None) -> list[dict]:
    """Questions with the paragraph(s) to look up and the answer, computed from the report.

    Each is a dict with ``question``, ``paras`` (list of int) and ``answer``, in ``lang`` (quotes stay verbatim).
    """
    r = report
    lang = normalize(lang)
    tr = translator(lang)
    _ = tr.gettext
    qs: list[dict] = []
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"]))
    st = r.statements
    meetings = r.meetings.sort_values(["date", "first_para"])
    text_lang = str(r.metadata.get("lang") or "en")  # the report's language: figures and asks are read in it

    chair = r.metadata.get("chair")
    if isinstance(chair, str):
        surname = chair.split()[-1]
        p = next((p for p, t in texts.items() if surname in t), None)
        if p is not None:
            qs.append({"question": _("Who chaired the Working Group, and which country do they represent?"),
                       "paras": [p], "answer": _chair_answer(r, chair, tr, lang)})
    for m in meetings.itertuples():
        if isinstance(m.format, str) and m.format:  # ask the format only where the report states it
            qs.append({"question": _("When was this meeting held, in what format, and on what subject?"),
                       "paras": [int(m.first_para)],
                       "answer": f"{format_date(m.date, lang)}, {meeting_format(m.format, lang)}{colon(lang)} {m.title}"})
        else:
            qs.append({"question": _("When was this meeting held, and on what subject?"),
                       "paras": [int(m.first_para)], "answer": f"{format_date(m.date, lang)}{colon(lang)} {m.title}"})
        briefers = st[(st["meeting_id"] == m.meeting_id) & (st["speaker_kind"] == "briefer")]
        if len(briefers):
            names = list(dict.fromkeys(briefers["speaker"]))
            qs.append({"question": _("Who briefed the meeting of {date}? (Look at the paragraphs after {cite}.)").format(
                date=format_date(m.date, lang), cite=paragraphs(int(m.first_para), lang)),
                       "paras": _naming(texts, names, int(m.first_para), int(m.last_para)),
                       "answer": ", ".join(names)})
    # the largest joint statement
    if len(st):
        sizes = st[st["joint"]].groupby(["para", "group"]).size().sort_values(ascending=False, kind="stable")
        labels = display_names(r.speakers, lang) if lang != "en" else {}
        if len(sizes):
            (para, group), n = sizes.index[0], int(sizes.iloc[0])
            rows = st[(st["para"] == para) & (st["group"] == group)]
            qs.append({"question": _("In this paragraph the report sums up several delegations in one sentence "
                                     "(it groups their summaries; it does not say they spoke together). How many "
                                     "delegations, and what did they say or ask?"),
                       "paras": [int(para)],
                       "answer": tr.ngettext("{n} delegation ({names}): “{quote}”", "{n} delegations ({names}): “{quote}”",
                                             n).format(n=n, names=", ".join(labels.get(sid, name) for sid, name in
                                                                          zip(rows["speaker_id"], rows["speaker"])),
                                                       quote=_sentence(texts[int(para)], rows.iloc[0]))})
    # a casualty figure, a money figure
    for kind in ("casualties", "money", "percentage"):
        found = None
        for p, t in texts.items():
            for s, e in sentence_spans(t):
                if figure_kind(t[s:e], text_lang) == kind:
                    found = (p, s, t[s:e].strip())
                    break
            if found:
                break
        if found:
            question = {"casualties": N_("This paragraph quotes a figure about casualties. What is the figure, and "
                                         "who quoted it?"),
                        "money": N_("This paragraph quotes a figure about money. What is the figure, and who "
                                    "quoted it?"),
                        "percentage": N_("This paragraph quotes a percentage. What is the figure, and who quoted "
                                         "it?")}[kind]
            who = _who_said(r, found[0], found[1], lang)
            qs.append({"question": _(question), "paras": [found[0]],
                       "answer": (f"{who}{colon(lang)} " if who else "") + _quoted(found[2], lang)})
    # the mission named in most paragraphs
    mis = r.mentions[r.mentions["kind"] == "mission"]
    if len(mis):
        counts = mis.groupby("key")["para"].nunique().sort_values(ascending=False, kind="stable")
        key = counts.index[0]
        paras = sorted(set(mis.loc[mis["key"] == key, "para"]))
        qs.append({"question": _("One peacekeeping mission is named in all of these paragraphs. Which one?"),
                   "paras": paras[:4], "answer": tr.ngettext("{key} (named in {n} paragraph)",
                                                             "{key} (named in {n} paragraphs)",
                                                             len(paras)).format(key=key, n=len(paras))})
    # an ask: the first request / call for
    asks = st[st["lemma"].isin(ASK_LEMMAS)]
    if len(asks):
        a = asks[asks["speaker_kind"] == "briefer"]
        a = a if len(a) else asks
        row = a.iloc[0]
        qs.append({"question": _("What did {speaker} ask for here, and of whom?").format(
                       speaker=_speaker_label(r, row["speaker_id"], str(row["speaker"]), lang)),
                   "paras": [int(row["para"])],
                   "answer": _quoted(_sentence(texts[int(row['para'])], row), lang)})
    # who should do what: the first "should" / « devrait » ask that names who should act (a sentence whose modal
    # has no actor, "The system should inform planning", describes and asks no one)
    found = None
    for p, t in texts.items():
        if not (st["para"] == p).any():
            continue
        for s, e in sentence_spans(t):
            form = ask_form(t[s:e], lang=text_lang)
            if form and form_kind(form, text_lang) == "modal" and addressee(t[s:e], text_lang):
                found = (p, t[s:e])
                break
        if found:
            break
    if found:
        qs.append({"question": _("According to this paragraph, who should do what?"), "paras": [found[0]],
                   "answer": _quoted(found[1], lang)})
    # the delegation in most paragraphs
    ms = st[st["speaker_kind"] == "member_state"]
    if len(ms):
        ms = _named(ms, r, lang)
        counts = ms.groupby("speaker")["para"].nunique().sort_values(ascending=False, kind="stable")
        top = int(counts.iloc[0])
        qs.append({"question": _("Which delegation speaks in the most paragraphs? (Use the table on page 1.)"),
                   "paras": [], "answer": tr.ngettext("{name} ({n} paragraph)", "{name} ({n} paragraphs)",
                                                      top).format(name=counts.index[0], n=top)})
    return qs


def _named(statements: pd.DataFrame, r: "Report", lang: str) -> pd.DataFrame:
    """Statements whose ``speaker`` is the speaker's display name in ``lang`` (the report's own words in English)."""
    if lang == "en":
        return statements
    labels = display_names(r.speakers, lang)
    return statements.assign(speaker=[labels.get(sid, name) for sid, name in
                                      zip(statements["speaker_id"], statements["speaker"])])


def _speaker_label(r: "Report", speaker_id: str, fallback: str, lang: str = "en") -> str:
    """How the report itself names a speaker: "Major General Menon", "the representative of Japan"
    (« le général de division Menon », « le représentant du Japon »: the honorific in ``lang`` from
    ``honorifics.csv``)."""
    row = r.speakers[r.speakers["speaker_id"] == speaker_id]
    if not len(row):
        return fallback
    row = row.iloc[0]
    if row["kind"] == "member_state":
        from ..gazetteer import load_gazetteer

        try:
            state = load_gazetteer().state(str(row["country_iso3"]))
        except KeyError:
            state = None
        if lang == "fr" and state and state.get("fr_name"):
            return f"le représentant {_de(state.get('fr_article', ''), state['fr_name'])}"
        name = f"{state.get('article', '')} {state['un_name']}".strip() if state else str(row["name"])
        return translator(lang).gettext("the representative of {name}").format(name=name)
    honorific = row["honorific"] if isinstance(row["honorific"], str) else ""
    surname = str(row["name"]).split()[-1]
    if lang != "en":  # « le général de division Menon », « M. Carrilho »; no form in the table: the full name
        from ..gazetteer import load_gazetteer

        written = load_gazetteer().honorific_in(honorific, lang) if honorific else None
        return f"{written} {surname}" if written else str(row["name"])
    return f"{honorific} {surname}".strip()


def _de(article: str, name: str) -> str:
    """French "of" + a State's name with its article: "du Japon", "de la France", "des États-Unis", "d'Israël"."""
    article = article.strip().lower()
    if article == "le":
        return f"du {name}"
    if article == "les":
        return f"des {name}"
    if article == "la":
        return f"de la {name}"
    if article in ("l'", "l’"):
        return f"de l’{name}"
    return f"d’{name}" if name[:1].lower() in "aeiouyàâéèêîïôûh" else f"de {name}"


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
        before = r.statements[(r.statements["para"] < para) & (r.statements["speaker_id"] == row["speaker_id"])
                              & r.statements["verb"].notna()]
        if len(before):
            label += " " + translator(lang).gettext("(continuing {cite})").format(
                cite=paragraphs(int(before["para"].max()), lang))
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
    report_lang = str(r.metadata.get("lang") or "en")
    if title and org and report_lang == lang == "en":
        return tr.gettext("{chair}, {title} of {organization}").format(chair=chair, title=title, organization=org)
    if title and org and report_lang == lang == "fr" and state.get("fr_name") and org.startswith(state["fr_name"]):
        return f"{chair}, {title} {_de(state.get('fr_article', ''), org)}"
    name = state.get("fr_name" if lang == "fr" else "un_name") or iso
    return f"{chair} ({name})"


def _quoted(text: str, lang: str = "en") -> str:
    """The report's words in the handout language's quotation marks: “...” in English, « ... » in French (with
    no-break spaces). The words themselves stay verbatim."""
    return f"«\u00a0{text}\u00a0»" if lang == "fr" else f"“{text}”"


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
    process's language): headings, questions, labels and dates; quotes stay verbatim in the report's language."""
    r = report
    lang = normalize(lang)
    _ = translator(lang).gettext
    label = _text(r.metadata.get("symbol")) or r.report_id
    meta = r.metadata
    st = r.statements
    meetings = [{"date": format_date(m.date, lang), "title": _text(m.title),
                 "format": meeting_format(_text(m.format), lang),
                 "chair": _text(m.chair), "first_para": int(m.first_para), "last_para": int(m.last_para),
                 "speakers": int(st.loc[st["meeting_id"] == m.meeting_id, "speaker_id"].nunique())}
                for m in r.meetings.sort_values(["date", "first_para"]).itertuples()]
    ms = _named(st[st["speaker_kind"] == "member_state"], r, lang)
    counts = (ms.groupby("speaker").agg(paragraphs=("para", "nunique"), statements=("statement_id", "size"))
              .sort_values(["paragraphs", "statements"], ascending=False, kind="stable").head(top))
    delegations = [{"name": name, "paragraphs": int(row["paragraphs"]), "statements": int(row["statements"])}
                   for name, row in counts.iterrows()]
    briefers = []
    for b in r.speakers[r.speakers["kind"] == "briefer"].itertuples():
        extra = ", ".join(x for x in (_text(b.title), _text(b.organization)) if x)
        briefers.append(f"{b.name} ({extra})" if extra else str(b.name))
    mis = r.mentions[r.mentions["kind"] == "mission"]
    missions = [(k, paragraphs(sorted({int(p) for p in v}), lang)) for k, v in mis.groupby("key")["para"]]
    qs = [dict(q, cite=cite(label, q["paras"], lang) if q["paras"] else "",
               look=_capital(paragraphs(q["paras"], lang)) if q["paras"] else "") for q in questions(r, lang)]
    bits = [_text(meta.get("symbol")), format_date(meta.get("date"), lang),
            f"{_('Chair')}{colon(lang)} {meta['chair']}" if isinstance(meta.get("chair"), str) else "",
            translator(lang).ngettext("{n} numbered paragraph", "{n} numbered paragraphs",
                                      len(r.paragraphs)).format(n=format_number(len(r.paragraphs), lang))]
    template, css = _template(lang)
    return template.render(title=_text(meta.get("title")) or r.report_id, meta=[b for b in bits if b],
                           meetings=meetings, delegations=delegations, briefers=briefers, missions=missions,
                           questions=qs, css=Markup(css), lang=lang, colon=colon(lang))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def write_handout(report: "Report", path: str | Path, lang: str | None = None) -> Path:
    """Write :func:`build_handout` to ``path`` (UTF-8) in ``lang``; returns the path."""
    path = Path(path)
    path.write_text(build_handout(report, lang=lang), encoding="utf-8")
    return path
