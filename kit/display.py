"""How the kit writes things for people, defined once: dates, and the order speakers are listed in.

The apps, the briefing notes and the handouts all use these, so a date or a list of speakers reads the same
everywhere. Pandas-free: it accepts dates as :class:`datetime.date`, pandas ``Timestamp`` or ISO text.

Examples
--------
>>> format_date("2021-04-13"), format_date(None)
('13 April 2021', '')
>>> sorted(["chair", "briefer", "member_state"], key=kind_rank)
['member_state', 'briefer', 'chair']
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["format_date", "KIND_ORDER", "kind_rank"]

#: The delegation order: Member States first, then observer States, organizations, other speakers, briefers,
#: and the Chair last.
KIND_ORDER = {"member_state": 0, "observer_state": 1, "organization": 2, "other": 3, "briefer": 4, "chair": 5}


def kind_rank(kind: str | None) -> int:
    """Where a speaker of this ``kind`` comes in :data:`KIND_ORDER` (an unknown kind goes with "other")."""
    return KIND_ORDER.get(kind or "other", KIND_ORDER["other"])


def format_date(value) -> str:
    """A date as a reader writes it, ``"13 April 2021"``; empty for a missing date (None, NaT, NaN, "").

    >>> import datetime; format_date(datetime.datetime(2021, 12, 1, 10, 0))
    '1 December 2021'
    """
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value.strip()
    if not isinstance(value, _dt.date) or type(value).__name__ == "NaTType":
        return ""
    return f"{value.day} {value:%B %Y}"
