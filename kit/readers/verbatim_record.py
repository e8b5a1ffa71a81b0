"""Verbatim records (``S/PV.9391``, ``A/78/PV.12``): recognised, and refused.

A verbatim record prints each speech in the first person under the speaker's name ("The President: I thank
...", "Mr. Okonjo (Nigeria): Let me begin ..."): it is not reported speech, and the kit does not read it yet.
The reader raises :class:`kit.NotAReportError` naming what the document is and the kinds the kit reads.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import NotAReportError
from ..i18n import N_
from ..layout import Document
from ..sources import SourceText
from .base import Reader, header_lines, matches, symbol_in

__all__ = ["READER", "VERBATIM"]

VERBATIM = N_(
    "this is a verbatim record{symbol}: speeches in the first person under each speaker's name, not "
    "reported speech; the kit reads {kinds}"
)


def detect(lines: list[str]) -> bool:
    """A verbatim record's symbol (``S/PV.9391``), or speeches opened by a speaker's name and a colon ("The
    President:", "Mr. Okonjo (Nigeria):") on three lines or more."""
    if symbol_in(lines, "verbatim_record"):
        return True
    return sum(bool(matches("verbatim_speaker", line)) for line in lines) >= 3


def refuse_verbatim(source: SourceText, reference_folder: Path | None = None) -> Document:
    """Raise :class:`kit.NotAReportError`: a verbatim record is not reported speech."""
    from . import KIND_NAMES  # the kinds the kit reads, said in the message

    found = header_lines(source, 200)
    symbol = symbol_in([line for _, line in found], "verbatim_record")
    first = next((i for i, line in found if matches("verbatim_speaker", line)), found[0][0] if found else 0)
    raise NotAReportError(
        VERBATIM,
        source=source.name,
        line=first + 1,
        symbol=f" ({symbol})" if symbol else "",
        kinds=", ".join(KIND_NAMES),
    )


READER = Reader(
    "verbatim_record",
    detect,
    refuse_verbatim,
    "a verbatim record (S/PV.9391, A/78/PV.12): recognised and refused, it is not reported speech",
)
