"""Teaching material built from a parsed report: exercise checker, briefing notes, printable handout.

* :mod:`kit.teaching.checker` -- ``check("1.3", answer, report)`` for the workshop notebooks (the engine);
* :mod:`kit.teaching.exercises` -- the catalogue: questions, answers computed from the report's tables (so the
  exercises work on any year) and the common mistakes each one catches;
* :mod:`kit.teaching.workshop_source` -- builds the workshop notebooks and, on demand, their solutions, from
  :mod:`kit.teaching.workshop_notebooks` (each notebook's prose, steps and solution code);
* :mod:`kit.teaching.briefing` -- ``build_note(report, meeting=..., themes=..., speakers=...)``.
* :mod:`kit.teaching.handout` -- ``build_handout(report)`` / ``write_handout(report, path)``.

Every piece speaks English or French (``lang="fr"``; default :func:`kit.i18n.get_language`): the messages come from
the kit's gettext catalogue (:mod:`kit.i18n`), quotes from the report stay in the report's language.
"""

from __future__ import annotations

__all__ = ["ASK_LEMMAS"]

#: Reporting-verb lemmas that make a statement an "ask" (something requested of someone).
ASK_LEMMAS = (
    "call for",
    "call on",
    "call upon",
    "request",
    "urge",
    "recommend",
    "appeal for",
    "appeal",
    "ask",
    "propose",
    "suggest",
    "advocate for",
    "insist",
    "encourage",
)
