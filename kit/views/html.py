"""HTML building blocks for the apps: escaping, highlighting, tables, downloads, errors.

Every piece of report text goes through :func:`esc` before it becomes HTML, so
a report containing ``<script>`` or ``<img onerror=...>`` shows that text and
runs nothing.

>>> highlight("a <b> c", [(2, 5)])
'a <mark>&lt;b&gt;</mark> c'
"""

from __future__ import annotations

import base64
import html
import re
from importlib import resources
from typing import Iterable, Sequence

from ..exports import csv_cell as _cell, csv_text  # noqa: F401 - the one CSV rule of the kit (formula guard)

__all__ = ["esc", "highlight", "kwic", "table", "download_link", "csv_text", "error_panel", "STYLE",
           "OKABE_ITO", "KIND_COLOUR", "KIND_LABEL", "panel", "term_spans"]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {"orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000"}
KIND_COLOUR = {"member_state": OKABE_ITO["blue"], "briefer": OKABE_ITO["orange"], "chair": OKABE_ITO["green"],
               "organization": OKABE_ITO["purple"], "other": "#666666"}
KIND_LABEL = {"member_state": "Member State", "briefer": "Briefer", "chair": "Chair",
              "organization": "Organization", "other": "Other"}

# One stylesheet for every app (kit/assets/apps.css), read once as package data.
STYLE = f"<style>{(resources.files('kit') / 'assets' / 'apps.css').read_text(encoding='utf-8')}</style>"


def esc(value) -> str:
    """Escape anything for HTML text or attribute values (None -> empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


# Text analysis (term spans, merged spans, keyword in context) lives in kit.views.spans.
from .spans import kwic, merge_spans as _merge, term_spans  # noqa: E402


def highlight(text: str, spans: Iterable[tuple[int, int]], cls: str | None = None) -> str:
    """``text`` as escaped HTML with each ``text[start:end]`` in ``<mark>`` (overlaps merged).

    >>> highlight("He said <x>. She agreed.", [(0, 12)])
    '<mark>He said &lt;x&gt;.</mark> She agreed.'
    """
    text = text or ""
    attr = f' class="{esc(cls)}"' if cls else ""
    parts, pos = [], 0
    for s, e in _merge(spans, len(text)):
        parts.append(esc(text[pos:s]))
        parts.append(f"<mark{attr}>{esc(text[s:e])}</mark>")
        pos = e
    parts.append(esc(text[pos:]))
    return "".join(parts)


# term_spans and kwic (text analysis, not markup) are defined in kit.views.spans and imported above.


def table(columns: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = (),
          cls: str = "kt", empty: str = "Nothing to show.") -> str:
    """An HTML table; cells are already HTML (escape text with :func:`esc` first)."""
    rows = list(rows)
    if not rows:
        return f'<p class="muted">{esc(empty)}</p>'
    head = "".join(f'<th class="num">{esc(c)}</th>' if i in numeric else f"<th>{esc(c)}</th>"
                   for i, c in enumerate(columns))
    body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f'<table class="{esc(cls)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def download_link(filename: str, content: str | bytes, label: str, mime: str = "text/csv") -> str:
    """An ``<a download>`` with the file inside a ``data:`` URI: no server round trip.

    Text is sent as UTF-8 with a byte-order mark, so spreadsheet programs read
    accented names (Côte d'Ivoire) correctly; bytes (a Word file) go as they are.

    >>> download_link("a.csv", "x\\r\\n", "CSV")[:60]
    '<a class="dl" download="a.csv" href="data:text/csv;charset=u'
    >>> download_link("a.docx", b"PK", "Word", mime="application/zip")[:58]
    '<a class="dl" download="a.docx" href="data:application/zip'
    """
    if isinstance(content, str):
        payload, mime = ("\ufeff" + content).encode("utf-8"), f"{mime};charset=utf-8"
    else:
        payload = content
    data = base64.b64encode(payload).decode("ascii")
    return (f'<a class="dl" download="{esc(filename)}" href="data:{esc(mime)};base64,{data}" '
            f'title="Download {esc(filename)}">⬇ {esc(label)}</a>')


def panel(body: str) -> str:
    """Wrap app HTML in the kit's stylesheet and container."""
    return f'{STYLE}<div class="kit">{body}</div>'


def error_panel(exc: BaseException, what: str = "the report") -> str:
    """A friendly error (no traceback) that names the file and says what to do."""
    source = getattr(exc, "source", None)
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    where = f"<p>File: <code>{esc(source)}</code></p>" if source else ""
    return panel(
        f'<div class="error" role="alert"><h2>Sorry, {esc(what)} could not be opened</h2>{where}'
        f"<p>{esc(message)}</p>"
        "<p>What to do: check that the <code>KIT_REPORT</code> setting points at a report file "
        "(<code>.md</code>, <code>.txt</code> or <code>.pdf</code>) of numbered paragraphs, "
        "or unset it to open the bundled report. Then reload this page.</p></div>")
