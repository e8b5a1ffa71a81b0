"""The sections that quote the report: purpose, key messages, briefers, asks, positions and figures.

One job: choose, for each section, the pieces of the selection it quotes and how much each matters (an item's
``priority``, which the two-page cut reads: :mod:`kit.teaching.note.cut`), and give every speaker of the
selection at least one line (:func:`cover`). Each section is one function of the
:class:`~kit.teaching.note.builder.Builder` the note is built on; :func:`quoted_sections` runs them in the order
that decides which section quotes a sentence first.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.note.builder import Builder
>>> from kit.teaching.note.tables import note_tables
>>> b = Builder(note_tables(load_report()), "2021-10-12", (), (), "en")
>>> [s.key for s in quoted_sections(b, [purpose(b)])]
['key_messages', 'asks', 'briefers', 'positions', 'figures']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..asks import addressee, form_kind
from ..figures import FIGURE_KINDS, find_figures
from ..speakers import official_name
from .builder import Builder
from .model import Item, Section
from .outline import DELEGATION_KINDS, INF, KEY_FIGURE_KINDS
from .pieces import Piece, long_penalty

__all__ = [
    "purpose",
    "key_messages",
    "briefers",
    "asks",
    "positions",
    "figures",
    "cover",
    "uncovered",
    "quoted_sections",
    "briefer_label",
]


def briefer_label(row: dict, name: str, tr, lang: str | None = None, text_lang: str | None = None) -> str:
    """ "Name (title, office)"; in a note of another language than its report, the title and office in the note's
    language (``titles.csv``), else in the report's words between quotation marks."""
    parts = [x for x in (row.get("title"), row.get("organization")) if x and x != "representative"]
    if lang and text_lang and lang != text_lang:
        parts = [official_name(x, lang) or tr.gettext("“{text}”").format(text=x) for x in parts]
    extra = ", ".join(parts)
    if row.get("kind") == "chair":
        return tr.gettext("{name} (Chair)").format(name=name)
    return f"{name} ({extra})" if extra else name


def purpose(b: Builder) -> Section:
    sec = b.section("purpose")
    meetings = [b.meeting] if b.meeting else list(b.t.meetings)[:3]
    for m in meetings:
        first = [p for p in b.pieces if p.para == m.get("first_para")]
        if first:
            sec.items.append(b.item("purpose", first[0], INF))
    if b.meeting:
        chair = [p for p in b.pieces if "chair" in p.kinds and (p.para, p.start) not in b.used]
        if chair:
            sec.items.append(b.item("purpose", chair[0], 200))
    if not sec.items:  # a report without meetings: its first attributed sentence
        if b.pieces:
            sec.items.append(b.item("purpose", b.pieces[0], INF))
    return sec


def key_messages(b: Builder) -> Section:
    sec = b.section("key_messages")
    firsts: dict[tuple, Piece] = {}
    for p in b.pieces:
        if (
            p.key
            and p.key not in firsts
            and len(p.speaker_ids) >= 2
            and p.kinds <= set(DELEGATION_KINDS)
            and b.selected(p)
        ):
            firsts[p.key] = p
    ranked = sorted(firsts.values(), key=lambda p: (-len(p.speaker_ids), p.para, p.start))[:4]
    for rank, p in enumerate(ranked):
        it = b.item("key_message", p, 130 + len(p.speaker_ids) - 10 * rank - long_penalty(p), form=b.ask_form(p))
        it.keep = rank < 2
        b.key_pieces.add(p.key)
        sec.items.append(it)
    return sec


def briefers(b: Builder) -> Section:
    """Each briefer's first sentence, then more of what they said in proportion to it: about one item for
    every two paragraphs they spoke (their asks, listed under Asks, count), spread over their paragraphs."""
    sec = b.section("briefers")
    order: dict[str, list[Piece]] = {}
    for p in b.pieces:
        if len(p.speaker_ids) == 1 and p.kinds == {"briefer"} and b.selected(p):
            order.setdefault(p.speaker_ids[0], []).append(p)
    for sid, ps in order.items():
        row = b.t.speaker.get(sid, {})
        label = briefer_label(row, b.labels.get(sid, sid), b.tr, b.lang, b.text_lang)
        own_asks = [p for p in ps if b.ask_form(p)]
        free = [p for p in ps if not b.ask_form(p) and (p.para, p.start) not in b.used]
        if not free:
            continue
        head = _briefer_head(free)
        paras = sorted({p.para for p in ps})
        share = max(1, round(len(paras) / 2)) - len(own_asks) - sum(len(_parts_of(p)) for p in own_asks)
        chosen = [head, *_briefer_more(b, free, head, share - 1)]
        chosen = sorted({(p.para, p.start): p for p in chosen}.values(), key=lambda p: (p.para, p.start))
        for p in chosen:
            rank = 0 if p is head else 1 + chosen.index(p)
            priority = (125 if rank == 0 else 110 - 3 * rank) - long_penalty(p)
            sec.items.append(b.item("briefing", p, priority, group=label, keep=rank == 0))
    return sec


def _briefer_head(free: list[Piece]) -> Piece:
    """A briefer's first line: their first sentence, or after a long opening (over 60 words) the statement's
    shortest sentence of substance."""
    firsts = [p for p in free if p.index == 0]
    head = firsts[0] if firsts else free[0]
    if head.words > 60:
        same = [p for p in free if p.key == head.key and p.words >= 8]
        head = min(same, key=lambda p: (p.words > 60, p.index)) if same else head
    return head


def _briefer_more(b: Builder, free: list[Piece], head: Piece, n: int) -> list[Piece]:
    """Up to ``n`` more lines of a briefer: the first sentence of each of their other paragraphs (a sentence with a
    figure first among neighbours), evenly spread over them."""
    others = [
        p for p in free if p.para != head.para and p.words <= 60 and (p.index == 0 or find_figures(p.text, b.text_lang))
    ]
    by_para: dict[int, Piece] = {}
    for p in others:
        best = by_para.get(p.para)
        if best is None or (bool(find_figures(p.text, b.text_lang)), -p.index) > (
            bool(find_figures(best.text, b.text_lang)),
            -best.index,
        ):
            by_para[p.para] = p
    pool = [by_para[k] for k in sorted(by_para)]
    n = max(0, min(n, len(pool)))
    return [pool[round(j * (len(pool) - 1) / max(1, n - 1))] for j in range(n)]


def _parts_of(p: Piece) -> list:
    """One place per numbered area an ask announces ("in four areas": four)."""
    m = _ENUM.search(p.text)
    return [0] * _NUMBERS.get(m.group("n").lower(), 0) if m else []


_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def asks(b: Builder) -> Section:
    sec = b.section("asks")
    ps = [p for p in b.pieces if p.key and b.selected(p)]
    found = []
    for i, p in enumerate(ps):
        form = b.ask_form(p)
        if not form or (p.para, p.start) in b.used and p.key not in b.key_pieces:
            continue
        kind = form_kind(form, b.text_lang)
        strong = 8 if kind in ("verb", "welcome") else 3 if kind == "necessity" else 5
        delegation = 10 if p.kinds & {"chair", "briefer"} else 4 if p.kinds <= set(DELEGATION_KINDS) else 0
        named = 6 if addressee(p.text, b.text_lang) else 0  # who asks whom for what
        found.append((strong + delegation + named + min(len(p.speaker_ids), 6), i, p, form))
    per_speaker: dict[tuple, int] = {}
    for rank, (score, _i, p, form) in enumerate(sorted(found, key=lambda x: (-x[0], x[2].para, x[2].start))):
        nth = per_speaker[tuple(p.speaker_ids)] = per_speaker.get(tuple(p.speaker_ids), -1) + 1
        prio = 112 + score - 8 * nth - long_penalty(p) / 2
        it = b.item(
            "ask",
            p,
            prio,
            form=form,
            addressee=addressee(p.text, b.text_lang),
            keep=nth == 0 and (rank < 5 or "briefer" in p.kinds),
        )  # a briefer's main ask stays
        _enumeration(b, it, p)
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


def _enumeration(b: Builder, it: Item, p: Piece) -> None:
    """An ask announcing "four areas" takes "The first area was ...", "The second area ..." as its parts."""
    m = _ENUM.search(p.text)
    if not m:
        return
    noun = m.group("noun").lower().removesuffix("s").removesuffix("ie")
    rx = re.compile(
        rf"^(?:The|A|An)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        rf"next|last|final|other)\s+{noun}",
        re.I,
    )
    for q in b.pieces:
        if (q.para, q.start) <= (p.para, p.start) or q.speaker_ids != p.speaker_ids or not rx.match(q.text):
            continue
        if (q.para, q.start) in b.used or q.para > p.para + 6:
            continue
        it.parts.append({"para": q.para, "start": q.start, "text": q.text})
        b.used.add((q.para, q.start))
        if q.para not in it.paras:
            it.paras.append(q.para)


def positions(b: Builder) -> Section:
    sec = b.section("positions")
    by_group: dict[tuple, list[Piece]] = {}
    for p in b.pieces:
        if (
            p.key
            and p.kinds <= set(DELEGATION_KINDS)
            and p.key not in b.key_pieces
            and b.selected(p)
            and (p.para, p.start) not in b.used
            and not b.ask_form(p)
        ):
            by_group.setdefault(p.key, []).append(p)
    chosen: list[tuple[str | None, Piece]] = []
    for ps in by_group.values():

        def score(p: Piece) -> tuple:
            hits = sum(n for th, n in p.themes.items() if not b.theme_ids or th in b.theme_ids)
            return (-(hits > 0), p.words > 70, -hits, p.index)

        best = min(ps, key=score)
        themes = {th: n for th, n in best.themes.items() if not b.theme_ids or th in b.theme_ids}
        theme = max(sorted(themes), key=lambda th: themes[th]) if themes else None
        chosen.append((theme, best))
    # themes in order of how many delegations raised them
    reach: dict[str | None, set] = {}
    for theme, p in chosen:
        reach.setdefault(theme, set()).update(p.speaker_ids)
    order = sorted(reach, key=lambda th: (th is None, -len(reach[th]), b.theme_label.get(th, "") or ""))
    for ti, theme in enumerate(order):
        ps = sorted((p for th, p in chosen if th == theme), key=lambda p: (-len(p.speaker_ids), p.para, p.start))
        title = b.theme_label.get(theme, theme) if theme else b.tr.gettext("Other points")
        for rank, p in enumerate(ps):
            prio = 104 + 2 * min(len(p.speaker_ids), 5) - 16 * rank - ti - long_penalty(p)
            sec.items.append(
                b.item("position", p, prio, group=title, keep=False)
            )  # the asks go after; a speaker keeps one line
    return sec


def figures(b: Builder) -> Section:
    sec = b.section("figures")
    found = []
    for p in b.pieces:
        if not b.selected(p) or (not p.key and b.speaker_ids):
            continue
        figs = find_figures(p.text, b.text_lang)
        if figs:
            found.append((min(FIGURE_KINDS.index(f["kind"]) for f in figs), p, figs))
    found.sort(key=lambda x: (x[0], x[1].para, x[1].start))
    base = dict(zip(range(len(FIGURE_KINDS)), (108, 100, 100, 100, 85, 70, 55)))
    for rank, (k, p, figs) in enumerate(found):
        figs = sorted(figs, key=lambda f: FIGURE_KINDS.index(f["kind"]))
        key = any(f["kind"] in KEY_FIGURE_KINDS for f in figs)
        sec.items.append(
            b.item("figure", p, base[k] + 20 * key - 6 * rank - long_penalty(p) / 2, figures=figs, keep=rank < 2 or key)
        )
    return sec


def uncovered(b: Builder, sections: list[Section]) -> list[str]:
    """The speakers of the selection no item of ``sections`` quotes, in order of first statement."""
    said = [
        sid
        for p in b.pieces
        if p.key and b.selected(p)
        for sid in p.speaker_ids
        if not b.speaker_ids or sid in b.speaker_ids
    ]
    seen = {sid for s in sections for i in s.items for sid in i.speaker_ids}
    return [sid for sid in dict.fromkeys(said) if sid not in seen]


def cover(b: Builder, sections: list[Section]) -> None:
    """Give every speaker of the selection a line: a delegation left out so far gets its shortest sentence of
    substance under its theme (positions); a briefer, under Briefers."""
    by_key = {s.key: s for s in sections}
    for sid in uncovered(b, sections):
        ps = [p for p in b.pieces if sid in p.speaker_ids and p.key and b.selected(p)]
        ps = sorted(ps, key=lambda p: (len(p.speaker_ids) > 1, p.words < 8, p.words, p.para))
        if not ps:
            continue
        p = ps[0]
        if p.kinds == {"briefer"}:
            label = briefer_label(b.t.speaker.get(sid, {}), b.labels.get(sid, sid), b.tr, b.lang, b.text_lang)
            by_key["briefers"].items.append(b.item("briefing", p, 125, group=label, keep=True))
            by_key["briefers"].items.sort(key=lambda i: (i.group != label, i.paras[0]))
            continue
        theme = max(sorted(p.themes), key=lambda th: p.themes[th]) if p.themes else None
        title = b.theme_label.get(theme, theme) if theme else b.tr.gettext("Other points")
        sec = by_key["positions"]
        at = max((n + 1 for n, i in enumerate(sec.items) if i.group == title), default=len(sec.items))
        sec.items.insert(at, b.item("position", p, 104, group=title, keep=True))


def quoted_sections(b: Builder, before: Iterable[Section] = ()) -> list[Section]:
    """The sections that quote the selection (key messages, asks, briefers, positions, figures), every speaker
    of the selection given a line (in these sections or in ``before``, the purpose: what it quotes is not quoted
    again)."""
    sections = [key_messages(b), asks(b), briefers(b), positions(b), figures(b)]
    cover(b, [*before, *sections])
    return sections
