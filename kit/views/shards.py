"""A corpus's cache in shards, so that an app kernel reads only what its page shows.

The apps' cache of a corpus (:mod:`kit.views.data`) is one ``report.json`` of every row of every document
(11 MB for 200 documents), and every Voilà page is a kernel of its own that would read it whole. The apps that
show one choice at a time (Speakers: one speaker; Missions: one mission; the Briefing note: one document) need
far less. So when the corpus cache is written, a folder of shards is written beside it
(``<cache file>.shards/``):

- ``index.json``: the corpus without its large tables: metadata, meetings, each speaker once, the missions'
  reference rows, and a **summary** of what those apps show of the whole corpus (the documents' table, the
  statements per speaker, the joint statements per pair of speakers, the mentions per mission);
- ``speaker/<id>.json``: a speaker's statements, the statements made jointly with them, the paragraphs they
  are in and the themes of those statements;
- ``mission/<id>.json``: a mission's mentions, the paragraphs naming it and the statements in those paragraphs;
- ``document/<id>.json``: every row of one document;
- ``theme/<id>.json``: a theme's rows, the paragraphs naming it, the statements in those paragraphs and their
  speakers' rows in each document (and where each theme row stands in the corpus, so that the rows of two
  themes keep the corpus's order).

The index's summary also holds what the Overview and Themes apps show before a choice: the number of
paragraphs and statements, per theme its paragraphs, the statements of each speaker carrying it and the
paragraphs naming it per period (:func:`kit.views.corpus.themes_over_time`).

A kernel opens the index (:func:`app_index`, a few hundred kilobytes) and reads a shard when the participant
picks a speaker, a mission or a document (:func:`part`). The index and a shard are plain rows
(:class:`~kit.rows.ViewReport`); the summary is kept in the report's memo (:data:`SUMMARY`), where
:mod:`kit.views.queries` finds it, so the HTML of a page is the same as on the whole corpus (the tests check it).
One report stays the simple case: no shards, the app reads its cache as before.

The folder is written whole in a temporary folder, then renamed; it is named after its cache file, whose name
holds the content key, so a stale folder is never read. A shard that cannot be read makes the app read the whole
corpus instead (slower, never wrong).

Examples
--------
>>> r = app_index()  # the bundled report: one report, no shards
>>> part(r, "speaker", ["MEX"]) is r and summary(r) is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..rows import TABLE_KEYS, ViewReport
from .data import app_report, cache_file, report_path

__all__ = [
    "SUMMARY",
    "SHARDS",
    "KINDS",
    "Shards",
    "shard_dir",
    "write_shards",
    "read_index",
    "app_index",
    "part",
    "summary",
    "corpus_summary",
    "is_index",
    "theme_speakers",
    "theme_periods",
]

#: The memo keys (:meth:`kit.rows.ViewReport.memo`) of the corpus summary and of the shards an index reads.
SUMMARY = "corpus_summary"
SHARDS = "corpus_shards"
#: What a shard holds the rows of: one speaker, one mission, one document, one theme.
KINDS = ("speaker", "mission", "document", "theme")
_FORMAT = "kit-corpus-shards"
_VERSION = 2  # 2: the summary counts the rows and the themes (the Overview)


@dataclass(frozen=True)
class Shards:
    """Where an index's shards are, and the index's rows as read (before any language is applied)."""

    folder: Path
    index: ViewReport


def shard_dir(cache: Path) -> Path:
    """The folder of shards beside the cache file ``cache``: ``<name>.shards``."""
    return cache.with_name(cache.name + ".shards")


def _name(key: str) -> str:
    """A shard's file name: a digest of its key (speaker ids hold ``:``; document ids are file names)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + ".json"


def _sid(row: dict) -> tuple:
    return (row.get("report_id"), str(row.get("statement_id")))


def corpus_summary(r: ViewReport) -> dict:
    """What the Speakers, Missions and Briefing note apps show of the whole corpus ``r``, by ids only (names
    come from the page's language): the documents' table, statements per speaker, joint statements (per speaker
    and per pair, as :func:`kit.views.queries.joint_matrix` counts them), per mission its mentions and the
    paragraphs naming it, and for the Overview the number of paragraphs and statements and, per theme, its
    label (English; a page's language relabels it) and the paragraphs naming it.

    >>> from kit.views import app_report
    >>> s = corpus_summary(app_report())
    >>> s["speaker_counts"]["MEX"] == sum(1 for x in app_report().statements if x["speaker_id"] == "MEX")
    True
    >>> s["n_rows"]["paragraphs"] == len(app_report().paragraphs) and s["themes"]["wps"][1] > 0
    True
    """
    groups: dict[tuple, set] = defaultdict(set)
    for s in r.statements:
        if s.get("joint"):
            groups[s.get("report_id"), str(s["group"])].add(s["speaker_id"])
    totals: Counter = Counter()
    pairs: Counter = Counter()
    for members in groups.values():
        for a in members:
            totals[a] += 1
            for b in members - {a}:
                pairs[a, b] += 1
    missions: dict[str, dict] = {}
    for m in r.mentions:
        if m["kind"] == "mission":
            row = missions.setdefault(m["key"], {"key": m["key"], "n": 0, "paras": set()})
            row["n"] += 1
            row["paras"].add((m["report_id"], m["para"]))
    themes: dict[str, dict] = {}
    for t in r.themes:
        row = themes.setdefault(t["theme"], {"label": t["label"], "paras": set(), "numbers": set()})
        row["paras"].add((t.get("report_id"), t["para"]))
        row["numbers"].add(t["para"])
    by, per_period = theme_periods(r)
    return {
        "documents": r.documents,
        "n_rows": {"paragraphs": len(r.paragraphs), "statements": len(r.statements)},
        "themes": {th: [row["label"], len(row["paras"])] for th, row in sorted(themes.items())},
        "theme_numbers": {th: sorted(row["numbers"]) for th, row in sorted(themes.items())},
        "theme_documents": {th: len({rid for rid, _p in row["paras"]}) for th, row in sorted(themes.items())},
        "theme_speakers": theme_speakers(r),
        "theme_periods": {"by": by, "counts": per_period},
        "speaker_counts": dict(Counter(s["speaker_id"] for s in r.statements)),
        "joint_totals": dict(totals),
        "joint_pairs": [[a, b, n] for (a, b), n in sorted(pairs.items())],
        "missions": [{**m, "paras": [list(p) for p in sorted(m["paras"])]} for m in missions.values()],
    }


def theme_speakers(r: ViewReport) -> dict[str, dict[str, int]]:
    """theme -> speaker_id -> the statements of that speaker carrying the theme (as
    :func:`kit.views.queries.theme_matrix` counts them)."""
    by_st: dict[tuple, set] = defaultdict(set)
    for t in r.themes:
        if t.get("statement_id"):
            by_st[_sid(t)].add(t["theme"])
    out: dict[str, Counter] = defaultdict(Counter)
    for s in r.statements:
        for th in by_st.get(_sid(s), ()):
            out[th][s["speaker_id"]] += 1
    return {th: dict(n) for th, n in out.items()}


def theme_periods(r: ViewReport) -> tuple[str, dict[str, dict[str, int]]]:
    """(``"year"`` or ``"month"``, theme -> period -> paragraphs naming the theme), as
    :func:`kit.views.corpus.themes_over_time` counts them over the whole corpus ``r``."""
    from .corpus import _row_dates, period_of, periods

    dates = _row_dates(r)
    by = periods(dates.values())
    paras: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for t in r.themes:
        where = (t["report_id"], t["para"])
        paras[t["theme"]][period_of(dates.get(where), by)].add(where)
    return by, {th: {p: len(v) for p, v in per.items()} for th, per in paras.items()}


def _theme_shards(r: ViewReport) -> dict[str, dict]:
    paragraph = {(p["report_id"], p["para"]): p for p in r.paragraphs}
    in_para: dict[tuple, list[dict]] = defaultdict(list)
    for s in r.statements:
        in_para[s["report_id"], s["para"]].append(s)
    rows: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for i, t in enumerate(r.themes):
        rows[t["theme"]].append((i, t))
    speaker_rows: dict[tuple, dict] = {}
    for sp in r.speakers:
        speaker_rows.setdefault((sp.get("report_id"), sp["speaker_id"]), sp)
    out = {}
    for key, ts in rows.items():
        paras = list(dict.fromkeys((t["report_id"], t["para"]) for _i, t in ts))
        sts = [s for k in paras for s in in_para.get(k, ())]
        who = dict.fromkeys((s.get("report_id"), s["speaker_id"]) for s in sts)
        out[key] = {
            **_tables([paragraph[k] for k in paras if k in paragraph], sts, themes=[t for _i, t in ts]),
            "order": [i for i, _t in ts],
            "speakers": [speaker_rows[k] for k in who if k in speaker_rows],
        }
    return out


def _tables(paragraphs=(), statements=(), mentions=(), themes=()) -> dict[str, list[dict]]:
    return {
        "paragraphs": list(paragraphs),
        "statements": list(statements),
        "mentions": list(mentions),
        "themes": list(themes),
    }


def _speaker_shards(r: ViewReport) -> dict[str, dict]:
    by_group: dict[tuple, list[dict]] = defaultdict(list)
    for s in r.statements:
        by_group[s.get("report_id"), str(s["group"])].append(s)
    paragraph = {(p["report_id"], p["para"]): p for p in r.paragraphs}
    themes: dict[tuple, list[dict]] = defaultdict(list)
    for t in r.themes:
        if t.get("statement_id"):
            themes[_sid(t)].append(t)
    groups_of: dict[str, set] = defaultdict(set)
    for s in r.statements:
        groups_of[s["speaker_id"]].add((s.get("report_id"), str(s["group"])))
    out = {}
    for sid, groups in groups_of.items():
        sts = [s for g in sorted(groups, key=str) for s in by_group[g]]
        paras = sorted({(s["report_id"], s["para"]) for s in sts}, key=str)
        out[sid] = _tables(
            [paragraph[k] for k in paras if k in paragraph],
            sts,
            themes=[t for s in sts for t in themes.get(_sid(s), ())],
        )
    return out


def _mission_shards(r: ViewReport) -> dict[str, dict]:
    paragraph = {(p["report_id"], p["para"]): p for p in r.paragraphs}
    in_para: dict[tuple, list[dict]] = defaultdict(list)
    for s in r.statements:
        in_para[s["report_id"], s["para"]].append(s)
    mentions: dict[str, list[dict]] = defaultdict(list)
    for m in r.mentions:
        if m["kind"] == "mission":
            mentions[m["key"]].append(m)
    out = {}
    for key, ms in mentions.items():
        paras = sorted({(m["report_id"], m["para"]) for m in ms}, key=str)
        out[key] = _tables(
            [paragraph[k] for k in paras if k in paragraph], [s for k in paras for s in in_para.get(k, ())], ms
        )
    return out


def _document_shards(r: ViewReport) -> dict[str, dict]:
    from .corpus import document_view

    out = {}
    for rid in r.labels:
        doc = document_view(r, rid)
        out[rid] = {
            **{t: getattr(doc, t) for t in TABLE_KEYS},
            "metadata": doc.metadata,
            "missions": doc.missions,
            "report_id": rid,
        }
    return out


def _dump(obj: object, path: Path) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, allow_nan=False), encoding="utf-8")


def write_shards(r: ViewReport, cache: Path) -> Path:
    """Write the shards of the corpus ``r`` beside its cache file ``cache`` (atomically: a complete folder or
    none). Returns the folder."""
    target = shard_dir(cache)
    tmp = Path(tempfile.mkdtemp(dir=cache.parent, prefix=f".{target.name}."))
    try:
        first: dict[str, dict] = {}
        for s in r.speakers:  # each speaker once: the row of its first document, as ViewReport.speaker keeps it
            first.setdefault(s["speaker_id"], s)
        _dump(
            {
                "format": _FORMAT,
                "version": _VERSION,
                "report_id": r.report_id,
                "metadata": r.metadata,
                "meetings": r.meetings,
                "speakers": list(first.values()),
                "missions": r.missions,
                "summary": corpus_summary(r),
            },
            tmp / "index.json",
        )
        for kind, shards in (
            ("speaker", _speaker_shards(r)),
            ("mission", _mission_shards(r)),
            ("document", _document_shards(r)),
            ("theme", _theme_shards(r)),
        ):
            (tmp / kind).mkdir()
            for key, rows in shards.items():
                _dump(rows, tmp / kind / _name(key))
        os.chmod(tmp, 0o755)  # mkdtemp's folder is private; the cache's files are readable as any the user writes
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if not target.exists():
            raise
    return target


def read_index(folder: Path) -> ViewReport:
    """The index of the shards in ``folder``: a :class:`~kit.rows.ViewReport` of the corpus's metadata, meetings
    and speakers, with no paragraph, statement, mention or theme, whose memo holds the corpus's summary
    (:data:`SUMMARY`) and its documents' table. Raises ``OSError``/``ValueError`` when it cannot be read."""
    data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("version") != _VERSION:
        raise ValueError(f"{folder}: not an index of corpus shards")
    view = ViewReport(
        data["report_id"],
        data["metadata"],
        data["meetings"],
        [],
        data["speakers"],
        [],
        [],
        [],
        missions=data["missions"],
    )
    _seed(view, data["summary"], Shards(folder, view))
    return view


def _seed(view: ViewReport, found: dict, shards: Shards | None) -> None:
    memo = view.__dict__.setdefault("_memo", {})
    memo[SUMMARY] = found
    memo["documents"] = found["documents"]
    if shards is not None:
        memo[SHARDS] = shards


def summary(r: ViewReport) -> dict | None:
    """The whole corpus's summary an index or a shard carries (:func:`corpus_summary`), else None (the rows of
    ``r`` are the whole report)."""
    return getattr(r, "__dict__", {}).get("_memo", {}).get(SUMMARY)


def is_index(r: ViewReport) -> bool:
    """Whether ``r`` is the index of a corpus's shards (:func:`read_index`, or it in a language): it has the
    summary of the corpus and none of its paragraphs, statements, mentions or themes.

    >>> is_index(app_index())  # one report: its rows
    False
    """
    return SHARDS in getattr(r, "__dict__", {}).get("_memo", {})


def carried(r: ViewReport) -> dict:
    """The memo entries a copy of ``r`` in another language keeps (the summary and the shards: ids, not names)."""
    memo = getattr(r, "__dict__", {}).get("_memo", {})
    return {k: memo[k] for k in (SUMMARY, SHARDS, "documents") if k in memo and SUMMARY in memo}


def app_index(path: str | Path | None = None) -> ViewReport:
    """What an app that shows one choice at a time opens: on a corpus, the index of its shards (written with its
    cache; written now if the cache was written without them); one report, or a corpus whose cache cannot be
    written: :func:`~kit.views.data.app_report` (the whole report)."""
    path = Path(path).expanduser() if path is not None else report_path()
    if path.is_dir():
        try:
            cache = cache_file(path)
            folder = shard_dir(cache)
            if folder.is_dir():
                return read_index(folder)
        except (OSError, ValueError, KeyError, TypeError):
            pass
        view = app_report(path)
        try:
            return read_index(write_shards(view, cache_file(path)))
        except (OSError, ValueError, KeyError, TypeError):
            return view
    return app_report(path)


def part(r: ViewReport, kind: str, keys) -> ViewReport:
    """The rows of the report ``r`` the page shows for a choice: ``kind`` is ``"speaker"`` (``keys``: the speaker
    and the one compared with, if any), ``"mission"``, ``"document"`` or ``"theme"`` (``keys``: the themes).
    ``r`` itself when it holds its rows (one report, a whole corpus); from an index, the shards of the keys (a
    speaker, mission, document or theme the corpus does not have: no rows), with the index's metadata,
    meetings, speakers and summary, before any language is applied (:func:`kit.views.shell.part` applies the page's).

    A shard that cannot be read gives the whole corpus (:func:`~kit.views.data.app_report`).
    """
    memo = getattr(r, "__dict__", {}).get("_memo", {})
    shards: Shards | None = memo.get(SHARDS)
    if shards is None:
        return _document(r, keys) if kind == "document" and r.is_corpus else r
    if kind not in KINDS:
        raise ValueError(f"no shards of {kind!r}: the kinds are {', '.join(KINDS)}")
    index = shards.index
    keys = [k for k in dict.fromkeys(keys) if k]
    try:
        found = [_read(shards.folder / kind / _name(k)) for k in keys]
    except (OSError, ValueError):
        whole = app_report(index.metadata.get("source"))
        return whole if kind != "document" else _document(whole, keys)
    if kind == "document":
        doc = found[0] if found else None
        if doc is None:
            return _document(index, keys)
        return ViewReport(
            doc["report_id"],
            doc["metadata"],
            *(doc[t] for t in TABLE_KEYS[:-1]),
            missions=doc["missions"],
            problems=doc["problems"],
        )
    found = [f for f in found if f]
    tables = _merged(kind, found)
    view = ViewReport(
        index.report_id,
        index.metadata,
        index.meetings,
        tables["paragraphs"],
        _with_theme_speakers(index.speakers, found) if kind == "theme" else index.speakers,
        tables["statements"],
        tables["mentions"],
        tables["themes"],
        missions=index.missions,
    )
    _seed(view, memo[SUMMARY], None)
    return view


def _merged(kind: str, found: list[dict]) -> dict[str, list[dict]]:
    """The tables of the shards ``found`` as one: each row once; two themes' rows in the corpus's order."""
    tables = {
        t: found[0][t] if len(found) == 1 else _unique(row for f in found for row in f[t])
        for t in ("paragraphs", "statements", "mentions", "themes")
    }
    if kind == "theme" and len(found) > 1:  # two themes' rows in the corpus's order
        tables["themes"] = [
            t for _i, t in sorted({i: t for f in found for i, t in zip(f["order"], f["themes"])}.items())
        ]
    return tables


def _with_theme_speakers(speakers: list[dict], found: list[dict]) -> list[dict]:
    """The index's speakers and each document's own row of the speakers in the theme shards ``found`` (a note
    on a theme names them per document)."""
    have = {(sp.get("report_id"), sp["speaker_id"]) for sp in speakers}
    return [
        *speakers,
        *_unique(
            sp for f in found for sp in f.get("speakers", ()) if (sp.get("report_id"), sp["speaker_id"]) not in have
        ),
    ]


def _document(r: ViewReport, keys) -> ViewReport:
    from .corpus import document_view

    keys = list(keys)
    return document_view(r, keys[0]) if keys else r


def _read(file: Path) -> dict | None:
    """A shard's rows; None when there is no shard of that key (a speaker who never spoke)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if not isinstance(data, dict):
        raise ValueError(f"{file}: not a shard")
    return data


def _unique(rows) -> list[dict]:
    """Rows of two shards once each (a joint statement is in both speakers' shards), in their first order."""
    seen: set[str] = set()
    out = []
    for row in rows:
        key = json.dumps(row, sort_keys=True, ensure_ascii=False)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
