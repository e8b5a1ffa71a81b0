"""How the kit writes things for people, defined once: dates, meeting formats, and the order speakers are listed in.

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
"""

from __future__ import annotations

from .i18n import N_, format_date, translator

__all__ = ["format_date", "meeting_format", "MEETING_FORMATS", "KIND_ORDER", "kind_rank"]

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
