"""A printable handout for participants without a laptop, generated from the report's tables.

Page 1-2: the meetings, who spoke most, the missions named, and questions to
answer by looking up numbered paragraphs in the printed report. Last page (its
own printed page, CSS ``break-before: page``): the answer key.

Write one with::

    from kit import load_report
    from kit.teaching.handout import write_handout
    write_handout(load_report(), "handout.html")   # then print it from the browser

or ``python -m kit.teaching.handout [report] [--out handout.html]``.

Examples
--------
>>> from kit import load_report
>>> page = build_handout(load_report())
>>> page.count('class="answers"'), "Answer key" in page
(1, True)
"""

from __future__ import annotations

import argparse
import html
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import ASK_LEMMAS
from .briefing import figure_kind
from ..sentences import sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report

__all__ = ["build_handout", "write_handout", "questions"]

_CSS = """
@page { size: A4; margin: 18mm; }
body { font-family: Georgia, serif; font-size: 11pt; line-height: 1.4; max-width: 46em; margin: 1.5em auto; color: #000; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; border-bottom: 1px solid #000; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #777; padding: 3px 6px; text-align: left; vertical-align: top; }
.meta { color: #333; }
ol.questions li { margin-bottom: 2.6em; }
ol.key li { margin-bottom: 0.6em; }
.look { font-weight: bold; }
.answers { page-break-before: always; break-before: page; }
@media print { a { color: #000; text-decoration: none; } }
"""


def _e(x) -> str:
    return html.escape("" if x is None or (not isinstance(x, str) and pd.isna(x)) else str(x))


def _fmt_date(d) -> str:
    if d is None or not isinstance(d, (date, datetime, pd.Timestamp)) or pd.isna(d):
        return ""
    return f"{d.day} {d:%B %Y}"


def _sentence(text: str, start: int) -> str:
    for s, e in sentence_spans(text) or [(0, len(text))]:
        if s <= start < e:
            return text[start:e].strip()
    return text[start:].strip()


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
        fmt = f", {m.format}" if isinstance(m.format, str) else ""
        qs.append({"question": "When was this meeting held, in what format, and on what subject?",
                   "paras": [int(m.first_para)],
                   "answer": f"{_fmt_date(m.date)}{fmt}: {m.title}"})
        briefers = st[(st["meeting_id"] == m.meeting_id) & (st["speaker_kind"] == "briefer")]
        if len(briefers):
            names = list(dict.fromkeys(briefers["speaker"]))
            paras = sorted(set(briefers["para"]))
            qs.append({"question": f"Who briefed the meeting of {_fmt_date(m.date)}? "
                                   f"(Look at the paragraphs after para. {int(m.first_para)}.)",
                       "paras": paras[:1], "answer": ", ".join(names)})
    # the largest joint statement
    if len(st):
        sizes = st[st["joint"]].groupby(["para", "group"]).size().sort_values(ascending=False, kind="stable")
        if len(sizes):
            (para, group), n = sizes.index[0], int(sizes.iloc[0])
            rows = st[(st["para"] == para) & (st["group"] == group)]
            qs.append({"question": "A group of delegations spoke together in this paragraph. How many, and "
                                   "what did they say or ask?",
                       "paras": [int(para)],
                       "answer": f"{n} delegations ({', '.join(rows['speaker'])}) {rows.iloc[0]['verb']}: "
                                 f"“{_sentence(texts[int(para)], int(rows.iloc[0]['start']))}”"})
    # a casualty figure, a money figure
    for kind in ("casualties", "money", "percentage"):
        found = None
        for p, t in texts.items():
            for s, e in sentence_spans(t):
                if figure_kind(t[s:e]) == kind:
                    found = (p, t[s:e].strip())
                    break
            if found:
                break
        if found:
            what = {"casualties": "casualties", "money": "money", "percentage": "a percentage"}[kind]
            qs.append({"question": f"This paragraph quotes a figure about {what}. What is the figure, and who "
                                  "quoted it?", "paras": [found[0]], "answer": f"“{found[1]}”"})
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
                   "answer": f"“{_sentence(texts[int(row['para'])], int(row['start']))}”"})
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


def _chair_answer(r: "Report", chair: str) -> str:
    row = r.speakers[(r.speakers["kind"] == "chair")]
    if len(row) and isinstance(row.iloc[0]["represents_iso3"], str):
        iso = row.iloc[0]["represents_iso3"]
        title = row.iloc[0]["title"] if isinstance(row.iloc[0]["title"], str) else ""
        org = row.iloc[0]["organization"] if isinstance(row.iloc[0]["organization"], str) else ""
        return f"{chair}, {title} of {org}".strip(", ") + f" ({iso})"
    return chair


def build_handout(report: "Report", *, top: int = 8) -> str:
    """The handout as one self-contained HTML page (print it from a browser)."""
    r = report
    meta = r.metadata
    title = meta.get("title") or r.report_id
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>Handout: {_e(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{_e(title)}</h1>"]
    bits = [meta.get("symbol"), _fmt_date(meta.get("date")),
            f"Chair: {meta['chair']}" if isinstance(meta.get("chair"), str) else None,
            f"{len(r.paragraphs)} numbered paragraphs"]
    out.append(f'<p class="meta">{" · ".join(_e(b) for b in bits if b)}</p>')

    out.append("<h2>The meetings</h2>")
    out.append("<table><tr><th>Date</th><th>Subject</th><th>Format</th><th>Chair</th><th>Paragraphs</th>"
               "<th>Speakers</th></tr>")
    for m in r.meetings.sort_values(["date", "first_para"]).itertuples():
        n = r.statements.loc[r.statements["meeting_id"] == m.meeting_id, "speaker_id"].nunique()
        out.append(f"<tr><td>{_e(_fmt_date(m.date))}</td><td>{_e(m.title)}</td><td>{_e(m.format)}</td>"
                   f"<td>{_e(m.chair)}</td><td>{int(m.first_para)}–{int(m.last_para)}</td><td>{n}</td></tr>")
    out.append("</table>")

    st = r.statements
    out.append("<h2>Who spoke most</h2>")
    ms = st[st["speaker_kind"] == "member_state"]
    counts = (ms.groupby("speaker").agg(paragraphs=("para", "nunique"), statements=("statement_id", "size"))
              .sort_values(["paragraphs", "statements"], ascending=False, kind="stable").head(top))
    out.append("<table><tr><th>Delegation</th><th>Paragraphs</th><th>Statements</th></tr>")
    for name, row in counts.iterrows():
        out.append(f"<tr><td>{_e(name)}</td><td>{int(row['paragraphs'])}</td><td>{int(row['statements'])}</td></tr>")
    out.append("</table>")
    briefers = r.speakers[r.speakers["kind"] == "briefer"]
    if len(briefers):
        out.append("<p><strong>Briefers:</strong> " + "; ".join(
            _e(b.name) + (f" ({_e(b.title)}" + (f", {_e(b.organization)}" if isinstance(b.organization, str) else "")
                          + ")" if isinstance(b.title, str) else "")
            for b in briefers.itertuples()) + "</p>")
    mis = r.mentions[r.mentions["kind"] == "mission"]
    if len(mis):
        mc = mis.groupby("key")["para"].apply(lambda s: sorted(set(s)))
        out.append("<h2>Missions named</h2><p>" + "; ".join(
            f"{_e(k)} (paras. {', '.join(str(p) for p in v)})" for k, v in mc.items()) + "</p>")

    qs = questions(r)
    out.append("<h2>Questions</h2>")
    out.append("<p>Look up the paragraph numbers in the printed report and write your answer below each question.</p>")
    out.append('<ol class="questions">')
    for q in qs:
        look = (f'<span class="look">Para{"s" if len(q["paras"]) > 1 else ""}. '
                f'{", ".join(str(p) for p in q["paras"])}:</span> ') if q["paras"] else ""
        out.append(f"<li>{look}{_e(q['question'])}</li>")
    out.append("</ol>")

    out.append('<section class="answers">')
    out.append("<h2>Answer key</h2>")
    out.append('<ol class="key">')
    for q in qs:
        cite = f" <em>({_e(r.cite(q['paras']))})</em>" if q["paras"] else ""
        out.append(f"<li>{_e(q['answer'])}{cite}</li>")
    out.append("</ol>")
    out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def write_handout(report: "Report", path: str | Path) -> Path:
    """Write :func:`build_handout` to ``path`` (UTF-8); returns the path."""
    path = Path(path)
    path.write_text(build_handout(report), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m kit.teaching.handout [report] [--out handout.html]``."""
    from ..report import load_report

    p = argparse.ArgumentParser(prog="python -m kit.teaching.handout", description=__doc__.splitlines()[0])
    p.add_argument("report", nargs="?", help="report file (default: the bundled report)")
    p.add_argument("--out", default="handout.html")
    args = p.parse_args(argv)
    report = load_report(args.report) if args.report else load_report()
    print(f"wrote {write_handout(report, args.out)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
