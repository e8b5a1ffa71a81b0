"""What makes a sentence an ask: one definition for the briefing note, the checker and the handout.

An *ask* says who asks whom for what: "called for/on", "recommended", "requested", "urged",
"appealed for", "should", "must", "would be welcome", "it was essential to", or a reporting verb whose
object is "the need for/to" ("underscored the need to hold perpetrators accountable"). A sentence
that only describes a need ("the Secretariat had been mindful of the need to ...", "actions needed to
adapt") is not an ask.

:data:`SHOULD_PATTERN` is the plain-text pattern of the workshop exercise on "should / need to"
sentences (a text search, not an ask detector).

Examples
--------
>>> ask_form("The representative of India called on host States to fulfil their responsibilities.")
'called on'
>>> ask_form("More informal briefings would therefore be welcome.")
'would therefore be welcome'
>>> ask_form("The Secretariat had been mindful of the need to analyse capacities.") is None
True
>>> ask_form("The representatives underscored the need to hold perpetrators accountable.", verb="underscored")
'the need to'
>>> addressee("The representative of India called on host States to fulfil their responsibilities.")
'host States'
"""

from __future__ import annotations

import re

from . import ASK_LEMMAS

__all__ = ["SHOULD_PATTERN", "ASK_LEMMAS", "ask_form", "addressee"]

#: The workshop's "should / need to" text search (case-insensitive).
SHOULD_PATTERN = r"\b(?:should|needs? to|needed to)\b"

_FORMS = re.compile(
    r"\b(?P<form>call(?:ed|s)?\s+(?:for|on|upon)"
    r"|recommend(?:ed|s|ing)?"
    r"|request(?:ed|ing)|requests\s+(?:that|for)"
    r"|urg(?:ed|es|ing)"
    r"|appeal(?:ed|s|ing)?\s+(?:for|to)"
    r"|ask(?:ed|s|ing)?\s+(?:for|that)"
    r"|advocat(?:ed|es|ing)\s+for"
    r"|should|must"
    r"|would\s+(?:therefore\s+|also\s+)?be\s+(?:welcome|welcomed|useful|appreciated)"
    r"|it\s+was\s+(?:therefore\s+|also\s+)?(?:essential|necessary|imperative|vital|crucial|important)\s+(?:to|for|that)"
    r")\b", re.I)
_REQUESTED_DESCRIPTIVE = re.compile(r"\b(?:as|if|when)\s+requested\b|\brequested\s+by\b", re.I)


def ask_form(sentence: str, verb: str | None = None) -> str | None:
    """The words that make ``sentence`` an ask, or ``None``.

    ``verb`` is the statement's reporting verb as the report writes it ("underscored"): "the need
    for/to" makes an ask only right after that verb, i.e. when the speaker stresses the need.
    """
    for m in _FORMS.finditer(sentence):
        if m.group("form").lower().startswith("request") and _REQUESTED_DESCRIPTIVE.search(
                sentence, max(0, m.start() - 8), m.end() + 4):
            continue
        return re.sub(r"\s+", " ", m.group("form"))
    if verb:
        m = re.search(rf"\b{re.escape(verb)}\s+(?:(?:also|again|further|strongly)\s+)?"
                      r"(?P<need>the\s+(?:urgent\s+|continued\s+)?need\s+(?:for|to))\b", sentence, re.I)
        if m:
            return re.sub(r"\s+", " ", m.group("need")).replace("urgent ", "").replace("continued ", "")
    return None


_WHO = r"(?P<who>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+(?:and|of|the|all|[\w’'-]+)){0,6}?)"
_ADDRESSEES = [
    re.compile(rf"\bcall(?:ed|s|ing)?\s+(?:on|upon)\s+{_WHO}\s+to\b", re.I),
    re.compile(rf"\burg(?:ed|es|ing)\s+{_WHO}\s+to\b", re.I),
    re.compile(rf"\bappeal(?:ed|s|ing)?\s+to\s+{_WHO}\s+(?:to|for)\b", re.I),
    re.compile(r"\brequest(?:ed|s|ing)?\s+[\w\s-]{1,40}?\s+from\s+(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"),
    re.compile(r"\bby\s+(?P<who>the\s+(?:Security\s+Council|General\s+Assembly|Secretariat|Secretary-General|"
               r"Council|host\s+(?:State|country|countries|Governments?)))\b"),
    re.compile(r"(?:^|\bthat\s+|,\s+|;\s+|\.\s+)(?P<who>(?:the\s+|The\s+)?[A-Z][\w’'-]*(?:\s+(?:and|of|the|"
               r"[A-Z][\w’'-]*|troop-|police-contributing|contributing|countries|States|Council|Nations))*)"
               r"\s+(?:should|must)\b"),
]
_NOT_WHO = {"it", "they", "he", "she", "there", "this", "that", "those", "these", "all", "such"}


def addressee(sentence: str) -> str | None:
    """Whom the ask is addressed to, when the sentence names it ("host States", "Member States and the
    Secretariat", "the Security Council"); else ``None``."""
    for rx in _ADDRESSEES:
        m = rx.search(sentence)
        if m:
            who = m.group("who").strip()
            first = who.split()[0].lower()
            if first in _NOT_WHO or (first == "the" and len(who.split()) > 1 and who.split()[1].lower() in _NOT_WHO):
                continue
            return who
    return None
