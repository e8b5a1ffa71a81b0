"""What the apps ask of a report: plain functions over a :class:`~kit.views.data.ViewReport`.

They return rows (dicts) that the apps turn into HTML, CSV and Markdown, and
that the tests compare with the pandas tables of :func:`kit.load_report`.

>>> from kit.views import app_report
>>> r = app_report()
>>> [s["para"] for s in statements_of(r, "MEX")]
[26, 26, 27, 32, 33]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from ..sentences import sentence_at, sentence_spans

__all__ = ["speaker_options", "statements_of", "themes_of", "joint_partners", "compare_speakers",
           "theme_options", "theme_matrix", "theme_hits", "search", "mission_summary", "mission_rows",
           "speaker_counts", "theme_counts", "statement_rows", "statements_csv", "statements_markdown",
           "note_markdown", "STATEMENT_COLUMNS"]


def _order(s: dict) -> tuple:
    para, _, n = str(s["statement_id"]).partition(".")
    return (int(s["para"]), int(n or 0))


def speaker_counts(r) -> list[tuple[dict, int]]:
    """Speakers with their number of statements, most first (ties by name)."""
    n = Counter(s["speaker_id"] for s in r.statements)
    return sorted(((sp, n.get(sp["speaker_id"], 0)) for sp in r.speakers), key=lambda t: (-t[1], t[0]["name"]))


def speaker_options(r) -> list[tuple[str, str]]:
    """(label, speaker_id) for a dropdown, alphabetical: ``"Mexico — Member State, 5 statements"``."""
    from ..i18n import ngettext
    from .html import kind_label

    out = []
    for sp, n in speaker_counts(r):
        if n == 0:
            continue
        count = ngettext("{n} statement", "{n} statements", n).format(n=n)
        out.append((f"{sp['name']} — {kind_label(sp['kind'])}, {count}", sp["speaker_id"]))
    return sorted(out, key=lambda t: t[0].lower())


def statements_of(r, speaker_id: str) -> list[dict]:
    """Every statement of a speaker, in report order."""
    return sorted((s for s in r.statements if s["speaker_id"] == speaker_id), key=_order)


def _themes_by_statement(r) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for t in r.themes:
        if t.get("statement_id"):
            out[str(t["statement_id"])].append(t)
    return out


def themes_of(r, speaker_id: str) -> list[tuple[str, int, list[int]]]:
    """(theme label, number of statements, paragraphs) for the themes a speaker raised, most first."""
    by_st = _themes_by_statement(r)
    count: Counter = Counter()
    paras: dict[str, set] = defaultdict(set)
    for s in statements_of(r, speaker_id):
        for t in {t["label"] for t in by_st.get(str(s["statement_id"]), [])}:
            count[t] += 1
            paras[t].add(s["para"])
    return [(label, n, sorted(paras[label])) for label, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def joint_partners(r, speaker_id: str) -> list[tuple[str, str, list[int]]]:
    """Who spoke jointly with a speaker: (speaker_id, name, paragraphs), most paragraphs first.

    Statements sharing a ``group`` were made jointly ("The representatives of
    A and B said ...").
    """
    groups: dict[str, set] = defaultdict(set)
    for s in r.statements:
        groups[str(s["group"])].add(s["speaker_id"])
    mine = {str(s["group"]): s["para"] for s in r.statements if s["speaker_id"] == speaker_id}
    paras: dict[str, set] = defaultdict(set)
    for g, para in mine.items():
        for other in groups[g] - {speaker_id}:
            paras[other].add(para)
    return sorted(((sid, r.speaker.get(sid, {}).get("name", sid), sorted(p)) for sid, p in paras.items()),
                  key=lambda t: (-len(t[2]), t[1]))


def joint_matrix(r) -> tuple[list[str], list[list[int]]]:
    """Speaker x speaker: in how many joint statements each pair spoke together.

    Returns (names, counts) over the speakers that made at least one joint
    statement, most joint statements first; the diagonal is 0.
    """
    groups: dict[str, set] = defaultdict(set)
    for s in r.statements:
        if s.get("joint"):
            groups[str(s["group"])].add(s["speaker_id"])
    pairs: Counter = Counter()
    totals: Counter = Counter()
    for members in groups.values():
        for a in members:
            totals[a] += 1
            for b in members - {a}:
                pairs[a, b] += 1
    order = sorted(totals, key=lambda sid: (-totals[sid], r.speaker.get(sid, {}).get("name", sid)))
    names = [r.speaker.get(sid, {}).get("name", sid) for sid in order]
    return names, [[pairs[a, b] for b in order] for a in order]


def compare_speakers(r, a: str, b: str) -> list[tuple[str, int, int, list[int], list[int]]]:
    """(theme, statements of a, statements of b, paragraphs of a, paragraphs of b) over both speakers' themes."""
    ta = {label: (n, p) for label, n, p in themes_of(r, a)}
    tb = {label: (n, p) for label, n, p in themes_of(r, b)}
    rows = []
    for label in set(ta) | set(tb):
        na, pa = ta.get(label, (0, []))
        nb, pb = tb.get(label, (0, []))
        rows.append((label, na, nb, pa, pb))
    return sorted(rows, key=lambda t: (-(t[1] + t[2]), t[0]))


def theme_options(r) -> list[tuple[str, str]]:
    """(label, theme) of the themes found in the report, alphabetical."""
    return sorted({(t["label"], t["theme"]) for t in r.themes})


def theme_counts(r) -> list[tuple[str, int]]:
    """(label, number of paragraphs) per theme, most first."""
    paras: dict[str, set] = defaultdict(set)
    for t in r.themes:
        paras[t["label"]].add(t["para"])
    return sorted(((k, len(v)) for k, v in paras.items()), key=lambda kv: (-kv[1], kv[0]))


def theme_matrix(r, themes: list[str]) -> tuple[list[str], list[str], list[list[int]]]:
    """Speakers x themes: how many statements of each speaker carry each theme.

    Returns (speaker names, theme labels, counts); speakers without any of the
    themes are left out; most statements first.
    """
    themes = list(themes) or [t for _, t in theme_options(r)]
    by_st = _themes_by_statement(r)
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in r.statements:
        for th in {t["theme"] for t in by_st.get(str(s["statement_id"]), [])}:
            if th in themes:
                counts[s["speaker_id"]][th] += 1
    order = sorted(counts, key=lambda sid: (-sum(counts[sid].values()), r.speaker[sid]["name"]))
    labels = {t["theme"]: t["label"] for t in r.themes}
    return ([r.speaker[sid]["name"] for sid in order], [labels.get(t, t) for t in themes],
            [[counts[sid][t] for t in themes] for sid in order])


def _speaker_at(r, para: int, offset: int) -> dict | None:
    for s in r.statements:
        if s["para"] == para and s["start"] <= offset < s["end"]:
            return s
    return None


def theme_hits(r, themes: list[str]) -> list[dict]:
    """Sentences where the chosen themes' terms occur: para, theme, speaker(s), sentence span and term spans.

    A sentence said jointly appears once, its speakers joined by ``"; "``.
    """
    from .html import term_spans

    rows = []
    spans_of: dict[int, list] = {}
    by_id = {str(s["statement_id"]): s for s in r.statements}
    merged: dict[tuple, dict] = {}
    for t in sorted(r.themes, key=lambda t: (t["para"], t["start"])):
        if t["theme"] not in themes:
            continue
        text = r.text.get(t["para"], "")
        spans_of.setdefault(t["para"], sentence_spans(text))
        terms = [x for x in str(t.get("terms") or "").split("; ") if x]
        hits = term_spans(text, terms) or [(t["start"], t["end"])]
        st = by_id.get(str(t.get("statement_id")))
        seen = set()
        for hs, he in hits:
            if st and not (st["start"] <= hs < st["end"]):
                continue
            if not st and _speaker_at(r, t["para"], hs):
                continue  # that hit belongs to a statement's own row
            sent = sentence_at(spans_of[t["para"]], hs)
            if sent in seen:
                continue
            seen.add(sent)
            same = merged.get((t["para"], t["theme"], sent))
            if same is not None:  # a joint statement: one sentence, several speakers
                if st and st["speaker"] not in same["speaker"].split("; "):
                    same["speaker"] = "; ".join(x for x in (same["speaker"], st["speaker"]) if x)
                continue
            rows.append({"para": t["para"], "theme": t["theme"], "label": t["label"],
                         "speaker": st["speaker"] if st else "", "statement_id": t.get("statement_id") or "",
                         "sentence_start": sent[0], "sentence_end": sent[1],
                         "sentence": text[sent[0]:sent[1]], "terms": t.get("terms") or "",
                         "term_spans": [(a - sent[0], b - sent[0]) for a, b in hits if sent[0] <= a < sent[1]]})
            merged[(t["para"], t["theme"], sent)] = rows[-1]
    return rows


def search(r, query: str, limit: int = 200) -> list[dict]:
    """Free-text search (case-insensitive; words in order): keyword-in-context rows with para and speaker."""
    from .html import kwic

    words = [w for w in re.split(r"\s+", (query or "").strip()) if w]
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    rows = []
    for p in r.paragraphs:
        for m in pattern.finditer(p["text"]):
            st = _speaker_at(r, p["para"], m.start())
            left, hit, right = kwic(p["text"], m.start(), m.end())
            rows.append({"para": p["para"], "speaker": st["speaker"] if st else "", "left": left, "match": hit,
                         "right": right, "start": m.start(), "end": m.end()})
            if len(rows) >= limit:
                return rows
    return rows


def mission_summary(r) -> list[dict]:
    """One row per mission mentioned: acronym, name, host, lat, lon, mentions, paragraphs (most mentioned first)."""
    paras: dict[str, set] = defaultdict(set)
    n: Counter = Counter()
    for m in r.mentions:
        if m["kind"] == "mission":
            paras[m["key"]].add(m["para"])
            n[m["key"]] += 1
    rows = []
    for key in n:
        info = r.missions.get(key, {})
        rows.append({"key": key, "name": info.get("name", key), "host": info.get("host", ""),
                     "lat": info.get("lat"), "lon": info.get("lon"), "n": n[key], "paras": sorted(paras[key])})
    return sorted(rows, key=lambda row: (-row["n"], row["key"]))


def mission_rows(r, key: str) -> list[dict]:
    """Every mention of one mission: para, surface, the sentence around it, and who was speaking there."""
    rows = []
    spans_of: dict[int, list] = {}
    for m in sorted(r.mentions, key=lambda m: (m["para"], m["start"])):
        if m["kind"] != "mission" or m["key"] != key:
            continue
        text = r.text.get(m["para"], "")
        spans_of.setdefault(m["para"], sentence_spans(text))
        s0, s1 = sentence_at(spans_of[m["para"]], m["start"])
        st = _speaker_at(r, m["para"], m["start"])
        rows.append({"para": m["para"], "surface": m["surface"], "speaker": st["speaker"] if st else "",
                     "speaker_id": st["speaker_id"] if st else "", "sentence": text[s0:s1],
                     "mark": (m["start"] - s0, m["end"] - s0)})
    return rows


STATEMENT_COLUMNS = ["para", "statement_id", "speaker", "speaker_kind", "verb", "joint", "statement", "citation"]


def statement_rows(r, statements: list[dict]) -> list[list]:
    """The statements as rows of :data:`STATEMENT_COLUMNS` (plain values, for a CSV)."""
    return [[s["para"], s["statement_id"], s["speaker"], s["speaker_kind"], s.get("verb") or "", bool(s.get("joint")),
             s["text"], r.cite(s["para"])] for s in statements]


def statements_csv(r, statements: list[dict]) -> str:
    """The statements on screen as CSV, one row each, with a citation column."""
    from .html import csv_text

    return csv_text(STATEMENT_COLUMNS, statement_rows(r, statements))


def note_markdown(r, heading: str, items: Iterable[tuple[int, str, str]]) -> str:
    r"""The apps' one Markdown briefing note: a heading, the source, one cited line per (para, speaker, text).

    Report text is escaped (:func:`~kit.views.html.markdown_escape`), so a ``<script>`` in the report
    stays text in the note.

    >>> from kit.views import app_report
    >>> note_markdown(app_report(), "A <b>note</b>", [(3, "", "x <script>")]).splitlines()[0]
    '# A \\<b\\>note\\</b\\>'
    """
    from .html import _
    from .html import markdown_escape as esc

    items = list(items)
    title = r.metadata.get("title") or r.report_id
    lines = [f"# {esc(heading)}", "", _("Source: {title} ({label}).").format(title=esc(title), label=esc(r.label)), ""]
    for para, speaker, text in items:
        who = f" ({esc(speaker)})" if speaker else ""
        lines.append("- **{}**{}: {} ({})".format(_("Para. {n}").format(n=para), who, esc(" ".join(str(text).split())),
                                                 esc(r.cite(para))))
    if items:
        lines += ["", _("Cite as: {citation}").format(citation=esc(r.cite([p for p, _x, _y in items])))]
    return "\n".join(lines) + "\n"


def statements_markdown(r, statements: list[dict], heading: str) -> str:
    """A briefing note: each statement as a quote with its paragraph citation, then all paragraphs cited."""
    return note_markdown(r, heading, [(s["para"], s["speaker"], s["text"]) for s in statements])
