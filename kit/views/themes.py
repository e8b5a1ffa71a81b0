"""The Themes app: search the report's text, or choose themes: where they come up, who raised them, and the
sentences with the matched terms marked (and, with the other language version, the paragraphs in both).

Examples
--------
>>> from kit.views import app_report
>>> "<mark>" in search_html(app_report(), "women")
True
"""

from __future__ import annotations

from markupsafe import Markup

from . import charts, corpus, queries, shards
from .data import ViewReport, app_report
from .html import _, csv_download, highlight, markdown_download, panel, render, table
from .shell import (
    MAX_CORPUS_NAMES,
    MAX_QUERY,
    capped_table,
    control,
    file_name,
    guard,
    header,
    html_widget,
    localized,
    make_app_class,
    open_report,
    part,
    ref,
    ref_column,
    shown,
)

__all__ = ["MAX_QUERY", "MAX_BILINGUAL", "themes_html", "search_html", "themes_app"]


#: Most paragraphs a search shows in both languages (when the room has both versions of the report).
MAX_BILINGUAL = 20


def themes_html(r: ViewReport, themes: list[str], query: str = "", alt: ViewReport | None = None) -> Markup:
    """The themes panel; with ``query``, the search results first (the app shows those under its search box);
    with ``alt``, the other language version of the report, the matching paragraphs in both languages."""
    themes = list(themes)
    label = ", ".join(r.theme_label.get(t, t) for t in themes) or _("all themes")
    names, cols, values = queries.theme_matrix(r, themes)
    if r.is_corpus:  # the speakers who raised the themes most
        names, values = names[:MAX_CORPUS_NAMES], values[:MAX_CORPUS_NAMES]
    hits = queries.theme_hits(r, themes) if themes else []
    found = shards.summary(r)
    per_para = _hits_per_paragraph(r, themes)
    n_paras = found["n_rows"]["paragraphs"] if found and "n_rows" in found else len(r.paragraphs)
    over_time = None
    if r.is_corpus:  # where in the corpus: themes by year (or month), instead of one report's paragraph strip
        names_t, periods, counts_t = corpus.themes_over_time(r, themes)
        over_time = charts.heatmap(
            names_t, periods, counts_t, corner=_("Theme"), title=_("Paragraphs naming each theme, by period")
        )
    strip = None
    if not r.is_corpus:
        strip = charts.para_strip([p["para"] for p in r.paragraphs], per_para, sections=_section_starts(r))
    searched = search_html(r, query) if query else Markup("")
    return searched + panel(
        render(
            "themes.html.j2",
            label=label,
            n_hit=len(per_para),
            n_paras=n_paras,
            strip=strip,
            over_time=over_time,
            heatmap=charts.heatmap(
                names, cols, values, corner=_("Speaker"), title=_("Statements per speaker and theme")
            ),
            chosen=bool(themes),
            n_hits=len(hits),
            downloads=_downloads(r, label, hits) if themes else None,
            sentences=_sentences(r, hits) if themes else None,
            bilingual=_both_languages(r, alt, label, hits) if themes else None,
        )
    )


def _hits_per_paragraph(r: ViewReport, themes: list[str]) -> dict[int, int]:
    """paragraph -> how often the themes' terms occur in it (all themes when none is chosen); on a corpus index
    or a theme's shard, every paragraph number of the corpus naming them, counted once."""
    found = shards.summary(r)
    per_para: dict[int, int] = {}
    if found and "theme_numbers" in found:  # an index or a theme's shard: the whole corpus's counts
        for th, numbers in found["theme_numbers"].items():
            if not themes or th in themes:
                per_para.update(dict.fromkeys(numbers, 1))
    for t in r.themes if not found else ():
        if not themes or t["theme"] in themes:
            per_para[t["para"]] = per_para.get(t["para"], 0) + int(t["n_hits"] or 1)
    return per_para


def _section_starts(r: ViewReport) -> list[tuple[int, str]]:
    """(first paragraph, "numeral. title") of each section of the report, in its order."""
    firsts, seen = [], set()
    for p in r.paragraphs:
        if p.get("section") and p["section"] not in seen:
            seen.add(p["section"])
            firsts.append((p["para"], f"{p['section']}. {p.get('section_title') or ''}"))
    return firsts


def _downloads(r: ViewReport, label: str, hits: list[dict]) -> Markup:
    """The matching sentences to download: CSV (each with its citation) and a Markdown note."""
    rows = (
        [h["para"], h["label"], h["speaker"], h["terms"], " ".join(h["sentence"].split()), r.cite_rows([h])]
        for h in hits
    )
    return csv_download(
        file_name(r, _("themes"), "csv"),
        ["para", "theme", "speaker", "terms", "sentence", "citation"],
        rows,
        _("Matching sentences (CSV)"),
    ) + markdown_download(
        file_name(r, _("themes"), "md"),
        queries.note_markdown(r, label, [(h["para"], h["speaker"], h["sentence"], h["report_id"]) for h in hits]),
    )


def _sentences(r: ViewReport, hits: list[dict]) -> Markup:
    """The matching sentences, the terms marked (on a corpus, the first rows, with a line saying so)."""
    return capped_table(
        r,
        [ref_column(r), _("Theme"), _("Speaker"), _("Sentence (matched terms marked)")],
        (
            [ref(r, h), h["label"], h["speaker"] or "—", highlight(h["sentence"], h["term_spans"], cls="term")]
            for h in shown(r, hits)[0]
        ),
        len(hits),
    )


def _both_languages(r: ViewReport, alt: ViewReport | None, label: str, hits: list[dict]) -> Markup | str:
    """The matching paragraphs in both languages (with ``alt``, the other language version; not on a corpus)."""
    if r.is_corpus:
        return ""
    from .bilingual import paragraph_pairs, side_by_side_html

    pairs = paragraph_pairs(r, alt, sorted({h["para"] for h in hits}))
    return side_by_side_html(r, alt, pairs, _("{themes} in both languages").format(themes=label))


def search_html(r: ViewReport, query: str, alt: ViewReport | None = None) -> Markup:
    """Free-text search results (keyword in context), for the panel right under the search box; with ``alt``,
    the other language version of the report, the paragraphs found in both languages (the first
    :data:`MAX_BILINGUAL`).

    Queries longer than :data:`MAX_QUERY` characters are cut, and the panel says so.
    """
    query = (query or "").strip()
    if not query:
        return Markup("")
    cut = len(query) > MAX_QUERY
    query = query[:MAX_QUERY]
    limit = 200
    rows = queries.search(r, query, limit=limit)
    downloads = (
        csv_download(
            file_name(r, _("search"), "csv"),
            ["para", "speaker", "left", "match", "right", "citation"],
            ([x["para"], x["speaker"], x["left"], x["match"], x["right"], r.cite_rows([x])] for x in rows),
            _("Search results (CSV)"),
        )
        if rows
        else ""
    )
    table_html = table(
        [ref_column(r), _("Speaker"), _("Keyword in context")],
        (
            [ref(r, x), x["speaker"] or "—", Markup("{}<mark>{}</mark>{}").format(x["left"], x["match"], x["right"])]
            for x in rows
        ),
        numeric=(0,),
        empty=_("No paragraph contains “{query}”.").format(query=query),
        cls="kt stack",
    )
    bilingual = ""
    if alt is not None and rows and not r.is_corpus:
        from .bilingual import paragraph_pairs, side_by_side_html

        paras = sorted({x["para"] for x in rows})[:MAX_BILINGUAL]
        bilingual = side_by_side_html(
            r, alt, paragraph_pairs(r, alt, paras), _("“{query}” in both languages").format(query=query)
        )
    return panel(
        render(
            "search.html.j2",
            query=query,
            n=len(rows),
            limit=limit,
            cut=cut,
            cap=MAX_QUERY,
            downloads=downloads,
            rows=table_html,
            bilingual=bilingual,
        )
    )


def themes_app(
    report: ViewReport | None = None,
    themes: list[str] | None = None,
    lang: str | None = None,
    alt: ViewReport | None = None,
):
    """Search the text, or pick themes: paragraph strip, speaker x theme heatmap, matching sentences (and, with
    the other language version of the report, ``alt`` or ``$KIT_REPORT_ALT``, their paragraphs in both)."""
    r, err = open_report(report, "Themes", lang, index=report is None)
    if err:
        return err
    from .bilingual import alt_report

    alt = alt if alt is not None else None if r.is_corpus else alt_report(r)  # a corpus: no one other version
    options = queries.theme_options(r)
    counts = dict(queries.theme_counts(r))
    default = themes if themes is not None else [max(options, key=lambda o: counts.get(o[0], 0))[1]] if options else []
    status = html_widget("kit-status")
    query, pick = _controls(status, options, default)
    found = html_widget("kit-search-out")
    out = html_widget("kit-out")
    _wire(r, alt, query=query, pick=pick, status=status, found=found, out=out)
    lead = _(
        "Search the report for any words; the results appear "
        "right under the search box. Or choose one or more themes: "
        "where they come up, who raised them, and the sentences with the "
        "matched terms marked."
    )
    intro = html_widget("kit-head", panel(header(r, "themes", lead, several=True)))
    app = make_app_class()(
        f"Themes app: {r.report_id}, {len(options)} themes", [intro, query, status, found, pick, out]
    )
    app.add_class("kit-app")
    return app


def _controls(status, options: list[tuple[str, str]], default: list[str]) -> tuple:
    """The app's two controls: the search box (searched on Enter) and the list of themes."""
    query = control(
        "Text",
        "kit-query",
        status,
        placeholder=_("e.g. women peacekeepers, then press Enter"),
        description=_("Search the report"),
        continuous_update=False,
    )
    pick = control(
        "SelectMultiple",
        "kit-themes",
        status,
        options=options,
        value=tuple(default),
        rows=min(10, max(3, len(options))),
        description=_("Themes"),
        max_width="820px",
    )
    return query, pick


def _wire(r: ViewReport, alt, *, query, pick, status, found, out) -> None:
    """The app's callbacks, in one place: the themes chosen redraw the panel, a search fills the results under
    the search box (on a corpus index, from the whole corpus, read at the first search)."""
    whole: list[ViewReport] = []

    def searched() -> ViewReport:
        """The rows a search reads: on a corpus index, the whole corpus, read at the first search."""
        if not shards.is_index(r):
            return r
        if not whole:
            whole.append(localized(app_report(r.metadata.get("source")), r.cite_lang))
        return whole[0]

    def redraw(*_args):
        status.value = ""
        guard(out, lambda: themes_html(part(r, "theme", list(pick.value)), list(pick.value), alt=alt))

    def research(*_args):
        status.value = ""
        guard(found, lambda: search_html(searched(), query.value, alt))

    pick.observe(redraw, names="value")
    query.observe(research, names="value")
    redraw()
