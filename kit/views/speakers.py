"""The Speakers app: everything one delegation or briefer said, with the paragraph to cite, the themes they
raised, who joined them, a comparison with a second speaker and (with the other language version of the
report) their statements in both languages.

Examples
--------
>>> from kit.views import app_report
>>> "Mexico" in speakers_html(app_report(), "MEX")
True
"""

from __future__ import annotations

from markupsafe import Markup

from .. import i18n
from ..i18n import ngettext
from . import charts, corpus, queries
from .data import ViewReport
from .html import OKABE_ITO, _, csv_download, kind_label, markdown_download, panel, render, table
from .shell import (
    MAX_CORPUS_NAMES,
    MAX_QUERY,
    capped_table,
    control,
    file_name,
    guard,
    header,
    html_widget,
    make_app_class,
    message,
    number,
    open_report,
    part,
    shown,
    statement_columns,
    statement_rows,
    widgets,
)

__all__ = ["speakers_html", "compare_table", "speaker_aliases", "find_speakers", "speakers_app"]


def speakers_html(r: ViewReport, sid: str | None, other: str | None = None, alt: ViewReport | None = None) -> Markup:
    """The chosen speaker's panel; with ``alt``, the other language version of the report, their statements
    in both languages side by side (:mod:`kit.views.bilingual`)."""
    if not sid or sid not in r.speaker:
        return panel(Markup('<p class="muted">{}</p>').format(_("Choose a delegation or briefer above.")))
    from .bilingual import side_by_side_html, speaker_pairs

    sp = r.speaker[sid]
    sts = queries.statements_of(r, sid)
    has_other = bool(other and other in r.speaker and other != sid)
    body = render(
        "speaker.html.j2",
        who=f"{sp['name']} ({kind_label(sp['kind'])})",
        n=len(sts),
        across=_across(r, sid, sp["name"]) if r.is_corpus else None,
        extra=", ".join(x for x in (sp.get("title"), sp.get("organization")) if x and x != "representative"),
        citation=r.cite_rows(sts) if sts else "",
        downloads=_downloads(r, sid, sp["name"], sts),
        theme_chart=charts.bar_chart(
            [(label, n, OKABE_ITO["green"]) for label, n, _p in queries.themes_of(r, sid)], title=_("Themes raised")
        ),
        joint=_joint_table(r, sid),
        matrix=_joint_heatmap(r),
        compare=compare_table(r, sid, other) if has_other else None,
        name=sp["name"],
        other_name=r.speaker[other]["name"] if has_other else "",
        bilingual=""
        if r.is_corpus
        else side_by_side_html(
            r, alt, speaker_pairs(r, alt, sid), _("{name} in both languages").format(name=sp["name"])
        ),
        statements=capped_table(r, statement_columns(r), statement_rows(r, shown(r, sts)[0]), len(sts)),
        other_statements=table(
            statement_columns(r), statement_rows(r, queries.statements_of(r, other)), numeric=(0,), cls="kt stack"
        )
        if has_other
        else None,
    )
    return panel(body)


def _downloads(r: ViewReport, sid: str, name: str, sts: list[dict]) -> Markup:
    """A speaker's statements to download: CSV, and a Markdown note quoting each one with its citation."""
    what = _("statements")
    fname = f"{sid.replace(':', '-')}-{what}"
    return csv_download(
        file_name(r, fname, "csv"), queries.STATEMENT_COLUMNS, queries.statement_rows(r, sts), _("Statements (CSV)")
    ) + markdown_download(
        file_name(r, fname, "md"),
        queries.note_markdown(
            r,
            _("Statements by {name}").format(name=name),
            [(s["para"], s["speaker"], s["text"], s["report_id"]) for s in sts],
        ),
    )


def _across(r: ViewReport, sid: str, name: str) -> dict:
    """On a corpus, the speaker across its documents: a line (statements, documents, years) and a table of the
    documents they spoke in, each with its citation."""
    n, n_docs, first, last = corpus.speaker_span(r, sid)
    years = first if first == last else f"{first}–{last}"
    line = ngettext("{name}: {n} statement in {docs}", "{name}: {n} statements in {docs}", n).format(
        name=name, n=number(n), docs=ngettext("{n} document", "{n} documents", n_docs).format(n=number(n_docs))
    )
    rows = (
        [
            i18n.format_date(d["date"], i18n.get_language()) if d["date"] else "—",
            d["label"],
            corpus.kind_label(d["kind"]),
            number(d["statements"]),
            d["citation"],
        ]
        for d in corpus.speaker_documents(r, sid)
    )
    return {
        "line": line + (f", {years}" if years else ""),
        "table": table(
            [_("Date"), _("Document"), _("Kind"), _("Statements"), _("Cite as")], rows, numeric=(3,), cls="kt stack"
        ),
    }


def _joint_table(r: ViewReport, sid: str) -> Markup | None:
    """Who was summarised together with the speaker, and in which paragraphs (None: nobody)."""
    partners = queries.joint_partners(r, sid)
    if not partners:
        return None
    return table(
        [_("Joined by"), _("Paragraphs")],
        ([name, queries.para_list(r, p)] for _s, name, p in partners),
        cls="kt stack",
    )


def _joint_heatmap(r: ViewReport) -> Markup | None:
    """The sentences summarising each pair of speakers together (on a corpus, the speakers most often in one);
    None when no sentence summarises two."""
    names, counts = queries.joint_matrix(r)
    if r.is_corpus:
        names, counts = names[:MAX_CORPUS_NAMES], [row[:MAX_CORPUS_NAMES] for row in counts[:MAX_CORPUS_NAMES]]
    if not names:
        return None
    return charts.heatmap(
        names, names, counts, corner=_("spoke with →"), title=_("Sentences summarising each pair of speakers together")
    )


def compare_table(r: ViewReport, sid: str, other: str) -> Markup:
    """The themes two speakers raised, side by side: the Speakers app's comparison (and a static site's
    comparison page, :mod:`kit.views.site`)."""
    a, b = r.speaker[sid], r.speaker[other]
    return table(
        [_("Theme"), a["name"], _("Paragraphs"), b["name"], _("Paragraphs")],
        (
            [t, str(na), queries.para_list(r, pa), str(nb), queries.para_list(r, pb)]
            for t, na, nb, pa, pb in queries.compare_speakers(r, sid, other)
        ),
        numeric=(1, 3),
        empty=_("Neither raised a theme."),
        cls="kt stack",
    )


def speaker_aliases(r: ViewReport) -> dict[str, set[str]]:
    """Other names participants type for each Member State that speaks: lower-cased.

    The names of the kit's one resolver (:func:`kit.teaching.speakers.state_names`: the ``iso3`` code, the UN and
    running names in English and French, their initials where no other State shares them: UK, US, DRC, CAR), and
    the names of an optional ``short_names`` column of ``member_states.csv`` (``|``-separated) where a trainer can
    add more.

    >>> from kit.views import app_report
    >>> aliases = speaker_aliases(app_report())
    >>> all(a == a.lower() for names in aliases.values() for a in names) and "uk" in aliases["GBR"]
    True
    """
    from ..gazetteer import load_gazetteer
    from ..teaching.speakers import state_names

    out: dict[str, set[str]] = {}
    for row in load_gazetteer().table("member_states.csv"):
        sid = row.get("iso3", "")
        if sid not in r.speaker:
            continue
        names = [*state_names(row), *str(row.get("short_names") or "").split("|")]
        out[sid] = {n.strip().lower() for n in names if n.strip()}
    return out


def find_speakers(options: list[tuple[str, str]], aliases: dict[str, set[str]], query: str) -> list[tuple[str, str]]:
    """The dropdown options a "Find" query matches: exact short names first (UK, DRC), then names containing it.

    >>> opts = [("Ukraine — Member State", "UKR"), ("United Kingdom — Member State", "GBR")]
    >>> [sid for _, sid in find_speakers(opts, {"GBR": {"uk", "gbr"}}, "UK")]
    ['GBR', 'UKR']
    >>> find_speakers(opts, {}, "xyzq")
    []
    """
    q = " ".join((query or "").lower().split())
    if not q:
        return list(options)
    exact = [o for o in options if q in aliases.get(o[1], set())]
    partial = [
        o
        for o in options
        if o not in exact and (q in o[0].lower() or any(q in a for a in aliases.get(o[1], set()) if len(a) > 3))
    ]
    return exact + partial


def speakers_app(
    report: ViewReport | None = None, speaker: str | None = None, lang: str | None = None, alt: ViewReport | None = None
):
    """Pick a delegation or briefer: statements in context, themes, joint statements, comparison, and (with the
    other language version of the report, ``alt`` or ``$KIT_REPORT_ALT``) their statements in both languages."""
    r, err = open_report(report, "Speakers", lang, index=True)  # a corpus: the shard of the speaker chosen
    if err:
        return err
    from .bilingual import alt_report

    alt = alt if alt is not None else None if r.is_corpus else alt_report(r)  # a corpus: no one other version
    options = queries.speaker_options(r)
    first = speaker or next(
        (sid for _, sid in options if r.speaker[sid]["kind"] == "member_state"), options[0][1] if options else None
    )
    status = html_widget("kit-status")
    search, pick, compare = _controls(status, options, first)
    out = html_widget("kit-out")
    _wire(r, alt, speaker_aliases(r), options, search=search, pick=pick, compare=compare, status=status, out=out)
    lead = _(
        "Choose a delegation or briefer: every statement "
        "they made, with the paragraph number to cite, the themes they "
        "raised and who joined them. Choose a second speaker to compare."
    )
    intro = html_widget("kit-head", panel(header(r, "speakers", lead)))
    app = make_app_class()(
        f"Speakers app: {r.report_id}, {len(options)} speakers",
        [intro, widgets().VBox([search, status, pick, compare]), out],
    )
    app.add_class("kit-app")
    return app


def _controls(status, options: list[tuple[str, str]], first: str | None) -> tuple:
    """The app's three controls: the "Find" box, the speaker's list and the list to compare with."""
    search = control(
        "Text",
        "kit-find",
        status,
        placeholder=_("part of a name, or UK, USA, DRC …"),
        description=_("Find a speaker"),
        continuous_update=True,
        max_width="520px",
    )
    pick = control("Dropdown", "kit-speaker", status, options=options, value=first, description=_("Speaker"))
    compare = control(
        "Dropdown",
        "kit-compare",
        status,
        options=[(_("— nobody —"), "")] + options,
        value="",
        description=_("Compare with"),
    )
    return search, pick, compare


def _wire(r: ViewReport, alt, aliases, options, *, search, pick, compare, status, out) -> None:
    """The app's callbacks, in one place: a choice redraws the panel; a "Find" query narrows the speaker's list
    (keeping the speaker chosen when it is still there) and says how many it found, or that none matched."""

    def redraw(*_args):
        status.value = ""
        guard(
            out,
            lambda: speakers_html(
                part(r, "speaker", [pick.value, compare.value]), pick.value, compare.value or None, alt
            ),
        )

    def show(opts: list[tuple[str, str]]) -> None:
        """Narrow the list to ``opts``, keeping the chosen speaker when it is still there (no jump)."""
        current = pick.value
        if [v for _, v in pick.options] != [v for _, v in opts]:
            pick.unobserve(redraw, names="value")
            try:
                pick.options = opts  # ipywidgets selects the first option here ...
                values = [v for _, v in opts]
                pick.value = current if current in values else values[0]  # ... so the choice is restored
            finally:
                pick.observe(redraw, names="value")
        if pick.value != current:
            redraw()

    def refilter(change):
        q = (change["new"] or "").strip()[:MAX_QUERY]
        found = find_speakers(options, aliases, q)
        show(found or options)
        status.value = str(_found_message(q, len(found)))

    search.observe(refilter, names="value")
    pick.observe(redraw, names="value")
    compare.observe(redraw, names="value")
    redraw()


def _found_message(query: str, n: int) -> Markup:
    """The status line after a "Find" query: how many speakers it found, or (an alert) that none matched."""
    if not n:
        return message(
            _(
                "No speaker matches “{query}”. Try part of a name (for example "
                "“Kingdom”), or a short name such as UK, USA or DRC. The list "
                "shows every speaker, and the page still shows the speaker "
                "chosen before."
            ).format(query=query),
            alert=True,
        )
    return message(ngettext("{n} speaker found.", "{n} speakers found.", n).format(n=n) if query else "")
