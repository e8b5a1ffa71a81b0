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

__all__ = [
    "para_key",
    "para_list",
    "speaker_options",
    "statements_of",
    "themes_of",
    "joint_partners",
    "compare_speakers",
    "theme_options",
    "theme_matrix",
    "summary_themes",
    "theme_hits",
    "search",
    "mission_summary",
    "mission_rows",
    "speaker_counts",
    "theme_counts",
    "statement_rows",
    "statements_csv",
    "statements_markdown",
    "note_markdown",
    "STATEMENT_COLUMNS",
]


def _order(s: dict) -> tuple:
    para, _, n = str(s["statement_id"]).partition(".")
    return (str(s.get("report_id") or ""), int(s["para"]), int(n or 0))


def para_key(r, row: dict):
    """What names a row's paragraph: its number in a report, (report_id, number) in a corpus."""
    return (row["report_id"], row["para"]) if r.is_corpus else row["para"]


def para_list(r, keys) -> str:
    """Paragraphs (from :func:`para_key`) as a table shows them: ``"26, 27"``, or in a corpus, a citation
    naming each document (``"S/2024/42, para. 8; wgpko-2024-en, paras. 3-4"``)."""
    keys = list(keys)
    if not r.is_corpus:
        return ", ".join(map(str, keys))
    return r.cite_rows({"report_id": rid, "para": p} for rid, p in keys) if keys else ""


def _sid(s: dict) -> tuple:
    """A statement's id across a corpus (statement ids are numbered within their document)."""
    return (s.get("report_id"), str(s.get("statement_id")))


def _summary(r) -> dict | None:
    """The whole corpus's summary that an index of shards, or a shard, carries (:mod:`kit.views.shards`)."""
    return getattr(r, "__dict__", {}).get("_memo", {}).get("corpus_summary")


def speaker_counts(r) -> list[tuple[dict, int]]:
    """Speakers with their number of statements, most first (ties by name); each speaker once, in a corpus too."""
    found = _summary(r)
    n = Counter(found["speaker_counts"]) if found else Counter(s["speaker_id"] for s in r.statements)
    return sorted(((sp, n.get(sp["speaker_id"], 0)) for sp in r.speaker.values()), key=lambda t: (-t[1], t[0]["name"]))


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
    return list(_by_speaker(r).get(speaker_id, ()))


def _by_speaker(r) -> dict[str, list[dict]]:
    """speaker_id -> statements in report order, built once per report (a corpus has tens of thousands)."""

    def build():
        out: dict[str, list[dict]] = defaultdict(list)
        for s in sorted(r.statements, key=_order):
            out[s["speaker_id"]].append(s)
        return dict(out)

    return r.memo("statements_by_speaker", build) if hasattr(r, "memo") else build()


def _themes_by_statement(r) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = defaultdict(list)
    for t in r.themes:
        if t.get("statement_id"):
            out[_sid(t)].append(t)
    return out


def themes_of(r, speaker_id: str) -> list[tuple[str, int, list]]:
    """(theme label, number of statements, paragraphs (:func:`para_key`)) for the themes a speaker raised,
    most first."""
    by_st = _themes_by_statement(r)
    count: Counter = Counter()
    paras: dict[str, set] = defaultdict(set)
    for s in statements_of(r, speaker_id):
        for t in {t["label"] for t in by_st.get(_sid(s), [])}:
            count[t] += 1
            paras[t].add(para_key(r, s))
    return [(label, n, sorted(paras[label])) for label, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def joint_partners(r, speaker_id: str) -> list[tuple[str, str, list]]:
    """Who spoke jointly with a speaker: (speaker_id, name, paragraphs (:func:`para_key`)), most paragraphs first.

    Statements sharing a ``group`` (in the same document) were made jointly ("The representatives of
    A and B said ...").
    """
    groups: dict[tuple, set] = defaultdict(set)
    for s in r.statements:
        groups[s.get("report_id"), str(s["group"])].add(s["speaker_id"])
    mine = {
        (s.get("report_id"), str(s["group"])): para_key(r, s) for s in r.statements if s["speaker_id"] == speaker_id
    }
    paras: dict[str, set] = defaultdict(set)
    for g, para in mine.items():
        for other in groups[g] - {speaker_id}:
            paras[other].add(para)
    return sorted(
        ((sid, r.speaker.get(sid, {}).get("name", sid), sorted(p)) for sid, p in paras.items()),
        key=lambda t: (-len(t[2]), t[1]),
    )


def joint_matrix(r) -> tuple[list[str], list[list[int]]]:
    """Speaker x speaker: in how many joint statements each pair spoke together.

    Returns (names, counts) over the speakers that made at least one joint
    statement, most joint statements first; the diagonal is 0.
    """
    found = _summary(r)
    if found:  # a corpus's shards: counted over the whole corpus when they were written
        totals = Counter(found["joint_totals"])
        pairs = Counter({(a, b): n for a, b, n in found["joint_pairs"]})
    else:
        groups: dict[tuple, set] = defaultdict(set)
        for s in r.statements:
            if s.get("joint"):
                groups[s.get("report_id"), str(s["group"])].add(s["speaker_id"])
        pairs = Counter()
        totals = Counter()
        for members in groups.values():
            for a in members:
                totals[a] += 1
                for b in members - {a}:
                    pairs[a, b] += 1
    order = sorted(totals, key=lambda sid: (-totals[sid], r.speaker.get(sid, {}).get("name", sid)))
    names = [r.speaker.get(sid, {}).get("name", sid) for sid in order]
    return names, [[pairs[a, b] for b in order] for a in order]


def compare_speakers(r, a: str, b: str) -> list[tuple[str, int, int, list, list]]:
    """(theme, statements of a, statements of b, paragraphs of a, paragraphs of b) over both speakers' themes."""
    ta = {label: (n, p) for label, n, p in themes_of(r, a)}
    tb = {label: (n, p) for label, n, p in themes_of(r, b)}
    rows = []
    for label in set(ta) | set(tb):
        na, pa = ta.get(label, (0, []))
        nb, pb = tb.get(label, (0, []))
        rows.append((label, na, nb, pa, pb))
    return sorted(rows, key=lambda t: (-(t[1] + t[2]), t[0]))


def _index_themes(r) -> dict[str, tuple[str, int]] | None:
    """On the index of a corpus's shards (not a shard: its themes are its own), theme -> (label in the page's
    language, paragraphs naming it) from the corpus summary; else None."""
    if "corpus_shards" not in getattr(r, "__dict__", {}).get("_memo", {}):
        return None
    return summary_themes(r)


def summary_themes(r) -> dict[str, tuple[str, int]] | None:
    """theme -> (label in the page's language, paragraphs naming it) of the whole corpus, from the summary an
    index of its shards or a shard carries (:mod:`kit.views.shards`); else None (``r`` holds its rows)."""
    found = _summary(r)
    if not found or "themes" not in found:
        return None
    from ..gazetteer import load_gazetteer

    g, lang = load_gazetteer(), getattr(r, "cite_lang", None) or "en"
    return {th: (g.label("theme", th, lang) or label, n) for th, (label, n) in found["themes"].items()}


def theme_options(r) -> list[tuple[str, str]]:
    """(label, theme) of the themes found in the report, alphabetical."""
    index = _index_themes(r)
    if index is not None:
        return sorted((label, th) for th, (label, _n) in index.items())
    return sorted({(t["label"], t["theme"]) for t in r.themes})


def theme_counts(r) -> list[tuple[str, int]]:
    """(label, number of paragraphs) per theme, most first."""
    index = _index_themes(r)
    if index is not None:
        return sorted(index.values(), key=lambda kv: (-kv[1], kv[0]))
    paras: dict[str, set] = defaultdict(set)
    for t in r.themes:
        paras[t["label"]].add((t.get("report_id"), t["para"]))
    return sorted(((k, len(v)) for k, v in paras.items()), key=lambda kv: (-kv[1], kv[0]))


def theme_matrix(r, themes: list[str]) -> tuple[list[str], list[str], list[list[int]]]:
    """Speakers x themes: how many statements of each speaker carry each theme.

    Returns (speaker names, theme labels, counts); speakers without any of the
    themes are left out; most statements first.
    """
    found = _summary(r)
    if found and "theme_speakers" in found:  # an index or a shard of a corpus: counted when it was written
        return _summary_matrix(r, themes, found["theme_speakers"])
    themes = list(themes) or [t for _, t in theme_options(r)]
    by_st = _themes_by_statement(r)
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in r.statements:
        for th in {t["theme"] for t in by_st.get(_sid(s), [])}:
            if th in themes:
                counts[s["speaker_id"]][th] += 1
    order = sorted(counts, key=lambda sid: (-sum(counts[sid].values()), r.speaker[sid]["name"]))
    labels = {t["theme"]: t["label"] for t in r.themes}
    return (
        [r.speaker[sid]["name"] for sid in order],
        [labels.get(t, t) for t in themes],
        [[counts[sid][t] for t in themes] for sid in order],
    )


def _summary_matrix(r, themes: list[str], per_theme: dict[str, dict[str, int]]):
    """:func:`theme_matrix` from a corpus summary's statements per theme and speaker."""
    labels = {th: label for th, (label, _n) in (summary_themes(r) or {}).items()}
    themes = list(themes) or [t for _, t in sorted((label, th) for th, label in labels.items())]
    counts: dict[str, Counter] = defaultdict(Counter)
    for th in themes:
        for sid, n in per_theme.get(th, {}).items():
            counts[sid][th] += n
    order = sorted(counts, key=lambda sid: (-sum(counts[sid].values()), r.speaker[sid]["name"]))
    return (
        [r.speaker[sid]["name"] for sid in order],
        [labels.get(t, t) for t in themes],
        [[counts[sid][t] for t in themes] for sid in order],
    )


def _speaker_at(r, para: int, offset: int, report_id: str | None = None) -> dict | None:
    for s in r.statements:
        if s["para"] == para and s["start"] <= offset < s["end"] and (report_id is None or s["report_id"] == report_id):
            return s
    return None


def theme_hits(r, themes: list[str]) -> list[dict]:
    """Sentences where the chosen themes' terms occur: para, theme, speaker(s), sentence span and term spans.

    A sentence said jointly appears once, its speakers joined by ``"; "``.
    """
    from .html import term_spans

    rows = []
    spans_of: dict[tuple, list] = {}
    by_id = {_sid(s): s for s in r.statements}
    merged: dict[tuple, dict] = {}
    for t in sorted(r.themes, key=lambda t: (str(t.get("report_id") or ""), t["para"], t["start"])):
        if t["theme"] not in themes:
            continue
        text = r.para_text(t)
        where = (t.get("report_id"), t["para"])
        spans_of.setdefault(where, sentence_spans(text))
        terms = [x for x in str(t.get("terms") or "").split("; ") if x]
        hits = term_spans(text, terms) or [(t["start"], t["end"])]
        st = by_id.get(_sid(t))
        seen = set()
        for hs, he in hits:
            if st and not (st["start"] <= hs < st["end"]):
                continue
            if not st and _speaker_at(r, t["para"], hs, t.get("report_id")):
                continue  # that hit belongs to a statement's own row
            sent = sentence_at(spans_of[where], hs)
            if sent in seen:
                continue
            seen.add(sent)
            same = merged.get((where, t["theme"], sent))
            if same is not None:  # a joint statement: one sentence, several speakers
                if st and st["speaker"] not in same["speaker"].split("; "):
                    same["speaker"] = "; ".join(x for x in (same["speaker"], st["speaker"]) if x)
                continue
            rows.append(
                {
                    "report_id": t.get("report_id"),
                    "para": t["para"],
                    "theme": t["theme"],
                    "label": t["label"],
                    "speaker": st["speaker"] if st else "",
                    "statement_id": t.get("statement_id") or "",
                    "sentence_start": sent[0],
                    "sentence_end": sent[1],
                    "sentence": text[sent[0] : sent[1]],
                    "terms": t.get("terms") or "",
                    "term_spans": [(a - sent[0], b - sent[0]) for a, b in hits if sent[0] <= a < sent[1]],
                }
            )
            merged[(where, t["theme"], sent)] = rows[-1]
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
            st = _speaker_at(r, p["para"], m.start(), p.get("report_id"))
            left, hit, right = kwic(p["text"], m.start(), m.end())
            rows.append(
                {
                    "report_id": p.get("report_id"),
                    "para": p["para"],
                    "speaker": st["speaker"] if st else "",
                    "left": left,
                    "match": hit,
                    "right": right,
                    "start": m.start(),
                    "end": m.end(),
                }
            )
            if len(rows) >= limit:
                return rows
    return rows


def mission_summary(r) -> list[dict]:
    """One row per mission mentioned: acronym, name, host, lat, lon, mentions, paragraphs (:func:`para_key`;
    most mentioned first)."""
    paras: dict[str, set] = defaultdict(set)
    n: Counter = Counter()
    found = _summary(r)
    for m in found["missions"] if found else ():  # a corpus's shards: counted when they were written
        paras[m["key"]] = {(rid, para) for rid, para in m["paras"]}
        n[m["key"]] = m["n"]
    for m in r.mentions if not found else ():
        if m["kind"] == "mission":
            paras[m["key"]].add(para_key(r, m))
            n[m["key"]] += 1
    rows = []
    for key in n:
        info = r.missions.get(key, {})
        rows.append(
            {
                "key": key,
                "name": info.get("name", key),
                "host": info.get("host", ""),
                "lat": info.get("lat"),
                "lon": info.get("lon"),
                "n": n[key],
                "paras": sorted(paras[key]),
            }
        )
    return sorted(rows, key=lambda row: (-row["n"], row["key"]))


def mission_rows(r, key: str) -> list[dict]:
    """Every mention of one mission: para, surface, the sentence around it, and who was speaking there."""
    rows = []
    spans_of: dict[tuple, list] = {}
    for m in sorted(r.mentions, key=lambda m: (str(m.get("report_id") or ""), m["para"], m["start"])):
        if m["kind"] != "mission" or m["key"] != key:
            continue
        text = r.para_text(m)
        where = (m.get("report_id"), m["para"])
        spans_of.setdefault(where, sentence_spans(text))
        s0, s1 = sentence_at(spans_of[where], m["start"])
        st = _speaker_at(r, m["para"], m["start"], m.get("report_id"))
        rows.append(
            {
                "report_id": m.get("report_id"),
                "para": m["para"],
                "surface": m["surface"],
                "speaker": st["speaker"] if st else "",
                "speaker_id": st["speaker_id"] if st else "",
                "sentence": text[s0:s1],
                "mark": (m["start"] - s0, m["end"] - s0),
            }
        )
    return rows


STATEMENT_COLUMNS = ["para", "statement_id", "speaker", "speaker_kind", "verb", "joint", "statement", "citation"]


def statement_rows(r, statements: list[dict]) -> list[list]:
    """The statements as rows of :data:`STATEMENT_COLUMNS` (plain values, for a CSV)."""
    return [
        [
            s["para"],
            s["statement_id"],
            s["speaker"],
            s["speaker_kind"],
            s.get("verb") or "",
            bool(s.get("joint")),
            s["text"],
            r.cite_rows([s]),
        ]
        for s in statements
    ]


def statements_csv(r, statements: list[dict]) -> str:
    """The statements on screen as CSV, one row each, with a citation column."""
    from .html import csv_text

    return csv_text(STATEMENT_COLUMNS, statement_rows(r, statements))


def note_markdown(r, heading: str, items: Iterable[tuple]) -> str:
    r"""The apps' one Markdown briefing note: a heading, the source, one cited line per (para, speaker, text),
    or per (para, speaker, text, report_id) in a corpus (each line cites its document).

    Report text is escaped (:func:`~kit.exports.escape_markdown`), so a ``<script>`` in the report
    stays text in the note.

    >>> from kit.views import app_report
    >>> note_markdown(app_report(), "A <b>note</b>", [(3, "", "x <script>")]).splitlines()[0]
    '# A \\<b\\>note\\</b\\>'
    """
    from ..exports import escape_markdown
    from .html import _

    items = list(items)
    title = escape_markdown(r.metadata.get("title") or r.report_id)
    lines = [
        f"# {escape_markdown(heading)}",
        "",
        _("Source: {title} ({label}).").format(title=title, label=escape_markdown(r.label)),
        "",
    ]
    rows = [{"para": item[0], "report_id": item[3] if len(item) > 3 else r.report_id} for item in items]
    for (para, speaker, text, *_rid), row in zip(items, rows):
        who = f" ({escape_markdown(speaker)})" if speaker else ""
        lines.append(
            "- **{}**{}: {} ({})".format(
                _("Para. {n}").format(n=para),
                who,
                escape_markdown(" ".join(str(text).split())),
                escape_markdown(r.cite_rows([row])),
            )
        )
    if items:
        lines += ["", _("Cite as: {citation}").format(citation=escape_markdown(r.cite_rows(rows)))]
    return "\n".join(lines) + "\n"


def statements_markdown(r, statements: list[dict], heading: str) -> str:
    """A briefing note: each statement as a quote with its paragraph citation, then all paragraphs cited."""
    return note_markdown(r, heading, [(s["para"], s["speaker"], s["text"], s.get("report_id")) for s in statements])
