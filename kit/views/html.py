"""HTML building blocks for the apps: escaping, templates, highlighting, tables, downloads, errors.

Safe by default: app HTML is rendered from autoescaping Jinja2 templates
(``kit/views/templates/*.html.j2``, package data) and every helper here returns
:class:`markupsafe.Markup`. A plain ``str`` that reaches a template or
:func:`table` is escaped, so a report containing ``<script>`` or
``<img onerror=...>`` shows that text and runs nothing.

>>> str(highlight("a <b> c", [(2, 5)]))
'a <mark>&lt;b&gt;</mark> c'
"""

from __future__ import annotations

import base64
from typing import Iterable, Sequence

import jinja2
from markupsafe import Markup, escape

# The one CSV rule (formula guard) of the kit; report text in Markdown goes through kit.exports.escape_markdown.
from ..exports import csv_text
from .. import i18n
from ..i18n import N_
from ..paths import asset
from .spans import kwic, merge_spans as _merge, term_spans  # text analysis lives in kit.views.spans

__all__ = [
    "esc",
    "render",
    "highlight",
    "kwic",
    "table",
    "para_ref",
    "download_link",
    "csv_text",
    "csv_download",
    "markdown_download",
    "error_panel",
    "STYLE",
    "OKABE_ITO",
    "KIND_COLOUR",
    "KIND_LABEL",
    "panel",
    "term_spans",
    "kind_label",
]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
KIND_COLOUR = {
    "member_state": OKABE_ITO["blue"],
    "briefer": OKABE_ITO["orange"],
    "chair": OKABE_ITO["green"],
    "organization": OKABE_ITO["purple"],
    "other": "#666666",
}
#: Speaker kinds as the apps name them, in English (marked for the catalogue; shown through :func:`kind_label`).
KIND_LABEL = {
    "member_state": N_("Member State"),
    "briefer": N_("Briefer"),
    "chair": N_("Chair"),
    "organization": N_("Organization"),
    "other": N_("Other"),
}


def kind_label(kind: str | None) -> str:
    """A speaker kind in the apps' language: ``"Member State"``, ``"État Membre"``."""
    return _(KIND_LABEL.get(kind or "other", kind or KIND_LABEL["other"]))


def _(message: str) -> str:
    """``message`` in the apps' language (:func:`kit.i18n.get_language`: the page's ``?lang=``, else ``$KIT_LANG``)."""
    return i18n.gettext(message)


# One stylesheet for every app (kit/assets/apps.css), read once as package data.
STYLE = Markup("<style>{}</style>").format(Markup(asset("apps.css").read_text(encoding="utf-8")))

# The apps' templates (kit/views/templates/*.html.j2), autoescaped.
# Their text is marked with jinja2's i18n extension (``{{ _("...") }}``) and translated, when rendered, into the
# apps' language by the kit's catalogue (kit.i18n), so one template serves English and French.
_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("kit.views", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
_ENV.install_gettext_callables(
    lambda m: i18n.gettext(m),
    lambda s, p, n: i18n.ngettext(s, p, n),  # type: ignore[attr-defined] - added by the i18n extension
    newstyle=True,
)

# Compiled templates are kept between kernels (jinja2's bytecode cache, in a private folder of the system's
# temporary directory, keyed on each template's source, so an edited template is compiled again): every app page
# is a kernel of its own, and compiling the templates cost each one 0.2-0.6 s on the 2-core machine.
try:
    _ENV.bytecode_cache = jinja2.FileSystemBytecodeCache()
except (OSError, RuntimeError):  # no usable temporary folder: each kernel compiles them, as before
    pass


def render(template: str, **context) -> Markup:
    """Render one of the apps' templates; every value that is not :class:`Markup` is escaped.

    >>> str(render("download.html.j2", filename="a<b>.csv", href="data:,", label="x"))[:40]
    '<a class="dl" download="a&lt;b&gt;.csv" '
    """
    return Markup(_ENV.get_template(template).render(**context))


def esc(value) -> Markup:
    """Escape anything for HTML text or attribute values (None -> empty); already-safe Markup passes.

    >>> str(esc('<a href="x">')), str(esc(None))
    ('&lt;a href=&#34;x&#34;&gt;', '')
    """
    return Markup("") if value is None else escape(value)


def highlight(text: str, spans: Iterable[tuple[int, int]], cls: str | None = None) -> Markup:
    """``text`` as escaped HTML with each ``text[start:end]`` in ``<mark>`` (overlaps merged).

    >>> str(highlight("He said <x>. She agreed.", [(0, 12)]))
    '<mark>He said &lt;x&gt;.</mark> She agreed.'
    """
    text = text or ""
    mark = Markup('<mark class="{}">{}</mark>') if cls else Markup("<mark>{}</mark>")
    parts, pos = [], 0
    for s, e in _merge(spans, len(text)):
        parts.append(esc(text[pos:s]))
        parts.append(mark.format(cls, text[s:e]) if cls else mark.format(text[s:e]))
        pos = e
    parts.append(esc(text[pos:]))
    return Markup("").join(parts)


# term_spans and kwic (text analysis, not markup) are defined in kit.views.spans and imported above.


def table(
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    numeric: Sequence[int] = (),
    cls: str = "kt",
    empty: str = "",
    caption: str = "",
) -> Markup:
    """An HTML table from the ``table.html.j2`` template.

    Cells are escaped unless they are :class:`~markupsafe.Markup` (what :func:`esc`, :func:`highlight`,
    :func:`para_ref` and :func:`render` return), so report text never becomes markup. Each cell
    carries its column name (``data-label``) so a phone can show a row as a labelled card.

    >>> str(table(["Name"], [["<b>x</b>"]])).count("&lt;b&gt;")
    1
    """
    rows = [list(r) for r in rows]
    return render(
        "table.html.j2",
        columns=list(columns),
        rows=rows,
        numeric=set(numeric),
        cls=cls,
        empty=empty or _("Nothing to show."),
        caption=caption,
    )


def para_ref(para: object) -> Markup:
    """A paragraph number as table cell markup (bold, never wrapped)."""
    return Markup('<span class="para">{}</span>').format(para)


def download_link(filename: str, content: str | bytes, label: str, mime: str = "text/csv") -> Markup:
    """An ``<a download>`` with the file inside a ``data:`` URI: no server round trip.

    Text is sent as UTF-8 with a byte-order mark, so spreadsheet programs read
    accented names (Côte d'Ivoire) correctly; bytes (a Word file) go as they are.

    >>> str(download_link("a.csv", "x\\r\\n", "CSV"))[:60]
    '<a class="dl" download="a.csv" href="data:text/csv;charset=u'
    >>> str(download_link("a.docx", b"PK", "Word", mime="application/zip"))[:58]
    '<a class="dl" download="a.docx" href="data:application/zip'
    """
    if isinstance(content, str):
        payload, mime = ("\ufeff" + content).encode("utf-8"), f"{mime};charset=utf-8"
    else:
        payload = content
    href = f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"
    return render("download.html.j2", filename=filename, href=href, label=label)


def csv_download(filename: str, columns: Sequence[str], rows: Iterable[Sequence], label: str) -> Markup:
    """The apps' ONE way to offer a CSV: :func:`csv_text` (formula-guarded) in a :func:`download_link`.

    Choice, documented: app downloads start with a UTF-8 byte-order mark so that Excel opens accented
    names correctly when a participant double-clicks the file; ``kit export`` (files for programs) writes
    none. When ``kit.exports`` offers the one CSV writer, this function is the only one to repoint.
    """
    return download_link(filename, csv_text(columns, rows), label)


def markdown_download(filename: str, markdown: str, label: str = "") -> Markup:
    """A Markdown file to download (build its text with :func:`kit.exports.escape_markdown` on report text)."""
    return download_link(filename, markdown, label or _("Briefing note (Markdown)"), mime="text/markdown")


def panel(body: str) -> Markup:
    """Wrap app HTML in the kit's stylesheet and container (``body`` that is not Markup is escaped)."""
    return render("panel.html.j2", style=STYLE, body=body)


def error_panel(exc: BaseException, what: str = "") -> Markup:
    """A friendly error (no traceback) that names the file and says what to do."""
    source = getattr(exc, "source", None)
    message = (
        exc.localized(i18n.get_language(), source=False)
        if hasattr(exc, "localized")  # a kit error
        else str(exc)
    ) or type(exc).__name__
    return panel(render("error.html.j2", what=what or _("the report"), source=source, message=message))
