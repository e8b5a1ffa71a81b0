"""The two-page cut of a note on one meeting: drop the least important quotes until the Markdown fits.

One job: fit a note into its length limit (:data:`~kit.teaching.note.outline.MAX_WORDS` words of Markdown per
meeting) the same way every time, by the items' ``priority``, and say in each emptied section that it was cut.
The rules, in order:

- a request's numbered areas first go to one line each (:func:`brief_span`); the request itself stays whole;
- then the least important items go, those marked ``keep`` last; an ask or a key figure is never dropped, it is cut
  to a one-line verbatim excerpt instead (:func:`brief`), and a speaker always keeps one line;
- an ask that names whom it asks (``addressee``) goes only once every plain position has gone;
- last, any dropped item that still fits is put back, most important first.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.note import MAX_WORDS, build_note
>>> whole = build_note(load_report(), meeting="2021-04-13", max_words=None, lang="en")
>>> note = build_note(load_report(), meeting="2021-04-13", lang="en")
>>> whole.words() > MAX_WORDS >= note.words()
True
>>> any(i.brief for i in note.items if i.kind == "ask"), any(i.brief for i in whole.items)
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...i18n import N_
from .builder import Builder
from .model import Item, Note, Section
from .outline import INF, KEY_FIGURE_KINDS, SECTION_EMPTY

__all__ = ["trim", "say_cut", "brief_span", "brief", "unbrief", "briefable", "markdown_lines_of", "BRIEF_WORDS"]


def markdown_lines_of(item: Item, cache: dict, lang: str = "en") -> list[str]:
    """The Markdown lines of ``item`` (what the cut counts), rendered once per ``cache``."""
    from ..note_render import item_markdown

    return item_markdown(item, cache, lang)


def say_cut(section: Section, full: list[Item], b: Builder) -> None:
    """An emptied section says it was cut, not that the meeting had nothing of the kind."""
    empty = SECTION_EMPTY.get(section.key, N_("Nothing in the selection."))
    cut = N_("Cut to fit two pages: see the statements not quoted, under Citations.")
    section.empty = b.tr.gettext(cut if full and not section.items else empty)


#: Words of the one-line excerpt an ask is cut to when its whole sentence does not fit (:func:`brief_span`).
BRIEF_WORDS = 16


def brief_span(
    text: str, lo: int = 0, hi: int | None = None, anchor: str | None = None, words: int = BRIEF_WORDS
) -> list[int]:
    """The ``[start, end]`` of a one-line verbatim excerpt of ``text[lo:hi]``: about ``words`` words, from the
    start of the span, or from a few words before ``anchor`` (an ask's form) when it comes later.

    The note shows an ask cut to this line rather than leaving it out (an ask is never cut to nothing).

    >>> t = "The representative of India said that, in that regard, it was important to call on host States to act."
    >>> a, b = brief_span(t, anchor="call on", words=8)
    >>> t[a:b]
    'it was important to call on host States'
    >>> brief_span("Short enough.")
    [0, 13]
    """
    hi = len(text) if hi is None else hi
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[lo:hi])]
    spans = [(lo + a, lo + b) for a, b in spans]
    if len(spans) <= words:
        return [lo, hi]
    first = 0
    at = text.find(anchor, lo, hi) if anchor else -1
    if at >= 0:
        n = sum(1 for a, _ in spans if a < at)  # the form's first word, and the word after it
        m = sum(1 for a, _ in spans if a < at + len(anchor or ""))
        if m > words:  # the form comes late: start four words before it, the whole form in the line
            first = max(m - words, min(max(0, n - 4), len(spans) - words))
    last = min(len(spans), first + words) - 1
    end = spans[last][1]
    while end > spans[first][0] and text[end - 1] in ",;:–—-":
        end -= 1
    return [spans[first][0], end]


def briefable(item: Item) -> bool:
    """An ask, or a key figure (:data:`KEY_FIGURE_KINDS`): cut to one line, never to nothing."""
    return item.kind == "ask" or item.kind == "figure" and any(f["kind"] in KEY_FIGURE_KINDS for f in item.figures)


def brief(item: Item) -> None:
    """Cut an ask (and its parts) or a key figure to one line each: a verbatim excerpt around the ask's form or the
    figure, the whole sentence kept in ``text``."""
    lo, hi = item.own or (0, len(item.text))
    key = [f["text"] for f in item.figures if f["kind"] in KEY_FIGURE_KINDS]
    item.brief = brief_span(item.text, lo, hi, item.form if item.kind == "ask" else (key or [None])[0])
    for part in item.parts:
        part["brief"] = brief_span(part["text"])


def unbrief(item: Item) -> None:
    """Put an item cut to one line (:func:`brief`) back whole."""
    item.brief = None
    for part in item.parts:
        part.pop("brief", None)


def trim(note: Note, b: Builder, limit: int) -> None:
    """Fit the Markdown of ``note`` into ``limit`` words by the rules of this module, then refresh its citations.

    The note's last section is its Citations, rebuilt by ``b`` (:meth:`~kit.teaching.note.builder.Builder.citations`)
    at each step.
    """
    _Trim(note, b, limit).run()


@dataclass
class _Trim:
    """The state of one cut: the note's sections as built (``full``), what is dropped so far (by ``id``), how many
    kept items quote each speaker (``lines``: a speaker may be cut to one line, never to nothing)."""

    note: Note
    b: Builder
    limit: int
    body: list[Section] = field(init=False)
    full: dict[str, list[Item]] = field(init=False)
    lines: dict[str, int] = field(init=False)
    dropped: set[int] = field(default_factory=set)
    cache: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.body = self.note.sections[:-1]
        self.full = {s.key: list(s.items) for s in self.body}
        self.lines = {}
        for s in self.body:
            for i in s.items:
                for sid in i.speaker_ids:
                    self.lines[sid] = self.lines.get(sid, 0) + 1

    def run(self) -> None:
        order = self.order()
        words = self.note.words(self.cache)
        if words > self.limit:  # a request's numbered areas first go to one line each: the request stays whole
            for item in self.full.get("asks", []):
                for part in item.parts:
                    part["brief"] = brief_span(part["text"])
            words = self.note.words(self.cache)
        self.drop_until_fits(order, words)
        self.put_back(order, self.apply())

    def order(self) -> list[Item]:
        """The items in the order they go: least important first, those marked ``keep`` last; an ask that names its
        addressee only once every position has gone."""
        order = sorted(
            (i for s in self.body for i in self.full[s.key] if i.priority != INF),
            key=lambda i: (i.keep, i.priority, -len(i.text)),
        )
        addressed = [i for i in order if i.kind == "ask" and i.addressee]
        last_position = max((n for n, i in enumerate(order) if i.kind == "position"), default=-1)
        moved = {id(i) for i in addressed if order.index(i) < last_position}
        return (
            [i for i in order[: last_position + 1] if id(i) not in moved]
            + [i for i in addressed if id(i) in moved]
            + order[last_position + 1 :]
        )

    def apply(self) -> int:
        """Put the kept items in their sections, rebuild the Citations; the words of the note."""
        for s in self.body:
            s.items = [i for i in self.full[s.key] if id(i) not in self.dropped or briefable(i)]
            say_cut(s, self.full[s.key], self.b)
        self.note.refresh()
        self.note.sections[-1] = self.b.citations(self.body)
        return self.note.words(self.cache)

    def drop(self, item: Item) -> bool:
        """Drop ``item``, or cut it to one line if it is an ask or a key figure; ``False`` when it must stay."""
        if briefable(item):  # cut to one line, never to nothing
            if item.brief:
                return False
            brief(item)
            self.dropped.add(id(item))
            return True
        if any(self.lines.get(sid, 0) <= 1 for sid in item.speaker_ids):
            return False
        self.dropped.add(id(item))
        for sid in item.speaker_ids:
            self.lines[sid] -= 1
        return True

    def restore(self, item: Item) -> None:
        """Undo :meth:`drop`."""
        self.dropped.discard(id(item))
        if briefable(item):
            unbrief(item)
            return
        for sid in item.speaker_ids:
            self.lines[sid] += 1

    def size(self, item: Item) -> int:
        """The words of ``item`` in the note's Markdown."""
        return sum(len(line.split()) for line in markdown_lines_of(item, self.cache, self.note.lang))

    def drop_until_fits(self, order: list[Item], words: int) -> None:
        """Drop in ``order``, counting each item's own words, and check the real count when the estimate fits."""
        estimate = words
        for item in order:
            if estimate <= self.limit:
                words = self.apply()
                if words <= self.limit:
                    break
                estimate = words
            before = self.size(item)
            if self.drop(item):
                estimate -= before - (self.size(item) if briefable(item) else 0)

    def put_back(self, order: list[Item], words: int) -> None:
        """Put back, most important first, every dropped item that still fits (no position while an ask that names
        its addressee is out)."""
        addressed = [i for i in order if i.kind == "ask" and i.addressee]
        for item in sorted((i for i in order if id(i) in self.dropped), key=lambda i: (-i.keep, -i.priority)):
            if item.kind == "position" and any(id(a) in self.dropped for a in addressed):
                continue
            if briefable(item):  # what putting the whole sentence back adds to the one line
                short = self.size(item)
                unbrief(item)
                extra = self.size(item) - short
                brief(item)
            else:
                extra = self.size(item)
            if extra > self.limit - words:
                continue  # cannot fit
            self.restore(item)
            words = self.apply()
            if words > self.limit:
                self.drop(item)
                words = self.apply()
