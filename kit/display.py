"""How the kit writes things for people, defined once: dates, meeting formats, speakers' names and their order.

The apps, the briefing notes and the handouts all use these, so a date or a list of speakers reads the same
everywhere. Pandas-free: it accepts dates as :class:`datetime.date`, pandas ``Timestamp`` or ISO text.
:func:`format_date` is :func:`kit.i18n.format_date` (English by default; ``lang="fr"`` gives "13 avril 2021").

Examples
--------
>>> format_date("2021-04-13"), format_date(None), format_date("2021-04-13", lang="fr")
('13 April 2021', '', '13 avril 2021')
>>> meeting_format("videoconference", "fr"), meeting_format("videoconference"), meeting_format(None)
('visioconférence', 'videoconference', '')
>>> sorted(["chair", "briefer", "member_state"], key=kind_rank)
['member_state', 'briefer', 'chair']
>>> state_display_name("MAR", "fr"), state_display_name("USA", "fr"), state_display_name("GBR")
('Maroc', 'États-Unis', 'United Kingdom')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from .i18n import N_, format_date, translator

__all__ = [
    "format_date",
    "meeting_format",
    "MEETING_FORMATS",
    "KIND_ORDER",
    "kind_rank",
    "state_display_name",
    "display_names",
    "speaker_names",
    "STATE_KINDS",
]

#: The speaker kinds that are States (their names come from ``member_states.csv`` in each language).
STATE_KINDS = ("member_state", "observer_state")
#: A State's UN short name longer than this is shown by its shortest running name instead.
SHORT_NAME_MAX = 20

#: The meeting formats the parser names (canonical English, :mod:`kit.language`), for display in a language.
MEETING_FORMATS = {"videoconference": N_("videoconference"), "hybrid": N_("hybrid"), "in person": N_("in person")}


def meeting_format(fmt: str | None, lang: str = "en") -> str:
    """A meeting's format in ``lang`` (« visioconférence »); a format the kit does not know is shown as it is."""
    if not fmt:
        return ""
    return translator(lang).gettext(MEETING_FORMATS[fmt]) if fmt in MEETING_FORMATS else str(fmt)


#: The delegation order: Member States first, then observer States, organizations, other speakers, briefers,
#: and the Chair last.
KIND_ORDER = {"member_state": 0, "observer_state": 1, "organization": 2, "other": 3, "briefer": 4, "chair": 5}


def kind_rank(kind: str | None) -> int:
    """Where a speaker of this ``kind`` comes in :data:`KIND_ORDER` (an unknown kind goes with "other")."""
    return KIND_ORDER.get(kind or "other", KIND_ORDER["other"])


@lru_cache(maxsize=8)
def _short_state_names(lang: str) -> dict[str, str]:
    """ISO3 -> a State's short name in ``lang`` (see :func:`state_display_name`)."""
    from .gazetteer import load_gazetteer
    from .language import language

    g, L = load_gazetteer(), language(lang)
    article = re.compile(rf"^(?:{L.articles})")
    short: dict[str, str] = {}
    for row in g.table("member_states.csv"):
        un = g.label("state", row["iso3"], lang) or ""
        names = [article.sub("", n.strip()) for n in row.get(L.column_prefix + "running_names", "").split("|") if n]
        if un and "(" not in un and len(un) <= SHORT_NAME_MAX:
            short[row["iso3"]] = un
        elif names:
            short[row["iso3"]] = min(names, key=len)
    return short


def state_display_name(iso3: str, lang: str = "en") -> str | None:
    """A State's short display name in ``lang``: its UN short name when that is short ("Türkiye", « Maroc »), else
    its shortest running name without its article ("United Kingdom", « Royaume-Uni »); ``None`` for a code the
    reference table does not know. The ONE rule the apps, charts, handout and note name a State by."""
    from .language import language

    return _short_state_names(language(lang).code).get(str(iso3))


def _rows(speakers: Any) -> Iterable[Mapping]:
    return speakers.to_dict("records") if hasattr(speakers, "to_dict") else speakers


def display_names(speakers: Any, lang: str = "en") -> dict[str, str]:
    """Short display names by ``speaker_id``: a State's :func:`state_display_name`, a person's or organization's
    own name. ``speakers`` is the speakers table (a DataFrame or row dicts).

    >>> display_names([{"speaker_id": "GBR", "name": "United Kingdom of Great Britain and Northern Ireland",
    ...                 "kind": "member_state", "country_iso3": "GBR"}], "fr")
    {'GBR': 'Royaume-Uni'}
    """
    out = {}
    for s in _rows(speakers):
        name = s.get("name") or s["speaker_id"]
        if s.get("kind") in STATE_KINDS:
            name = state_display_name(s.get("country_iso3") or "", lang) or name
        out[s["speaker_id"]] = name
    return out


def speaker_names(speakers: Any, lang: str = "en", own: str = "en") -> dict[str, str]:
    """The names the apps, charts and handout give speakers on a page in ``lang``, by ``speaker_id``: none on a page
    in the report's own language ``own`` (keep the report's names), else :func:`display_names` in ``lang``
    (« Maroc », « Royaume-Uni »). A speaker missing from the result keeps the name the caller has.

    >>> rows = [{"speaker_id": "MAR", "name": "Morocco", "kind": "member_state", "country_iso3": "MAR"}]
    >>> speaker_names(rows, "en"), speaker_names(rows, "fr")
    ({}, {'MAR': 'Maroc'})
    """
    return {} if lang == own else display_names(speakers, lang)
