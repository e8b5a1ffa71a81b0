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
from .briefing import figure_kind
from ..display import format_date
from ..sentences import key_sentence, sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["build_handout", "write_handout", "questions"]

@lru_cache(maxsize=1)
def _template():
    folder = files("kit.teaching") / "templates"
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=False, lstrip_blocks=False)
    return env.from_string((folder / "handout.html.j2").read_text(encoding="utf-8")), \
        (folder / "handout.css").read_text(encoding="utf-8")


def _text(x) -> str:
    return "" if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x)


def _sentence(text: str, row) -> str:
    """The sentence in which the report attributes the statement ``row``, cut to it."""
    s, e = key_sentence(text, int(row["start"]), int(row["end"]))
    return text[s:e]


def questions(report: "Report") -> list[dict]:
    """Questions with the paragraph(s) to look up and the answer, computed from the report.

    Each is a dict with ``question``, ``paras`` (list of int) and ``answer``.
    """
    r = report
    qs: list[dict] = []
    texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"]))
    st = r.statements
    meetings = r.meetings.sort_values(["date", "first_para"])

    chair = r.metadata.get("chair")
    if isinstance(chair, str):
        surname = chair.split()[-1]
        p = next((p for p, t in texts.items() if surname in t), None)
        if p is not None:
            qs.append({"question": "Who chaired the Working Group, and which country do they represent?",
                       "paras": [p], "answer": _chair_answer(r, chair)})
    for m in meetings.itertuples():
        if isinstance(m.format, str) and m.format:  # ask the format only where the report states it
            qs.append({"question": "When was this meeting held, in what format, and on what subject?",
                       "paras": [int(m.first_para)], "answer": f"{format_date(m.date)}, {m.format}: {m.title}"})
        else:
            qs.append({"question": "When was this meeting held, and on what subject?",
                       "paras": [int(m.first_para)], "answer": f"{format_date(m.date)}: {m.title}"})
        briefers = st[(st["meeting_id"] == m.meeting_id) & (st["speaker_kind"] == "briefer")]
        if len(briefers):
            names = list(dict.fromkeys(briefers["speaker"]))
            paras = sorted(set(briefers["para"]))
            qs.append({"question": f"Who briefed the meeting of {format_date(m.date)}? "
                                   f"(Look at the paragraphs after para. {int(m.first_para)}.)",
                       "paras": paras[:1], "answer": ", ".join(names)})
    # the largest joint statement
    if len(st):
        sizes = st[st["joint"]].groupby(["para", "group"]).size().sort_values(ascending=False, kind="stable")
        if len(sizes):
            (para, group), n = sizes.index[0], int(sizes.iloc[0])
            rows = st[(st["para"] == para) & (st["group"] == group)]
            qs.append({"question": "In this paragraph the report sums up several delegations in one sentence "
                                   "(it groups their summaries; it does not say they spoke together). How many "
                                   "delegations, and what did they say or ask?",
                       "paras": [int(para)],
                       "answer": f"{n} delegations ({', '.join(rows['speaker'])}) {rows.iloc[0]['verb']}: "
                                 f"“{_sentence(texts[int(para)], rows.iloc[0])}”"})
    # a casualty figure, a money figure
    for kind in ("casualties", "money", "percentage"):
        found = None
        for p, t in texts.items():
            for s, e in sentence_spans(t):
                if figure_kind(t[s:e]) == kind:
                    found = (p, s, t[s:e].strip())
                    break
            if found:
                break
        if found:
            what = {"casualties": "casualties", "money": "money", "percentage": "a percentage"}[kind]
            who = _who_said(r, found[0], found[1])
            qs.append({"question": f"This paragraph quotes a figure about {what}. What is the figure, and who "
                                  "quoted it?", "paras": [found[0]],
                       "answer": (f"{who}: " if who else "") + f"“{found[2]}”"})
    # the mission named in most paragraphs
    mis = r.mentions[r.mentions["kind"] == "mission"]
    if len(mis):
        counts = mis.groupby("key")["para"].nunique().sort_values(ascending=False, kind="stable")
        key = counts.index[0]
        paras = sorted(set(mis.loc[mis["key"] == key, "para"]))
        qs.append({"question": "One peacekeeping mission is named in all of these paragraphs. Which one?",
                   "paras": paras[:4], "answer": f"{key} (named in {len(paras)} paragraphs)"})
    # an ask: the first request / call for
    asks = st[st["lemma"].isin(ASK_LEMMAS)]
    if len(asks):
        a = asks[asks["speaker_kind"] == "briefer"]
        a = a if len(a) else asks
        row = a.iloc[0]
        qs.append({"question": f"What did {row['speaker']} ask for here, and of whom?",
                   "paras": [int(row["para"])],
                   "answer": f"“{_sentence(texts[int(row['para'])], row)}”"})
    # who should do what
    for p, t in texts.items():
        m = re.search(r"[^.]*\bshould\b[^.]*\.", t)
        if m and (st["para"] == p).any():
            qs.append({"question": "According to this paragraph, who should do what?", "paras": [p],
                       "answer": f"“{m.group().strip()}”"})
            break
    # the delegation in most paragraphs
    ms = st[st["speaker_kind"] == "member_state"]
    if len(ms):
        counts = ms.groupby("speaker")["para"].nunique().sort_values(ascending=False, kind="stable")
        qs.append({"question": "Which delegation speaks in the most paragraphs? (Use the table on page 1.)",
                   "paras": [], "answer": f"{counts.index[0]} ({int(counts.iloc[0])} paragraphs)"})
    return qs


def _speaker_label(r: "Report", speaker_id: str, fallback: str) -> str:
    """How the report itself names a speaker: "Major General Menon", "the representative of Japan"."""
    row = r.speakers[r.speakers["speaker_id"] == speaker_id]
    if not len(row):
        return fallback
    row = row.iloc[0]
    if row["kind"] == "member_state":
        from ..gazetteer import load_gazetteer

        try:
            state = load_gazetteer().state(str(row["country_iso3"]))
            name = f"{state.get('article', '')} {state['un_name']}".strip()
        except KeyError:
            name = str(row["name"])
        return f"the representative of {name}"
    honorific = row["honorific"] if isinstance(row["honorific"], str) else ""
    return f"{honorific} {str(row['name']).split()[-1]}".strip()


def _who_said(r: "Report", para: int, start: int) -> str:
    """The speaker of the sentence starting at ``start`` in ``para``; a paragraph that carries on the previous
    paragraph's reported speech (no reporting verb of its own) names it: "Major General Menon (continuing para. 10)"."""
    st = r.statements[r.statements["para"] == para]
    if not len(st):
        return ""
    covering = st[(st["start"] <= start) & (st["end"] > start)]
    row = (covering if len(covering) else st).iloc[0]
    label = _speaker_label(r, row["speaker_id"], str(row["speaker"]))
    if not isinstance(row["verb"], str) or not row["verb"]:
        before = r.statements[(r.statements["para"] < para) & (r.statements["speaker_id"] == row["speaker_id"])
                              & r.statements["verb"].notna()]
        if len(before):
            label += f" (continuing para. {int(before['para'].max())})"
    return label


def _chair_answer(r: "Report", chair: str) -> str:
    row = r.speakers[(r.speakers["kind"] == "chair")]
    if len(row) and isinstance(row.iloc[0]["represents_iso3"], str):
        iso = row.iloc[0]["represents_iso3"]
        title = row.iloc[0]["title"] if isinstance(row.iloc[0]["title"], str) else ""
        org = row.iloc[0]["organization"] if isinstance(row.iloc[0]["organization"], str) else ""
        return f"{chair}, {title} of {org}".strip(", ") + f" ({iso})"
    return chair


def build_handout(report: "Report", *, top: int = 8) -> str:
    """The handout as one self-contained HTML page (print it from a browser, on A4)."""
    r = report
    meta = r.metadata
    st = r.statements
    meetings = [{"date": format_date(m.date), "title": _text(m.title), "format": _text(m.format),
                 "chair": _text(m.chair), "first_para": int(m.first_para), "last_para": int(m.last_para),
                 "speakers": int(st.loc[st["meeting_id"] == m.meeting_id, "speaker_id"].nunique())}
                for m in r.meetings.sort_values(["date", "first_para"]).itertuples()]
    ms = st[st["speaker_kind"] == "member_state"]
    counts = (ms.groupby("speaker").agg(paragraphs=("para", "nunique"), statements=("statement_id", "size"))
              .sort_values(["paragraphs", "statements"], ascending=False, kind="stable").head(top))
    delegations = [{"name": name, "paragraphs": int(row["paragraphs"]), "statements": int(row["statements"])}
                   for name, row in counts.iterrows()]
    briefers = []
    for b in r.speakers[r.speakers["kind"] == "briefer"].itertuples():
        extra = ", ".join(x for x in (_text(b.title), _text(b.organization)) if x)
        briefers.append(f"{b.name} ({extra})" if extra else str(b.name))
    mis = r.mentions[r.mentions["kind"] == "mission"]
    missions = [(k, v) for k, v in mis.groupby("key")["para"].apply(lambda s: sorted(set(int(p) for p in s))).items()]
    qs = [dict(q, cite=r.cite(q["paras"]) if q["paras"] else "") for q in questions(r)]
    bits = [_text(meta.get("symbol")), format_date(meta.get("date")),
            f"Chair: {meta['chair']}" if isinstance(meta.get("chair"), str) else "",
            f"{len(r.paragraphs)} numbered paragraphs"]
    template, css = _template()
    return template.render(title=_text(meta.get("title")) or r.report_id, meta=[b for b in bits if b],
                           meetings=meetings, delegations=delegations, briefers=briefers, missions=missions,
                           questions=qs, css=Markup(css))


def write_handout(report: "Report", path: str | Path) -> Path:
    """Write :func:`build_handout` to ``path`` (UTF-8); returns the path."""
    path = Path(path)
    path.write_text(build_handout(report), encoding="utf-8")
    return path
