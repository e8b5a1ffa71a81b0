"""The apps as static pages: every state a participant can reach is an HTML file (``kit site``).

Each page is the HTML the Voilà app shows for the same choice, from the same view function (``overview_html``,
``speakers_html``, ``compare_table``, ``themes_html``, ``missions_html``, the briefing note), made static by
:func:`staticize`, which changes only what needs a server:

- the stylesheet the apps inline in every panel becomes one file (``_kit/apps.css``);
- a download (a ``data:`` link) becomes a file next to the page, byte for byte the same;
- the links the apps give to ``?lang=``, ``?mission=`` and ``*.ipynb`` become relative links to pages.

The widgets become what a static page has: a ``<select>`` and a button that opens the chosen page, a list of
links, and the Themes app's search box, which runs the app's search in JavaScript over an index the build writes
(``search.js``, loaded with a ``<script>`` tag so that it works from ``file://`` too).

A page in ``lang`` lives at ``<lang>/<name>.html`` under the report's folder; every link is relative.

Examples
--------
>>> slug("person:lacroix"), slug("<b>")
('person-lacroix', 'b')
>>> static_href("themes.ipynb?lang=fr", PageRef("fr", "mission-UNMISS.html"), ("en", "fr"))
'themes.html'
>>> static_href("?lang=en", PageRef("fr", "mission-UNMISS.html"), ("en", "fr"))
'../en/mission-UNMISS.html'
"""

from __future__ import annotations

import base64
import html as _html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from markupsafe import Markup, escape

from .. import i18n
from ..errors import ReportError
from . import queries
from .data import ViewReport
from .html import STYLE, _, panel, render
from .missions import missions_html
from .overview import overview_html
from .shell import header, localized
from .speakers import compare_table, speakers_html
from .themes import themes_html

__all__ = [
    "PageRef",
    "Page",
    "slug",
    "static_href",
    "staticize",
    "report_pages",
    "search_index",
    "write_report_site",
    "PAGE_OF_APP",
    "ASSETS",
]

#: The page each app of the registry opens on (in each language's folder).
PAGE_OF_APP = {
    "overview": "index.html",
    "speakers": "speakers.html",
    "themes": "themes.html",
    "missions": "missions.html",
    "briefing_note": "briefing_note.html",
}
#: The site's shared files (under ``_kit/`` at the top of the site), from the kit's package data.
ASSETS = ("apps.css", "site.css", "site.js")
#: The inline stylesheet every panel carries, and the link a static page has instead.
_STYLE = str(STYLE)
_DOWNLOAD = re.compile(r'<a class="dl" download="([^"]*)" href="(data:[^"]*)"')
_ATTR = re.compile(r'\b(href|src)="([^"]*)"')
_SWITCH = re.compile(r'<p class="lang-switch"[^>]*>.*?</p>\n?', re.S)


def slug(value: object) -> str:
    """A file-name-safe form of an id: letters, digits, ``_`` and ``-`` (others become ``-``)."""
    out = re.sub(r"[^A-Za-z0-9_-]+", "-", str(value)).strip("-")
    return out or "x"


@dataclass(frozen=True)
class PageRef:
    """Where a page is: its language folder and file name."""

    lang: str
    name: str


@dataclass
class Page:
    """One page: its file ``name`` in the language folder, ``title``, the ``app`` it belongs to, its ``body``
    (views' HTML, made static when written), and ``files`` to write next to it (name -> bytes)."""

    name: str
    title: str
    app: str
    body: Markup
    files: dict[str, bytes] = field(default_factory=dict)
    search: bool = False


def static_href(href: str, page: PageRef, langs: tuple[str, ...]) -> str:
    """The static link for a link the apps give: an app's notebook, a language switch, a mission on the map.

    Other links (fragments, relative files) are kept.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if parts.path.endswith(".ipynb"):
        app = parts.path[: -len(".ipynb")]
        return PAGE_OF_APP.get(app, PAGE_OF_APP["overview"])
    if not parts.path and "mission" in query:
        return f"mission-{slug(query['mission'])}.html"
    if not parts.path and "lang" in query:
        lang = i18n.normalize(query["lang"])
        return page.name if lang == page.lang else f"../{lang}/{page.name}"
    return href


def _data_uri(uri: str) -> bytes:
    head, _sep, payload = uri.partition(",")
    return base64.b64decode(payload) if head.endswith(";base64") else unquote(payload).encode("utf-8")


def _file_name(name: str) -> str:
    return re.sub(r"[^\w.\- ]+", "_", name).strip(". ") or "download"


def staticize(html: str, page: PageRef, langs: tuple[str, ...], files: dict[str, bytes]) -> str:
    """The views' ``html`` as a static page at ``page`` shows it: no inline stylesheet, downloads as files
    (added to ``files``, relative name -> bytes, under ``files/<page>/``), static links; the language switch
    is left out when the site has one language.

    >>> files = {}
    >>> staticize('<a class="dl" download="a.csv" href="data:text/csv;base64,eA==">', PageRef("en", "x.html"),
    ...           ("en",), files), files
    ('<a class="dl" download="a.csv" href="files/x/a.csv">', {'files/x/a.csv': b'x'})
    """
    html = str(html).replace(_STYLE, "")
    if len(langs) < 2:
        html = _SWITCH.sub("", html)
    folder = f"files/{page.name.rsplit('.', 1)[0]}"

    def download(m: re.Match) -> str:
        name = _file_name(_html.unescape(m.group(1)))
        rel = f"{folder}/{name}"
        files[rel] = _data_uri(_html.unescape(m.group(2)))
        return f'<a class="dl" download="{m.group(1)}" href="{escape(rel)}"'

    html = _DOWNLOAD.sub(download, html)

    def attr(m: re.Match) -> str:
        value = _html.unescape(m.group(2))
        new = static_href(value, page, langs)
        return m.group(0) if new == value else f'{m.group(1)}="{escape(new)}"'

    return _ATTR.sub(attr, html)


# ---------------------------------------------------------------------------- pickers and lists


def _picker(ident: str, label: str, options: list[tuple[str, str]], current: str | None) -> Markup:
    """A ``<select>`` of pages and a button that opens the chosen one (``site.js``)."""
    return render(
        "site_picker.html.j2",
        ident=ident,
        label=label,
        current=current,
        options=[(text, href, href == current) for text, href in options],
    )


def _links(heading: str, items: list[tuple[str, str]]) -> Markup:
    return panel(render("site_links.html.j2", heading=heading, items=items))


def _head(r: ViewReport, app: str, lead: str, *controls: Markup) -> Markup:
    return panel(header(r, app, lead) + Markup("").join(controls))


# ---------------------------------------------------------------------------- pages of each app


def _pair(sid: str, other: str) -> str:
    """The page of a pair of speakers: one page per pair (either speaker's page links to it), named by the two
    speaker ids in order, so that the English and French sites, whose lists sort differently, name it alike."""
    a, b = sorted((sid, other))
    return f"compare-{slug(a)}-{slug(b)}.html"


def _speaker_pages(r: ViewReport) -> Iterator[Page]:
    options = queries.speaker_options(r)
    pages = [(label, f"speaker-{slug(sid)}.html", sid) for label, sid in options]
    order = {sid: i for i, (_l, sid) in enumerate(options)}
    lead = _(
        "Choose a delegation or briefer: every statement they made, with the paragraph number to cite, the "
        "themes they raised and who joined them. Choose a second speaker to compare."
    )
    title = _("Speakers")
    choose = [(label, href) for label, href, _sid in pages]
    yield Page(
        "speakers.html",
        title,
        "speakers",
        _head(r, "speakers", lead, _picker("speaker", _("Speaker"), choose, None)) + _links(_("Every speaker"), choose),
    )
    for _label, href, sid in pages:
        name = r.speaker[sid]["name"]
        others = [(lab, _pair(sid, o)) for lab, _h, o in pages if o != sid]
        yield Page(
            href,
            f"{name} · {title}",
            "speakers",
            _head(
                r,
                "speakers",
                lead,
                _picker("speaker", _("Speaker"), choose, href),
                _picker("compare", _("Compare with"), others, None),
            )
            + speakers_html(r, sid),
        )
        for _lab, other_href, other in pages[order[sid] + 1 :]:
            o = r.speaker[other]["name"]
            body = render(
                "site_compare.html.j2",
                name=name,
                other=o,
                table=compare_table(r, sid, other),
                back=[(name, href), (o, other_href)],
            )
            yield Page(
                _pair(sid, other), f"{name} · {o} · {title}", "speakers", _head(r, "speakers", lead) + panel(body)
            )


def _theme_pages(r: ViewReport) -> Iterator[Page]:
    lead = _(
        "Search the report for any words: the results appear under the search box. Or choose a theme: "
        "where it comes up, who raised it, and the sentences with the matched terms marked."
    )
    options = [(label, f"theme-{slug(t)}.html") for label, t in queries.theme_options(r)]
    title = _("Themes")
    search = render("site_search.html.j2", cap=_cap(), limit=_limit())
    all_label = _("All themes")
    choose = [(all_label, "themes.html"), *options]
    yield Page(
        "themes.html",
        title,
        "themes",
        _head(r, "themes", lead, search, _picker("theme", _("Theme"), choose, "themes.html"))
        + themes_html(r, [])
        + _links(_("Every theme"), options),
        search=True,
    )
    for (label, href), (_l, theme) in zip(options, queries.theme_options(r)):
        yield Page(
            href,
            f"{label} · {title}",
            "themes",
            _head(r, "themes", lead, search, _picker("theme", _("Theme"), choose, href)) + themes_html(r, [theme]),
            search=True,
        )


def _mission_pages(r: ViewReport) -> Iterator[Page]:
    lead = _(
        "Peacekeeping operations and political missions the report names, by acronym or by full name. "
        "Choose one, in the list or on the map, to read every sentence that names it and who was speaking."
    )
    summary = queries.mission_summary(r)
    options = [("{} — {}".format(m["key"], m["name"]), f"mission-{slug(m['key'])}.html") for m in summary]
    title = _("Missions")
    yield Page(
        "missions.html",
        title,
        "missions",
        _head(r, "missions", lead, *([_picker("mission", _("Mission"), options, None)] if options else []))
        + missions_html(r, None),
    )
    for (_label, href), m in zip(options, summary):
        yield Page(
            href,
            f"{m['key']} · {title}",
            "missions",
            _head(r, "missions", lead, _picker("mission", _("Mission"), options, href)) + missions_html(r, m["key"]),
        )


def _note_pages(r: ViewReport, lang: str, word: bool) -> Iterator[Page]:
    from .note_app import _fragment, meeting_options

    lead = _(
        "A short briefing note on each meeting, or on the whole report: every line is a sentence of the "
        "report, word for word, with the paragraph to cite. Check it against the report before you use it."
    )
    title = _("Briefing note")
    options = [
        (label, "briefing_note.html" if not mid else f"note-{slug(mid)}.html", mid) for label, mid in meeting_options(r)
    ]
    choose = [(label, href) for label, href, _m in options]
    for label, href, mid in options:
        head = _head(r, "briefing_note", lead, _picker("meeting", _("Meeting"), choose, href))
        yield _note_page(r, lang, href, f"{label} · {title}", head, mid or None, word, _fragment)


def _note_page(
    r: ViewReport, lang: str, href: str, title: str, head: Markup, meeting: str | None, word: bool, fragment: Callable
) -> Page:
    from ..teaching.briefing import build_note

    page = Page(href, title, "briefing_note", head)
    try:
        note = build_note(r, meeting=meeting, lang=lang)
    except ReportError as exc:  # a meeting that gives no note
        page.body += panel(
            Markup('<p role="status"><b>{}</b> {}</p>').format(
                _("No note for these choices:"), exc.localized(lang, source=False)
            )
        )
        return page
    stem = "-".join([*_("briefing note").lower().split(), r.report_id, meeting or _("all")])
    folder = f"files/{href.rsplit('.', 1)[0]}"
    made = [
        (f"{stem}.md", note.to_markdown().encode("utf-8"), _("Briefing note (Markdown)")),
        (f"{stem}.html", note.to_html().encode("utf-8"), _("Briefing note (HTML)")),
    ]
    if word:
        import io

        try:
            buf = io.BytesIO()
            note.to_docx(buf)
            made.append((f"{stem}.docx", buf.getvalue(), _("Briefing note (Word)")))
        except ImportError:
            pass  # python-docx missing: write_report_site says so once
    links = Markup("").join(
        render("download.html.j2", filename=name, href=f"{folder}/{_file_name(name)}", label=label)
        for name, _b, label in made
    )
    page.files = {f"{folder}/{_file_name(name)}": data for name, data, _l in made}
    page.body += panel(
        Markup("<h3>{}</h3>").format(_("Download the note"))
        + links
        + Markup('<div class="note">{}</div>').format(Markup(fragment(note)))
    )
    return page


def report_pages(r: ViewReport, lang: str, word: bool = True) -> Iterator[Page]:
    """Every page of the apps for the report ``r`` (already :func:`~kit.views.shell.localized`) in ``lang``,
    the language the kit is set to while they are made."""
    yield Page("index.html", _("Overview"), "overview", overview_html(r))
    yield from _speaker_pages(r)
    yield from _theme_pages(r)
    yield from _mission_pages(r)
    yield from _note_pages(r, lang, word)


# ---------------------------------------------------------------------------- search index


def _cap() -> int:
    from .shell import MAX_QUERY

    return MAX_QUERY


def _limit() -> int:
    return 200  # as search_html: the first 200 hits


def _utf16(text: str, offset: int) -> int:
    """A Python offset as a JavaScript string index (UTF-16 code units)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def search_index(r: ViewReport) -> dict:
    """What the static search reads: each paragraph's number and text, and its statements' spans (JavaScript
    string offsets) and speakers, in the order :func:`kit.views.queries.search` looks them up."""
    spans: dict[int, list] = {}
    for s in r.statements:
        text = r.text.get(s["para"], "")
        spans.setdefault(s["para"], []).append([_utf16(text, s["start"]), _utf16(text, s["end"]), s["speaker"]])
    return {
        "cap": _cap(),
        "limit": _limit(),
        "paras": [[p["para"], p["text"], spans.get(p["para"], [])] for p in r.paragraphs],
    }


# ---------------------------------------------------------------------------- writing


def _write(path: Path, data: bytes | str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def write_report_site(
    report: ViewReport, folder: Path, langs: tuple[str, ...], root: str, word: bool = True
) -> list[Path]:
    """Write the pages of ``report`` in each of ``langs`` under ``folder`` (``<lang>/*.html``, their files,
    ``search.js``); ``root`` is the relative path from a language folder to the site's ``_kit/`` assets.
    Returns the pages written. The kit's language is put back as it was."""
    before = i18n.get_language()
    written: list[Path] = []
    _write(
        folder / "search.js",
        "window.KIT_SEARCH = " + json.dumps(search_index(report), ensure_ascii=False, separators=(",", ":")) + ";\n",
    )
    try:
        for lang in langs:
            i18n.set_language(lang)
            r = localized(report, lang)
            for page in report_pages(r, lang, word):
                files = dict(page.files)
                body = staticize(page.body, PageRef(lang, page.name), langs, files)
                html = render(
                    "site_page.html.j2",
                    lang=lang,
                    title=page.title,
                    report=r.label,
                    body=Markup(body),
                    root=root,
                    search=page.search,
                )
                target = folder / lang / page.name
                _write(target, str(html))
                for rel, data in files.items():
                    _write(folder / lang / rel, data)
                written.append(target)
    finally:
        i18n.set_language(before)
    return written
