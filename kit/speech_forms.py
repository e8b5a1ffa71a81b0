"""The forms of reported speech of summary records and meetings coverage, as finders for :mod:`kit.attribution`.

Reports of a working group name a speaker with "The representative of X said". Summary records and press
releases (meetings coverage) also write:

* a name and what it speaks for in brackets, with or without an honorific: "Mr. Okonjo (Nigeria) said",
  "Csaba Kőrösi (Hungary) said", "Ms. Keller (Observer for the European Union) said", an official as
  "Mr. X (Under-Secretary-General for Peace Operations)" (:func:`bracket_entity`, :func:`find_bracket_names`);
* a name in capitals with its title, as press releases introduce speakers: "JEAN-PIERRE LACROIX,
  Under-Secretary-General for Peace Operations, said", "RAHIM Bey said" (:func:`find_caps_names`);
* the speaker after the verb: "..., said Martha Pobee, Assistant Secretary-General for Africa.",
  « ..., a déclaré le représentant du Botswana » (:func:`find_after_verb`);
* a briefer introduced before a relative clause: "Also briefing the Council was X, Director of Y, who said"
  (:func:`find_briefer_intro`);
* a subject with one or two appositives before its verb: "The Chair of the Working Group, Ambassador X,
  Permanent Representative of Senegal, presented" (:func:`predicate_after_appositives`).

The words of each form are the grammar of :class:`kit.language.Language` (``observer_for``, ``speaker_noun``,
``briefer_intro``, ``relative``); this module holds no phrase of any language. A finder gets the attribution's
:class:`Context` (the gazetteer, its compiled grammar, the speakers met so far and a way to name a person) and
returns :class:`Find` records, which :func:`kit.attribution.attribute` merges with its own.

Examples
--------
>>> from kit.attribution import attribute
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "JEAN-PIERRE LACROIX, Under-Secretary-General for Peace Operations, said that missions adapt."),
...          (2, "Training must improve, said the representative of Fiji.")]
>>> [(s.para, s.speaker_id) for s in attribute(paras, load_gazetteer()).statements]
[(1, 'person:lacroix'), (2, 'FJI')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from .gazetteer import Gazetteer
from .language import NEVER, UPPER

__all__ = [
    "Find",
    "Context",
    "bracket_entity",
    "state_after",
    "predicate_after_appositives",
    "find_bracket_names",
    "find_caps_names",
    "find_after_verb",
    "find_briefer_intro",
    "is_name",
    "state_with_noun",
]

# A word of a person's name as printed: capitalized ("Kőrösi", "Jean-Pierre"), in capitals ("LACROIX") or an
# initial ("U."); these are the shapes of names, the same in every language the kit reads.
_WORD = rf"[{UPPER}][\w'’\u2010\u2011-]*\.?"  # (U+2010 and U+2011, the hyphens of web copies: "Jean‑Pierre")
_CAPS = rf"[{UPPER}][{UPPER}'’-]+"
# "(Nigeria)", "(Bolivie (État plurinational de))", "(Commissioner-General, United Nations Relief and Works Agency for
# Palestine Refugees in the Near East (UNRWA))"
_BRACKET = r"\((?P<bracket>(?:[^()]|\([^()]{1,40}\)){2,160})\)"
# one appositive between a subject and its verb, capitalized or not ("Ambassador X", "Permanent Representative of
# Senegal"; up to three are read, :func:`predicate_after_appositives`); a document symbol's periods
# ("A/C.4/78/L.3"), the period of an honorific or an initial ("Mr.", « M. », "U.") and a short bracket do not end it
_APPOSITIVE = re.compile(
    r",\s+(?:[^,.;:!?\n()]|\.(?=\w)|\([^()]{1,40}\)"
    r"|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.){2,120}?(?=,)"
)


class Find(NamedTuple):
    """One attribution found in a paragraph: who, the verb, and where."""

    start: int  # where the speaker's words start (the subject, or the verb of a speaker named after it)
    verb_end: int
    speaker_ids: list[str]
    verb: str
    name_spans: list[tuple[int, int]]
    bare: bool = False  # a State or organization named alone ("Norway said"), not "the representative of"


class _Patterns(NamedTuple):
    after_verb: re.Pattern
    speaker_noun: re.Pattern
    titled: re.Pattern
    briefer_intro: re.Pattern
    relative: re.Pattern
    pronoun: re.Pattern  # the rest of the sentence, then the next opening with a pronoun subject ("She said")
    participle_clause: re.Pattern  # ", introducing draft resolution A/C.5/48/L.66 on ... (UNDOF) drew attention"


@lru_cache(maxsize=8)
def _patterns(grammar) -> _Patterns:
    """The compiled patterns of this module for one grammar (a paragraph must not recompile nor rehash them)."""
    L = grammar.lang
    return _Patterns(
        # (a name that was a link may have lost its space: "“...,” saidAlain Le Roy, ...")
        re.compile(rf"(?:{L.after_verb_lead})\s*(?P<verb>{grammar.verb_alt})(?:\s+|(?=[{UPPER}]))"),
        re.compile(L.speaker_noun),
        re.compile(rf"(?:{L.articles}|(?:{L.title_determiners or NEVER})\s+)(?P<title>[^,.;:!?\n]{{3,150}}?),\s+"),
        re.compile(L.briefer_intro),
        re.compile(rf",?\s+{L.relative}"),
        re.compile(rf"(?:[^.;!?\n]|\.(?=\w)){{0,300}}[.;]{L.pronoun_subject}"),
        re.compile(rf",\s+(?:{L.participle})(?:[^,.;:!?\n]|\.(?=\w)){{2,250}}?(?={grammar.verb.pattern})"),
    )


class Context(NamedTuple):
    """What a finder needs from :func:`kit.attribution.attribute`.

    ``grammar`` is its compiled grammar (``predicate_after``, ``verb_alt``, ``lang``); ``reg`` the speakers met so
    far (``listed(kind, key, para)``); ``person(name, honorific, title)`` the speaker id of a person named in
    full or by surname, created with that title if the report has not introduced them; ``parse_list(text, pos)``
    reads "the representative(s) of A and B" from its list. ``person`` takes ``surname=`` where the name's last
    word is not the surname ("RAHIM Bey").
    """

    g: Gazetteer
    grammar: Any
    reg: Any
    person: Callable[..., str]
    parse_list: Callable[[str, int], tuple[list[tuple[str, str, int, int]], int]]
    para: int


def bracket_entity(bracket: str, g: Gazetteer, lang) -> tuple[str, str] | None:
    """What the brackets after a name speak for: ``("state", iso3)``, ``("org", key)`` or ``None`` (an official's
    title, "Vice-Chair").

    >>> from kit.gazetteer import load_gazetteer
    >>> g = load_gazetteer()
    >>> bracket_entity("Nigeria", g, g.language), bracket_entity("Observer for the State of Palestine", g, g.language)
    (('state', 'NGA'), ('state', 'PSE'))
    >>> bracket_entity("Observer for the European Union", g, g.language), bracket_entity("Vice-Chair", g, g.language)
    (('org', 'european_union'), None)
    """
    text = bracket.strip()
    observer = re.match(lang.observer_for, text)
    if observer:
        text = text[observer.end() :]
    text = re.sub(rf"^(?:{lang.articles})", "", text)
    entity = g.entities.match(text, 0)
    # the whole bracket ("(Nigeria)", not "(Nigeria Group)"), or the name before its own bracket or a comma
    # (« (Bolivie (État plurinational de)) »)
    if not entity or text[entity[1] :].strip() and not text[entity[1] :].lstrip().startswith(("(", ",")):
        return None
    tag, key = entity[0].split(":", 1)
    kinds = {"country": "state", "organization": "org"}
    return (kinds[tag], key) if tag in kinds else None


def state_after(text: str, pos: int, g: Gazetteer, lang) -> tuple[str, str] | None:
    """The State a person named at ``pos`` comes from, in the appositive right after the name: "Karim Saleh, of
    Egypt,", « M. Karim Saleh, de l'Égypte, ». As with "Mr. Saleh (Egypt)", the delegation speaks (an officer of a
    committee other than its Chair is the delegate of a State: ``docs/who-speaks.md``).

    >>> from kit.gazetteer import load_gazetteer
    >>> g = load_gazetteer(lang="fr")
    >>> text = "Le Rapporteur, M. Karim Saleh, de l'Égypte, a présenté le projet."
    >>> state_after(text, text.index(", de"), g, g.language)
    ('state', 'EGY')
    """
    m = re.compile(lang.from_state).match(text, pos)
    entity = g.entities.match(text, m.end()) if m else None
    if not entity or not entity[0].startswith("country:") or not re.match(r"\s*[,.;:!?]", text[entity[1] :]):
        return None
    return ("state", entity[0].split(":", 1)[1])


def predicate_after_appositives(text: str, pos: int, grammar) -> tuple[str, int] | None:
    """The reporting verb after a subject, also past one or two appositives ("The Chair of the Working Group,
    Ambassador X, Permanent Representative of Senegal, presented")."""
    v = grammar.predicate_after(text, pos)
    start = pos
    for _ in range(3):  # the first of one to three appositives after which a reporting verb follows
        if v:
            return v
        m = _APPOSITIVE.match(text, pos)
        if not m:
            break
        pos = m.end()
        v = grammar.predicate(text, pos)  # (the verb pattern reads the comma before it)
    if v:
        return v
    # a participle clause that a comma does not close: "Mr. X (Canada), introducing draft resolution ... drew
    # attention to", « M. X (Chili), présentant le projet de résolution ... appelle l'attention sur »
    m = _patterns(grammar).participle_clause.match(text, start)
    return grammar.predicate(text, m.end()) if m else None


def _is_name(tokens: list[str], ctx: Context) -> bool:
    """Words that can be a person's name: none an institution's word, an article, an honorific, the chair's title
    or a name of the reference tables ("UNIFIL", "Security Council", "Chair" are no one)."""
    L = ctx.grammar.lang
    for t in tokens:
        bare = t.rstrip(".")
        if (
            bare in L.institution_words
            or t in ctx.g.honorifics
            or re.fullmatch(rf"(?i:{L.articles})", t + " ")
            or re.fullmatch(L.chair_title, t)
            or ctx.g.entities.match(bare, 0)
            and ctx.g.entities.match(bare, 0)[1] == len(bare)
        ):
            return False
    return not ctx.g.entities.match(" ".join(tokens), 0)


is_name = _is_name  # (for the finders of other modules: kit.subject_forms)

_BRACKET_NAME = re.compile(rf"(?P<name>(?:{_WORD}\s+){{1,8}}?{_WORD})\s+{_BRACKET}")  # a title, up to 5 names


@lru_cache(maxsize=8)
def _chair_title_end(grammar) -> re.Pattern:
    """A title that ends with the Chair's ("Special Committee Chair"; not "Vice-Chair")."""
    return re.compile(rf"(?<![\w-])(?:{grammar.lang.chair_title})$")


def find_bracket_names(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Csaba Kőrösi (Hungary) said": a name without an honorific, then what it speaks for in brackets.

    A State or an observer's name in the brackets makes the delegation the speaker, also after an officer's title
    ("Special Committee Rapporteur Amr Saleh (Egypt)"); the Chair's title before the name ("Special Committee Chair
    U. Joy Ogwu (Nigeria)") or a title in the brackets ("(President of the General Assembly)") makes the person
    speak, with that title. The name starts a sentence (``starts``).
    """
    found = []
    for pos in starts:
        m = _BRACKET_NAME.match(text, pos)
        v = predicate_after_appositives(text, m.end(), ctx.grammar) if m else None
        if not v:
            continue
        tokens = m.group("name").split()
        while len(tokens) > 1 and not _is_name(tokens, ctx):
            tokens = tokens[1:]  # "Committee Chair U. Joy Ogwu" -> "U. Joy Ogwu"
        if len(tokens) < 2 or not _is_name(tokens, ctx):
            continue
        name = " ".join(tokens)
        start = m.start("name") + m.group("name").rindex(name)
        before = re.search(rf"((?:{_WORD}\s+)+)$", text[:start])
        title = before.group(1).strip() if before else None
        who = bracket_entity(m.group("bracket"), ctx.g, ctx.grammar.lang)
        # an officer with a State speaks for the delegation ("Special Committee Rapporteur X (Egypt)"); the Chair is a
        # person ("Special Committee Chair U. Joy Ogwu (Nigeria)"), as is anyone with a title in the brackets
        officer = title and who and who[0] == "state" and not _chair_title_end(ctx.grammar).search(title)
        if who and (not title or officer):
            sid = ctx.reg.delegate(name, who, ctx.para)
        else:
            sid = ctx.person(name, None, title or m.group("bracket"))
        found.append(Find(before.start() if title else start, v[1], [sid], v[0], [(start, m.end())]))
    return found


_CAPS_NAME = re.compile(
    rf"(?P<name>(?:{_WORD}\s+){{0,3}}{_CAPS}(?:\s+{_WORD}){{0,2}}|(?:{_WORD}\s+){{1,3}}{_CAPS}|(?:{_WORD}\s+){{1,3}}{_WORD})"
    rf"(?![\w'’\u2010\u2011-])(?:\s+{_BRACKET})?(?:,\s+(?P<title>[^,.;:!?\n]{{3,150}}?),)?"
)


def find_caps_names(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "JEAN-PIERRE LACROIX, Under-Secretary-General for Peace Operations, said", "RAHIM Bey said": a name with
    its surname in capitals, as press releases introduce speakers. The surname is the word(s) in capitals (the last
    word if the whole name is), so "Mr. Lacroix said" later is the same ``person:lacroix``; "(Nigeria)" after the
    name makes the delegation speak. A name in ordinary capitals speaks with its title ("Oscar Fernandez-Taranco,
    Assistant Secretary-General for Peacebuilding Support, told"). The name starts a sentence or follows a comma
    (``starts``)."""
    found = []
    for m in filter(None, (_CAPS_NAME.match(text, pos) for pos in starts)):
        tokens = m.group("name").split()
        caps = [t for t in tokens if re.fullmatch(_CAPS, t)]
        if len(tokens) < 2 or not (caps or m.group("title")):
            continue
        v = ctx.grammar.predicate_after(text, m.end())
        if not v or not _is_name(tokens, ctx):
            continue
        who = bracket_entity(m.group("bracket"), ctx.g, ctx.grammar.lang) if m.group("bracket") else None
        if who:
            sid = ctx.reg.delegate(m.group("name"), who, ctx.para)
        else:
            full = " ".join(t.title() if re.fullmatch(_CAPS, t) else t for t in tokens)
            surname = None if len(caps) in (0, len(tokens)) else " ".join(c.title() for c in caps)
            sid = ctx.person(full, None, m.group("title") or m.group("bracket"), surname=surname)
        found.append(Find(m.start(), v[1], [sid], v[0], [m.span("name")]))
    return found


def find_after_verb(text: str, ctx: Context, people_regex: re.Pattern) -> list[Find]:
    """ "..., said Martha Pobee, Assistant Secretary-General for Africa.", « ..., a déclaré le représentant du
    Botswana », "..., said the Under-Secretary-General ..., Hervé Ladsous,": the speaker after the verb, which
    follows a comma or a closing quotation mark. The statement is
    the sentence before (:func:`kit.attribution._explicit_statements` starts it at its sentence). A pronoun
    ("he said") names no one: the sentence stays with the speaker already speaking."""
    found = []
    grammar = ctx.grammar
    patterns = _patterns(grammar)
    for m in patterns.after_verb.finditer(text):
        pos = m.end()
        noun = patterns.speaker_noun.match(text, pos)
        if noun:
            items, end = ctx.parse_list(text, noun.end())
            if items:
                sids = [ctx.reg.listed(kind, key, ctx.para) for kind, key, _, _ in items]
                found.append(
                    Find(m.start(), end, sids, grammar.verb_form(m.group("verb")), [(s, e) for _, _, s, e in items])
                )
            continue
        possessive = state_with_noun(text, pos, ctx)  # "..., stressed Kenya's delegate, who spoke for ..."
        if possessive:
            found.append(
                Find(
                    m.start(),
                    possessive[1],
                    [possessive[0]],
                    grammar.verb_form(m.group("verb")),
                    [(pos, possessive[1])],
                )
            )
            continue
        alone = _state_alone(text, pos, ctx)  # « Certes, a argué Cuba, « ... » »
        if alone:
            found.append(Find(m.start(), alone[1], [alone[0]], grammar.verb_form(m.group("verb")), [(pos, alone[1])]))
            continue
        titled = patterns.titled.match(text, pos)
        named = people_regex.match(text, pos)
        title = named.group("title") if named else None
        if titled and not (named and _is_name(named.group("name").split(), ctx)):
            # "..., said the new Under-Secretary-General for Peacekeeping Operations, Hervé Ladsous, ..."
            named, title = people_regex.match(text, titled.end()), titled.group("title")
        if not named or not _is_name(named.group("name").split(), ctx):
            continue
        who = state_after(text, named.end("name"), ctx.g, grammar.lang)  # "..., M. Karim Saleh, de l'Égypte."
        if who and title and re.fullmatch(grammar.lang.chair_title, title):  # the Chair named with a State: a person
            who = None
        sid = ctx.reg.listed(*who, ctx.para) if who else ctx.person(named.group("name"), named.group("hon"), title)
        found.append(Find(m.start(), named.end(), [sid], grammar.verb_form(m.group("verb")), [named.span("name")]))
    return found


def state_with_noun(text: str, pos: int, ctx: Context) -> tuple[str, int] | None:
    """ "Kenya's delegate", "the European Union representative" at ``pos``: the speaker and where the noun ends."""
    grammar = ctx.grammar
    art = grammar.article.match(text, pos)
    entity = ctx.g.entities.match(text, art.end() if art else pos)
    if not entity or entity[0].split(":", 1)[0] not in ("country", "organization"):
        return None
    noun = grammar.subject_noun.match(text, entity[1])
    if not noun:
        return None
    tag, key = entity[0].split(":", 1)
    return ctx.reg.listed("state" if tag == "country" else "org", key, ctx.para), noun.end()


def _state_alone(text: str, pos: int, ctx: Context) -> tuple[str, int] | None:
    """A State or organization named alone after the verb, its name ending the clause (« a argué Cuba, »)."""
    art = ctx.grammar.article.match(text, pos)
    entity = ctx.g.entities.match(text, art.end() if art else pos)
    if not entity or entity[0].split(":", 1)[0] not in ("country", "organization"):
        return None
    if not re.match(r"\s*(?:[,.;:!?»”\"]|$)", text[entity[1] :]):
        return None
    tag, key = entity[0].split(":", 1)
    return ctx.reg.listed("state" if tag == "country" else "org", key, ctx.para), entity[1]


def person_regex(honorifics: str) -> re.Pattern:
    """A person named in full, perhaps after an honorific, perhaps with a title in an appositive:
    "Martha Pobee, Assistant Secretary-General for Africa", "Mr. Ladeb"."""
    return re.compile(
        rf"(?:(?P<hon>{honorifics})\s+)?(?P<name>(?:{_WORD}\s+){{0,3}}[{UPPER}][\w'’\u2010\u2011-]+)"
        rf"(?![\w'’\u2010\u2011-])(?:,\s+(?P<title>[^,.;:!?\n]{{3,150}}?)(?=[,.;:!?\n]))?"
    )


def find_briefer_intro(text: str, ctx: Context, people_regex: re.Pattern, starts: list[int]) -> list[Find]:
    """ "Also briefing the Council was Ana Lopes, Director of the Office of Military Affairs, who said": the person
    introduced at the start of a sentence, then the relative clause with the reporting verb."""
    found = []
    patterns = _patterns(ctx.grammar)
    for m in filter(None, (patterns.briefer_intro.match(text, pos) for pos in starts)):
        named = people_regex.match(text, m.end())
        if not named or not _is_name(named.group("name").split(), ctx):
            continue
        rel = patterns.relative.match(text, named.end())
        v = ctx.grammar.predicate_after(text, rel.end()) if rel else None
        # "Also addressing the Committee was Mei Lin, Under-Secretary-General ....  She said that ..."
        pronoun = patterns.pronoun.match(text, named.end()) if not v else None
        v = v or (ctx.grammar.predicate(text, pronoun.end()) if pronoun else None)
        if not v:
            continue
        sid = ctx.person(named.group("name"), named.group("hon"), named.group("title"))
        found.append(Find(m.start(), v[1], [sid], v[0], [named.span("name")]))
    return found
