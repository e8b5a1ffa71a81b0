"""The speech heading of a verbatim record, as a finder for :mod:`kit.attribution`.

A verbatim record (``S/PV.9391``) prints each speech in the first person under its speaker's heading, at the
start of the speech's first paragraph: "The President: I thank ...", "Mr. Koonjul (Mauritius): Let me ...",
"Mr. Tafrov (Bulgaria) (spoke in French): ...", "Mr. Lacroix: ...", « La Présidente (parle en anglais) : ... ».
The heading names the speaker; the words after it are theirs:

* the presiding officer's heading (``DocumentWords.chair_heading``: "The President", « Le Président ») is the
  chair of the meeting, a person (``person:<surname>``, the State in ``represents_iso3``: the header's
  "President: Mr. X (Country)"), or ``role:chair`` when the header names no one;
* a name with a State or an organization in brackets is the delegation (``MUS``, ``org:european_union``), as in
  summary records (the chair named with a State stays the chair);
* a name alone, or with a title in brackets, is a person (``person:lacroix``), with the title the record gives
  where the people-finder reads it;
* a title alone ("The Secretary-General", « Le Secrétaire général ») is a person named by that title
  (``person:secretary-general``);
* a bracket that says the language of the speech ("(spoke in French)") is not read as anything.

The heading's statement covers the whole paragraph from the first word after the heading's colon: the heading is
not quoted, and nothing else in the paragraph is read as a statement (another delegation named in a speech is
named, not speaking). Its ``verb`` is the language's basic reporting verb (``DocumentWords.speech_verb``:
"said", « dit »; lemma "say"). The paragraphs after it, up to the next heading, are the speech's continuation
(:func:`kit.attribution._continued`, ``attribution="continued"``): once a heading has been read, no other finder
reads the paragraphs that follow (in a speech, "the representative of France said" is named, not speaking). A
paragraph that opens with a subject and a reporting verb of its own ("The Secretary-General said in his report
...") is not continued by the engine and is left without a speaker.

Examples
--------
>>> from kit.attribution import attribute
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "Mr. Koonjul (Mauritius) (spoke in French): Training saves lives. Mauritius agrees."),
...          (2, "We thank the Secretariat.")]
>>> for s in attribute(paras, load_gazetteer()).statements:
...     print(s.para, s.speaker_id, s.verb, s.lemma, s.attribution, repr(s.text))
1 MUS said say explicit 'Training saves lives. Mauritius agrees.'
2 MUS None None continued 'We thank the Secretariat.'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .language import UPPER, DocumentWords, document_words
from .speech_forms import Context, Find, bracket_entity

__all__ = ["heading_at", "find_speech_heading"]

_OPEN = "speech_open"  # set on the attribution's speakers once a heading is read: the rest is speeches
_INTRODUCED = "speech_introduced"  # surname -> (full name, title) of the people the speeches introduce
_BRACKET = re.compile(r"\((?P<inner>(?:[^()]|\([^()]*\))*)\)")


@lru_cache(maxsize=8)
def _words(code: str) -> DocumentWords | None:
    try:
        words = document_words(code)
    except ValueError:  # a language without header words has no verbatim records to read
        return None
    return words if isinstance(words, DocumentWords) else None


@lru_cache(maxsize=8)
def _compiled(code: str) -> tuple[re.Pattern, re.Pattern, str] | None:
    w = _words(code)
    if w is None:
        return None
    return re.compile(w.speech_heading), re.compile(w.chair_heading), w.speech_verb


def heading_at(text: str, code: str) -> re.Match | None:
    """The speech heading that opens ``text`` in language ``code``, else ``None``.

    >>> heading_at("Mr. Tafrov (Bulgaria) (spoke in French): I agree.", "en").group("who")
    'Mr. Tafrov'
    >>> heading_at("The representative of Chile said that it was so.", "en") is None
    True
    """
    patterns = _compiled(code)
    return patterns[0].match(text) if patterns else None


def find_speech_heading(text: str, ctx: Context) -> list[Find] | None:
    """The finds of the speech heading that opens a paragraph (see the module's description); ``[]`` for a
    paragraph after a heading, which continues its speech (no other finder reads it: a State named in a speech
    is named, not speaking); ``None`` before any heading (other documents), where the other finders read it."""
    code = ctx.grammar.lang.code
    m = heading_at(text, code)
    if m is None:
        if not getattr(ctx.reg, _OPEN, False):
            return None
        _introductions(text, ctx)  # "I now give the floor to Mr. Jean-Pierre Lacroix, Under-Secretary-General ..."
        return []
    setattr(ctx.reg, _OPEN, True)
    _introductions(text[m.end() :], ctx)
    patterns = _compiled(code)
    assert patterns is not None  # heading_at found a heading
    sid = _speaker(" ".join(m.group("who").split()), m.group("brackets") or "", patterns[1], ctx)
    verb = patterns[2]
    # the heading is nobody's words (a find with no speaker, as an unnamed group's): the statement starts after it
    return [Find(0, m.end(), [], verb, [(0, m.end())]), Find(m.end(), len(text), [sid], verb, [(0, m.end())])]


def _speaker(who: str, brackets_text: str, chair_heading: re.Pattern, ctx: Context) -> str:
    """The speaker id a heading names: ``who`` ("The President", "Mr. Koonjul") and its brackets."""
    code = ctx.grammar.lang.code
    reg = ctx.reg
    if chair_heading.match(who):
        return reg.person(reg.chair) if reg.chair is not None else reg.chair_role()
    brackets = [b.group("inner") for b in _BRACKET.finditer(brackets_text)]
    hon, _, name = who.partition(" ") if who.split()[0].rstrip(".") in _honorifics(ctx) else ("", "", who)
    if not hon:  # a title alone: "The Secretary-General", « Le Secrétaire général »; or with the name after it
        alone, _, named = re.sub(rf"^(?:{ctx.grammar.lang.articles})", "", who, flags=re.I).strip().partition(", ")
        return ctx.person(named, None, alone) if named else ctx.person(alone, None, alone, surname=alone)
    entity = next((e for e in (bracket_entity(b, ctx.g, ctx.grammar.lang) for b in brackets) if e), None)
    if entity is not None:
        return reg.delegate(name, entity, ctx.para)
    title: str | None = next((b for b in brackets if not _says_language(b, code)), None)
    full, introduced = getattr(reg, _INTRODUCED, {}).get(name.split()[-1], (name, None))
    return ctx.person(full if full.split()[-1] == name.split()[-1] else name, hon, title or introduced)


def _introductions(text: str, ctx: Context) -> None:
    """Remember the people a speech introduces with their title ("I invite Mr. Hugo Moreau, Under-Secretary-General
    for Peace Operations, to ...", « j'invite M. Hugo Moreau, Secrétaire général adjoint ..., à »): the heading
    "Mr. Moreau:" then names that person, with that full name and title.

    >>> from kit.gazetteer import load_gazetteer
    >>> from kit.attribution import attribute
    >>> paras = [(1, "The President: I give the floor to Mr. Hugo Moreau, Under-Secretary-General for Peace "
    ...              "Operations."), (2, "Mr. Moreau: I thank the Council.")]
    >>> speaker = attribute(paras, load_gazetteer()).speakers["person:moreau"]
    >>> speaker.name, speaker.title
    ('Hugo Moreau', 'Under-Secretary-General for Peace Operations')
    """
    found = getattr(ctx.reg, _INTRODUCED, None)
    if found is None:
        found = {}
        setattr(ctx.reg, _INTRODUCED, found)
    for m in _intro_pattern(tuple(ctx.g.honorifics)).finditer(text):
        found.setdefault(m.group("name").split()[-1], (m.group("name"), m.group("title").strip()))


@lru_cache(maxsize=8)
def _intro_pattern(honorifics: tuple[str, ...]) -> re.Pattern:
    """A name after an honorific, then a title that starts with a capital, between commas (or before the end)."""
    hon = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:{hon})\s+(?P<name>(?:[{UPPER}][\w'’-]*\s+){{0,3}}[{UPPER}][\w'’-]+),\s+"
        rf"(?P<title>[{UPPER}][^,.;:()]{{2,120}}?)(?=[,;]|\.\s|\.$)"
    )


def _honorifics(ctx: Context) -> set[str]:
    return {h.rstrip(".") for h in ctx.g.honorifics}


def _says_language(bracket: str, code: str) -> bool:
    """ "spoke in French", « parle en anglais »: a bracket that says the language of the speech, not who speaks.

    >>> _says_language("spoke in French", "en"), _says_language("Under-Secretary-General for Peace Operations", "en")
    (True, False)
    """
    w = _words(code)
    return w is not None and re.match(w.spoke_in, bracket.strip()) is not None
