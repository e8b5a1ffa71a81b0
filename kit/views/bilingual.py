"""Side by side: two language versions of one report (English and French), aligned without pandas.

Every UN report is published in English and French with the same paragraph numbers, and the parser gives both
versions the same ids (ISO3 codes, person ids, mission acronyms). The apps align the two
:class:`~kit.rows.ViewReport` versions the way :func:`kit.bilingual.align` aligns the pandas tables: paragraphs by
number; statements by (paragraph, speaker, n-th statement of that speaker in that paragraph). A row one version
has and the other has not keeps an empty side; nothing is dropped.

The room's second version is configured with ``$KIT_REPORT_ALT`` (``$KIT_REPORT_FR`` is read too): the
Speakers and Themes apps then show a speaker's statements, or a theme's paragraphs, in both languages. Without
it they say, in one line, that this server has one version only.

Examples
--------
>>> from kit.views import app_report
>>> from kit.paths import PACKAGE_DIR
>>> fixtures = PACKAGE_DIR.parent / "tests" / "fixtures"
>>> en, fr = app_report(fixtures / "wgpko_excerpt_en.md"), app_report(fixtures / "wgpko_excerpt_fr.md")  # doctest: +SKIP
>>> [(p, a[:6], b[:6]) for p, a, b in speaker_pairs(en, fr, "MEX")][:1]  # doctest: +SKIP
[(7, 'The re', 'Le rep')]
"""

from __future__ import annotations

import os
from typing import Iterable

from markupsafe import Markup

from ..errors import ReportError
from ..i18n import LANGUAGES, language_names
from .data import ViewReport, app_report
from .html import _, render

__all__ = [
    "ALT_ENV",
    "alt_report",
    "paragraph_pairs",
    "speaker_pairs",
    "statement_pairs",
    "side_by_side_html",
    "LANGUAGE_LABELS",
]

#: Environment variables naming the other language version of the room's report (the first one set is used).
ALT_ENV = ("KIT_REPORT_ALT", "KIT_REPORT_FR")
#: Each language as a column heading names it (in its own language, since both are shown together).
LANGUAGE_LABELS = dict(language_names())


def alt_report(r: ViewReport | None = None) -> ViewReport | None:
    """The other language version of the room's report: ``$KIT_REPORT_ALT`` (or ``$KIT_REPORT_FR``), or None
    when it is not set, cannot be opened, or is in the same language as ``r``."""
    path = next((os.environ[v].strip() for v in ALT_ENV if os.environ.get(v, "").strip()), "")
    if not path:
        return None
    try:
        alt = app_report(path)
    except (ReportError, OSError, ValueError):
        return None
    if r is not None and (
        alt.metadata.get("sha256") == r.metadata.get("sha256") or _lang(alt) == _lang(r)
    ):  # the same version, or two of one language: not a pair
        return None
    return alt


def paragraph_pairs(a: ViewReport, b: ViewReport | None, paras: Iterable[int]) -> list[tuple[int, str, str]]:
    """(para, text in ``a``, text in ``b``) for each paragraph number; a side the version lacks is empty.

    >>> from kit.rows import ViewReport
    >>> x = ViewReport("x", {}, [], [{"para": 1, "text": "One."}], [], [], [], [])
    >>> paragraph_pairs(x, None, [1, 2])
    [(1, 'One.', ''), (2, '', '')]
    """
    other = b.text if b is not None else {}
    return [(p, a.text.get(p, ""), other.get(p, "")) for p in paras]


def _numbered(r: ViewReport, speaker_id: str | None = None) -> dict[tuple[int, str, int], dict]:
    """Statements keyed by (para, speaker_id, n-th statement of that speaker in that paragraph)."""
    out: dict[tuple[int, str, int], dict] = {}
    seen: dict[tuple[int, str], int] = {}
    for s in sorted(r.statements, key=lambda s: (int(s["para"]), int(str(s["statement_id"]).partition(".")[2] or 0))):
        if speaker_id is not None and s["speaker_id"] != speaker_id:
            continue
        k = (int(s["para"]), s["speaker_id"])
        seen[k] = seen.get(k, 0) + 1
        out[(*k, seen[k])] = s
    return out


def statement_pairs(
    a: ViewReport, b: ViewReport | None, speaker_id: str | None = None
) -> list[tuple[tuple[int, str, int], dict | None, dict | None]]:
    """The statements of ``a`` and ``b`` aligned: (key, statement in a, statement in b), in the order of the
    report; key is (para, speaker_id, n). A statement only one version has keeps None on the other side."""
    left = _numbered(a, speaker_id)
    right = _numbered(b, speaker_id) if b is not None else {}
    keys = sorted(set(left) | set(right), key=lambda k: (k[0], k[2], k[1]))
    return [(k, left.get(k), right.get(k)) for k in keys]


def speaker_pairs(a: ViewReport, b: ViewReport | None, speaker_id: str) -> list[tuple[int, str, str]]:
    """(para, statement in ``a``, statement in ``b``) for one speaker: the attributed words of each version."""
    return [
        (k[0], (x or {}).get("text") or "", (y or {}).get("text") or "")
        for k, x, y in statement_pairs(a, b, speaker_id)
    ]


def _lang(r: ViewReport) -> str:
    return str(r.metadata.get("lang") or "en")


def side_by_side_html(a: ViewReport, b: ViewReport | None, pairs: list[tuple[int, str, str]], heading: str) -> Markup:
    """A section with ``pairs`` (para, text of ``a``, text of ``b``) in two columns, each marked with its
    language; without ``b``, one line saying this server has one language version only. Report text is
    escaped (an autoescaping template)."""
    if b is None:
        return Markup('<p class="muted kit-bilingual-none">{}</p>').format(
            _("Side by side in English and French: this server has only one language version of the report.")
        )
    la, lb = _lang(a), _lang(b)
    if la == lb:
        lb = next(code for code in LANGUAGES if code != la)  # both in one language: label b with the other
    return render(
        "bilingual.html.j2",
        heading=heading,
        rows=pairs,
        langs=[(la, LANGUAGE_LABELS.get(la, la)), (lb, LANGUAGE_LABELS.get(lb, lb))],
        labels=[a.label, b.label],
    )
