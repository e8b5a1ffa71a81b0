"""The Citations, the annex and the two-page cut of a note across documents.

One job: fit a note on one theme (:func:`kit.teaching.theme_note.theme_note`) into two pages and say what it does
not quote. The cut drops the least important quotes first (each document's most important line weighs more, so
every document keeps one line while any document has two), then puts back what still fits. The Citations keep one
"Cite as" line per document quoted and one line (:func:`annex_line`) counting what the annex, after the two pages,
lists document by document: every paragraph on the theme and every key figure not quoted.

Examples
--------
>>> print(annex_line([Item("not_quoted", "…", [3, 4], report_id="a")], {"a"}, "en"))  # doctest: +NORMALIZE_WHITESPACE
Not quoted in this note: 2 paragraphs on the theme in 1 document, listed in the annex after the two pages.
"""

from __future__ import annotations

from ..citation import cite
from ..i18n import and_list, semicolon, translator
from .note.builder import Builder
from .note.cut import markdown_lines_of, say_cut
from .note.model import Item, Note, Section
from .note.outline import INF
from .theme_documents import Document

__all__ = ["AcrossCut", "annex_line"]


class AcrossCut:
    """The citations of a note across documents, its annex and its two-page cut."""

    def __init__(self, note: Note, docs: list[Document], builders: dict[str, Builder], tr) -> None:
        self.note, self.docs, self.builders, self.tr = note, docs, builders, tr
        self.n_body = len(note.sections)
        self.memo: dict[tuple, tuple[list[Item], list[Item]]] = {}
        # the key figures said on the theme in each document (found once; each cut step checks which are quoted)
        self.figures = {
            d.report_id: [f for f in builders[d.report_id].figures_not_quoted([]) if f["para"] in set(d.theme_paras)]
            for d in docs
        }

    def tail(self) -> list[Section]:
        """The Citations (one line per document quoted, and one line counting the rest) and, when anything on
        the theme is not quoted, the annex that lists it document by document (see :func:`annex_line`)."""
        lang = self.note.lang
        body = self.note.sections[: self.n_body]
        first = next(iter(self.builders.values()))
        sec, annex = first.section("citations"), first.section("annex")
        by_doc: dict[str | None, list[Item]] = {}
        for i in (i for s in body for i in s.items if i.kind != "to_fill"):
            by_doc.setdefault(i.report_id, []).append(i)
        for d in self.docs:
            mine = by_doc.get(d.report_id, [])
            cited = tuple(sorted({p for i in mine for p in i.paras}))
            quoted = tuple((i.paras[0], i.text) for i in mine if i.quote)
            key = (d.report_id, cited, quoted)
            if key not in self.memo:  # the cut rebuilds the tail at each step; most documents have not changed
                self.memo[key] = self._lines(d, list(cited), quoted)
            citation, listed = self.memo[key]
            sec.items += citation
            annex.items += listed
        if not annex.items:
            return [sec]
        sec.items.append(Item("see_annex", annex_line(annex.items, {i.report_id for i in sec.items}, lang), []))
        return [sec, annex]

    def _lines(self, d: Document, cited: list[int], quoted: tuple) -> tuple[list[Item], list[Item]]:
        """A document's "Cite as" line (when quoted), and its annex lines: the paragraphs on the theme and the key
        figures not quoted."""
        tr, lang = self.tr, self.note.lang
        citation, listed = [], []
        if cited:
            citation.append(
                Item(
                    "citation",
                    tr.gettext("Cite as: {citation}").format(citation=cite(d.label, cited, lang)),
                    cited,
                    report_id=d.report_id,
                    document=d.label,
                )
            )
        rest = sorted(set(d.theme_paras) - set(cited))
        if rest:
            listed.append(
                Item(
                    "not_quoted",
                    tr.gettext("Paragraphs on the theme not quoted in this note: {citation}").format(
                        citation=cite(d.label, rest, lang)
                    ),
                    rest,
                    report_id=d.report_id,
                    document=d.label,
                )
            )
        figures = [
            f
            for f in self.figures[d.report_id]
            if not any(para == f["para"] and f["text"] in text for para, text in quoted)
        ]
        if figures:
            text = semicolon(lang).join(f"{f['text']} ({cite(d.label, [f['para']], lang)})" for f in figures)
            listed.append(
                Item(
                    "not_quoted",
                    tr.gettext("Figures not quoted in this note: {figures}").format(figures=text),
                    sorted({f["para"] for f in figures}),
                    report_id=d.report_id,
                    document=d.label,
                    figures=[{"text": f["text"], "kind": f["kind"]} for f in figures],
                )
            )
        return citation, listed

    def apply(self, full: dict[str, list[Item]], dropped: set[int], cache: dict) -> int:
        body = self.note.sections[: self.n_body]
        b = next(iter(self.builders.values()))
        for s in body:
            s.items = [i for i in full[s.key] if id(i) not in dropped]
            if s.key != "purpose":
                say_cut(s, full[s.key], b)
        self.note.refresh()
        self.note.sections[self.n_body :] = self.tail()
        return self.note.words(cache)

    def fit(self, limit: int) -> None:
        """Drop the least important quotes until the Markdown up to the annex fits ``limit`` words, then put back,
        most important first, any that still fits. What is dropped goes to the annex, which is not counted: the
        Citations grow by one line per document quoted, so the two pages hold whatever the number of documents."""
        body = self.note.sections[: self.n_body]
        full = {s.key: list(s.items) for s in body}
        cache: dict = {}
        dropped: set[int] = set()
        order = sorted(
            (i for s in body for i in s.items if i.priority != INF), key=lambda i: (i.priority, -len(i.text))
        )
        words = self.apply(full, dropped, cache)
        estimate = words
        for item in order:
            if estimate <= limit:
                words = self.apply(full, dropped, cache)
                if words <= limit:
                    break
                estimate = words
            dropped.add(id(item))
            estimate -= sum(len(line.split()) for line in markdown_lines_of(item, cache, self.note.lang))
        words = self.apply(full, dropped, cache)
        for item in sorted((i for i in order if id(i) in dropped), key=lambda i: -i.priority):
            if sum(len(line.split()) for line in markdown_lines_of(item, cache, self.note.lang)) > limit - words:
                continue
            dropped.discard(id(item))
            words = self.apply(full, dropped, cache)
            if words > limit:
                dropped.add(id(item))
                words = self.apply(full, dropped, cache)


def annex_line(annex: list[Item], quoted: set[str | None], lang: str) -> str:
    """The line of the Citations that counts what the annex lists: the paragraphs on the theme not quoted, in how
    many documents (how many of them not quoted at all), and the key figures not quoted.

    Why an annex and not a file beside the note: a desk officer forwards one file, and a UN reader knows the
    annex after the body; the two pages stay the note (the length limit counts up to the annex), the annex
    starts on a new page (HTML, Word; a rule in Markdown; a section of its own in the JSON), and nothing on the
    theme is out of the reader's sight.

    Examples
    --------
    >>> items = [Item("not_quoted", "…", [3, 4], report_id="a"), Item("not_quoted", "…", [7], report_id="b"),
    ...          Item("not_quoted", "…", [7], report_id="b", figures=[{"text": "12", "kind": "casualties"}])]
    >>> print(annex_line(items, {"a"}, "en"))  # doctest: +NORMALIZE_WHITESPACE
    Not quoted in this note: 3 paragraphs on the theme in 2 documents (1 of them not quoted at all)
    and 1 key figure, listed in the annex after the two pages.
    >>> print(annex_line(items[:1], {"a"}, "fr"))  # doctest: +NORMALIZE_WHITESPACE
    Non cités dans la présente note : 2 paragraphes sur le thème dans 1 document ; voir la liste en annexe,
    après les deux pages.
    """
    tr = translator(lang)
    paras = [(i.report_id, p) for i in annex if not i.figures for p in i.paras]
    docs = {i.report_id for i in annex}
    n_figures = sum(len(i.figures) for i in annex)
    unquoted = len(docs - quoted)
    documents = tr.ngettext("{n} document", "{n} documents", len(docs)).format(n=len(docs))
    figures = tr.ngettext("{n} key figure", "{n} key figures", n_figures).format(n=n_figures)
    pieces = []
    if paras:
        pieces.append(
            tr.gettext("{paragraphs} in {documents}").format(
                paragraphs=tr.ngettext("{n} paragraph on the theme", "{n} paragraphs on the theme", len(paras)).format(
                    n=len(paras)
                ),
                documents=documents,
            )
        )
        if unquoted:
            pieces[0] += " " + tr.ngettext(
                "({n} of them not quoted at all)", "({n} of them not quoted at all)", unquoted
            ).format(n=unquoted)
        if n_figures:
            pieces.append(figures)
    else:
        pieces.append(tr.gettext("{paragraphs} in {documents}").format(paragraphs=figures, documents=documents))
    return tr.gettext("Not quoted in this note: {what}, listed in the annex after the two pages.").format(
        what=and_list(pieces, lang)
    )
