"""Subjects of other shapes: a State by its adjective, an opinion lead, a title before a name.

Forms of press releases that the finders of :mod:`kit.attribution` and :mod:`kit.speech_forms` do not read:

* a State named by its adjective of nationality: "The Indian delegation strongly urged", « la délégation
  iraquienne a estimé » (:func:`find_adjective_subjects`); the adjectives are the ``demonym`` column of
  ``member_states.csv`` (``fr_demonym`` in French); an adjective two States share ("Congolese") names neither;
* an opinion lead that names its holder, then the opinion, with no reporting verb: "In the view of the Brazilian
  delegation, the Special Committee should ...", « De l'avis de la délégation iraquienne, le Comité devrait ... »
  (:func:`find_opinion_leads`); the statement gets the language's ``opinion_verb``;
* an opinion lead that names a State: "According to Norway, ...", "In Norway's view, ...", « Selon le représentant du
  Brésil, ... » (:func:`find_opinion_holders`);
* a speaker joined by "with" and a participle: "Many speakers stressed ..., with Indonesia's representative saying
  that ..." (:func:`find_with_participle`), and a State whose representative speaks in a relative clause:
  "Bangladesh was among the contributors whose representative voiced concern" (:func:`find_whose_speaker`);
* a speaker one of a group: "Kenya's representative was among several delegates who expressed regret", "The
  representative of Chile was one of several delegates welcoming the text" (:func:`find_among_speakers`);
* a second speaker whose verb is left out: « Le représentant du Pérou a noté que ... et celui du Ghana que ... »
  (:func:`find_elided_speakers`): the verb of the speaker before;
* the Chair by title alone after the verb: « ..., a indiqué la Présidente. », "..., said the Chair."
  (:func:`find_chair_after_verb`);
* a person with an honorific and a title in apposition, not introduced before: "Ms. Claire Moreau, Under-Secretary-
  General for Peace Operations, said", « Mme Claire Moreau, Secrétaire générale adjointe ..., a déclaré »
  (:func:`find_honorific_titled`);
* a State or organization alone as subject, with a relative clause before the verb: "Ghana, which chaired the
  Committee, regretted", « Le Ghana, qui présidait le Comité, a regretté » (:func:`find_state_with_relative`);
* a title before a name, without a comma: "Addressing the Committee, Under-Secretary-General for Operational
  Support Maria Okonkwo said" (:func:`find_title_before_name`): the person, with that title.

The words are the grammar of :class:`kit.language.Language` (``adjective_subject``, ``opinion_lead``,
``opinion_verb``, ``title_head``); this module holds no phrase of any language.

Examples
--------
>>> from kit.attribution import attribute
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "The Argentine delegation strongly urged States to pay on time."),
...          (2, "Addressing the Committee, Under-Secretary-General for Operational Support Maria Okonkwo said that"
...              " supply chains were shorter.")]
>>> [(s.para, s.speaker_id) for s in attribute(paras, load_gazetteer()).statements]
[(1, 'ARG'), (2, 'person:okonkwo')]
>>> fr = [(1, "De l'avis de la délégation marocaine, les mandats doivent être clairs.")]
>>> [(s.speaker_id, s.verb) for s in attribute(fr, load_gazetteer(lang="fr")).statements]
[('MAR', 'a estimé')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .entity_lists import entities_with_articles
from .gazetteer import trie_regex
from .language import NEVER
from .speech_forms import Context, Find, bracket_entity, is_name, state_with_noun

__all__ = [
    "adjectives",
    "find_adjective_subjects",
    "find_opinion_leads",
    "find_opinion_holders",
    "find_title_before_name",
    "find_with_participle",
    "find_honorific_titled",
    "find_whose_speaker",
    "find_state_with_relative",
    "find_among_speakers",
    "find_elided_speakers",
    "find_chair_after_verb",
]

_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\u2010\u2011-]*"
_NAME_AND_STATE = re.compile(rf"(?:{_NAME_WORD}\.?\s+){{1,5}}\((?P<state>[^()\n]{{2,80}})\)")


def adjectives(g) -> dict[str, str]:
    """A State's adjectives of nationality in the gazetteer's language (``demonym``, ``fr_demonym``) -> its ISO3
    code; an adjective two States share is left out.

    >>> from kit.gazetteer import load_gazetteer
    >>> a = adjectives(load_gazetteer())
    >>> a["Indian"], "Congolese" in a
    ('IND', False)
    >>> adjectives(load_gazetteer(lang="fr"))["iraquienne"]
    'IRQ'
    """
    column = g.language.column_prefix + "demonym"
    seen: dict[str, set[str]] = {}
    for row in g.table("member_states.csv"):
        for adj in filter(None, (a.strip() for a in (row.get(column) or "").split("|"))):
            seen.setdefault(adj, set()).add(row["iso3"])
    return {adj: next(iter(isos)) for adj, isos in seen.items() if len(isos) == 1}


@lru_cache(maxsize=8)
def _patterns(grammar, g) -> tuple[dict[str, str], re.Pattern, re.Pattern, re.Pattern]:
    L = grammar.lang
    table = adjectives(g)
    adj = trie_regex(sorted(table)) if table else r"(?!x)x"
    # a given name, perhaps an initial ("Vitaly I. Churkin") or particles ("Alain Le Roy"), a surname; then the verb,
    # no comma between them ("..., Elena Marsh, Assistant Secretary-General for Peacebuilding Support, told" is an
    # appositive title)
    title = re.compile(
        rf"(?P<title>(?:{L.title_head})(?:\s+(?:{_NAME_WORD}|for|of|and|the|on)){{0,8}}?)"
        rf"\s+(?P<name>{_NAME_WORD}\s+(?:[A-Z]\.\s+)?(?:(?i:{L.name_particles})\s+){{0,2}}{_NAME_WORD})(?!\s*,)(?={grammar.verb.pattern})"
    )
    return (
        table,
        re.compile(L.adjective_subject.format(adj=adj)),
        re.compile(L.opinion_lead.format(adj=adj)),
        title,
    )


def find_adjective_subjects(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "The Indian delegation strongly urged", « La délégation iraquienne a estimé »: the State whose adjective
    qualifies the delegation, right before a reporting verb, at the start of a sentence (``starts``)."""
    table, subject, _, _ = _patterns(ctx.grammar, ctx.g)
    found = []
    for m in filter(None, (subject.match(text, pos) for pos in starts)):
        v = ctx.grammar.predicate_after(text, m.end())
        if v:
            sid = ctx.reg.listed("state", table[m.group("adj")], ctx.para)
            found.append(Find(m.start(), v[1], [sid], v[0], [m.span("adj")]))
    return found


def find_opinion_leads(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "In the view of the Brazilian delegation, ...", « De l'avis de la délégation iraquienne, ... »: the holder
    of the opinion speaks; the statement is its sentence, with the language's ``opinion_verb``."""
    table, _, lead, _ = _patterns(ctx.grammar, ctx.g)
    verb = ctx.grammar.lang.opinion_verb
    found = []
    for m in filter(None, (lead.match(text, pos) for pos in starts)):
        sid = ctx.reg.listed("state", table[m.group("adj")], ctx.para)
        found.append(Find(m.start(), m.end(), [sid], verb, [m.span("adj")]))
    return found


@lru_cache(maxsize=8)
def _holder_patterns(grammar) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(rf"(?:{grammar.lang.opinion_holder})"), re.compile(grammar.lang.opinion_holder_end)


def find_opinion_holders(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "According to Norway, ...", "In Norway's view, ...", « Selon le représentant du Brésil, ... », « De l'avis
    du Japon, ... »: the States or organizations named speak (only names of the reference tables: "According to the
    report" names no one). The statement is the sentence, with the language's ``opinion_verb``."""
    lead, end = _holder_patterns(ctx.grammar)
    found = []
    for m in filter(None, (lead.match(text, pos) for pos in starts)):
        items, stop = ctx.parse_list(text, m.end())
        if not items or any(kind == "unknown" for kind, *_ in items):
            items, stop = entities_with_articles(text, m.end(), ctx)
        close = end.match(text, stop) if items else None
        if not close:
            continue
        sids = [ctx.reg.listed(kind, key, ctx.para) for kind, key, _, _ in items]
        found.append(Find(m.start(), close.end(), sids, ctx.grammar.lang.opinion_verb, [(s, e) for *_, s, e in items]))
    return found


def find_title_before_name(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Under-Secretary-General for Operational Support Maria Okonkwo said": a title (it starts with a word of
    ``title_head``), then a name of two or three words, then the verb; at the start of a sentence or after a comma
    (``starts``). The name is its last two words, with an initial or the particles between them ("Alain Le Roy")."""
    _, _, _, title = _patterns(ctx.grammar, ctx.g)
    found = []
    for m in filter(None, (title.match(text, pos) for pos in starts)):
        v = ctx.grammar.predicate(text, m.end())
        if not v or not is_name(m.group("name").split(), ctx):
            continue
        sid = ctx.person(m.group("name"), None, m.group("title"))
        found.append(Find(m.start(), v[1], [sid], v[0], [m.span("name")]))
    return found


@lru_cache(maxsize=8)
def _with_patterns(grammar) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    L = grammar.lang
    participles = "|".join(r"\s+".join(p.split()) for p, _ in sorted(L.with_participles, key=lambda pv: -len(pv[0])))
    return (
        re.compile(L.with_subject),
        re.compile(rf"\s+(?P<participle>{participles or NEVER})\b"),
        re.compile(L.speaker_noun),
        re.compile(L.whose_speaker),
    )


def find_with_participle(text: str, ctx: Context) -> list[Find]:
    """ "..., with Indonesia's representative saying that ...", "..., with the representative of Chile noting that",
    "..., with Tomas Vold (Norway) commending" (a name and its State in brackets: the delegation):
    the speaker of a participle phrase joined by "with" (``with_subject``, ``with_participles``: the statement gets
    the participle's verb, "saying" -> "said"). The statement starts at "with" when another find opens its
    sentence, else at its sentence."""
    opener, participle, noun, _ = _with_patterns(ctx.grammar)
    found = []
    for m in opener.finditer(text):
        rep = noun.match(text, m.end())
        bracketed = _NAME_AND_STATE.match(text, m.end())
        who = bracket_entity(bracketed.group("state"), ctx.g, ctx.grammar.lang) if bracketed else None
        if rep:
            items, end = ctx.parse_list(text, rep.end())
            sids = [ctx.reg.listed(kind, key, ctx.para) for kind, key, _, _ in items if kind != "unknown"]
        elif bracketed and who and who[0] == "state":  # "..., with Tomas Vold (Norway) commending": the delegation
            sids, end = [ctx.reg.listed(*who, ctx.para)], bracketed.end()
        else:
            possessive = state_with_noun(text, m.end(), ctx)
            sids, end = ([possessive[0]], possessive[1]) if possessive else ([], m.end())
        v = participle.match(text, end) if sids else None
        if v:  # the statement gets the verb of the table ("saying" -> "said")
            verb = dict(ctx.grammar.lang.with_participles)[" ".join(v.group("participle").split())]
            found.append(Find(m.start(), v.end(), sids, verb, [(m.end(), end)]))
    return found


def find_whose_speaker(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Bangladesh was among the top troop contributors whose representative voiced concern": the State (or
    organization) that opens the sentence (``starts``), whose representative speaks in the relative clause."""
    _, _, _, whose = _with_patterns(ctx.grammar)
    found = []
    for pos in starts:
        items, end = entities_with_articles(text, pos, ctx)
        rel = whose.match(text, end) if len(items) == 1 else None
        v = ctx.grammar.predicate(text, rel.end()) if rel else None
        if v:
            sid = ctx.reg.listed(items[0][0], items[0][1], ctx.para)
            found.append(Find(pos, v[1], [sid], v[0], [(items[0][2], items[0][3])]))
    return found


@lru_cache(maxsize=8)
def _honorific_titled(grammar, g) -> re.Pattern:
    L = grammar.lang
    return re.compile(
        rf"(?P<hon>{trie_regex(g.honorifics)})\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|(?i:{L.name_particles}))){{0,3}}),"
        rf"\s+(?P<title>(?:{L.title_head})[^,.;:!?\n]{{0,150}}?)(?=,)"
    )


def find_honorific_titled(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Ms. Claire Moreau, Under-Secretary-General for Peace Operations, said", « M. Paul Durand, Directeur de la
    Division militaire, a déclaré »: a person the document had not introduced, named with an honorific and a title
    (it starts with a word of ``title_head``) in apposition, then the verb. With a representative of a State in the
    apposition ("Mr. Paul Soto, Permanent Representative of Chile, said") the delegation speaks."""
    pattern = _honorific_titled(ctx.grammar, ctx.g)
    found = []
    for m in filter(None, (pattern.match(text, pos) for pos in starts)):
        v = ctx.grammar.predicate(text, m.end())
        if not v or not is_name(m.group("name").split(), ctx):
            continue
        rep = ctx.grammar.representative.search(text, m.start("title"), m.end("title"))
        items = ctx.parse_list(text, rep.end())[0] if rep else []
        if rep and (len(items) != 1 or items[0][0] == "unknown"):
            continue
        # "Permanent Representative of Chile": the delegation speaks, as for "Mr. Soto (Chile)"
        sid = (
            ctx.reg.listed(*items[0][:2], ctx.para)
            if rep
            else ctx.person(m.group("name"), m.group("hon"), m.group("title"))
        )
        found.append(Find(m.start(), v[1], [sid], v[0], [m.span("name")]))
    return found


@lru_cache(maxsize=8)
def _relative_clause(grammar) -> re.Pattern:
    return re.compile(rf",\s+(?:{grammar.lang.state_relative})[^,.;:!?\n«»“”]{{2,150}}?,\s*")


def find_state_with_relative(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Ghana, which chaired the Committee, regretted", « Le Ghana, qui présidait le Comité, a ainsi regretté »: a
    State (or organization) named alone at the start of a sentence (``starts``), a relative clause closed by a
    comma (the language's ``state_relative`` pronouns), then a reporting verb.

    >>> from kit.attribution import attribute
    >>> from kit.gazetteer import load_gazetteer
    >>> fr = [(1, "Le Ghana, qui présidait le Comité, a ainsi regretté les coupes.")]
    >>> [(s.speaker_id, s.verb) for s in attribute(fr, load_gazetteer(lang="fr")).statements]
    [('GHA', 'a regretté')]
    """
    clause = _relative_clause(ctx.grammar)
    found = []
    for pos in starts:
        items, end = entities_with_articles(text, pos, ctx)
        rel = clause.match(text, end) if len(items) == 1 else None
        v = ctx.grammar.predicate_after(text, rel.end()) if rel else None
        if v:
            sid = ctx.reg.listed(items[0][0], items[0][1], ctx.para)
            found.append(Find(pos, v[1], [sid], v[0], [(items[0][2], items[0][3])]))
    return found


@lru_cache(maxsize=8)
def _among_patterns(grammar) -> tuple[re.Pattern, re.Pattern]:
    L = grammar.lang
    return re.compile(rf"(?i:{L.speaker_noun})"), re.compile(L.among_speakers)


def find_among_speakers(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Kenya's representative, however, was among several delegates who expressed regret", "The representative of
    Chile was one of several delegates welcoming the text": a delegation named at the start of a sentence
    (``starts``), one of a group (``among_speakers``), then a reporting verb or a participle of
    ``with_participles`` (the statement gets its verb: "welcoming" -> "welcomed").

    >>> from kit.attribution import attribute
    >>> from kit.gazetteer import load_gazetteer
    >>> paras = [(1, "Kenya's representative was among several delegates who expressed regret at the cuts.")]
    >>> [(s.speaker_id, s.verb) for s in attribute(paras, load_gazetteer()).statements]
    [('KEN', 'expressed regret')]
    """
    noun, among = _among_patterns(ctx.grammar)
    _, participle, _, _ = _with_patterns(ctx.grammar)
    participles = dict(ctx.grammar.lang.with_participles)
    found = []
    for pos in starts:
        rep = noun.match(text, pos)
        if rep:
            items, end = ctx.parse_list(text, rep.end())
            sids = [ctx.reg.listed(kind, key, ctx.para) for kind, key, _, _ in items if kind != "unknown"]
            spans = [(s, e) for kind, _, s, e in items if kind != "unknown"]
        else:
            possessive = state_with_noun(text, pos, ctx)
            sids, end = ([possessive[0]], possessive[1]) if possessive else ([], pos)
            spans = [(pos, end)]
        m = among.match(text, end) if sids else None
        if not m:
            continue
        v = ctx.grammar.predicate_after(text, m.end())
        p = participle.match(text, m.end()) if not v else None
        if v:
            found.append(Find(pos, v[1], sids, v[0], spans))
        elif p:
            found.append(Find(pos, p.end(), sids, participles[" ".join(p.group("participle").split())], spans))
    return found


@lru_cache(maxsize=8)
def _elided_patterns(grammar) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    L = grammar.lang
    return re.compile(L.elided_speaker), re.compile(L.elided_end), re.compile(rf"\b(?:{grammar.verb_alt})\b")


def find_elided_speakers(text: str, ctx: Context) -> list[Find]:
    """« Le représentant du Pérou a noté que ... et celui du Ghana que ... », "the representative of Peru noted that
    ... and that of Ghana that ...": a second speaker of the same verb, left out (``elided_speaker``, then States,
    then ``elided_end``). The statement gets the last reporting verb before it in its sentence.

    >>> from kit.attribution import attribute
    >>> from kit.gazetteer import load_gazetteer
    >>> fr = [(1, "Le représentant du Pérou a noté que les coupes étaient graves et celui du Ghana que le texte "
    ...            "était bon.")]
    >>> [(s.speaker_id, s.verb) for s in attribute(fr, load_gazetteer(lang="fr")).statements]
    [('PER', 'a noté'), ('GHA', 'a noté')]
    """
    opener, end, verb = _elided_patterns(ctx.grammar)
    found = []
    for m in opener.finditer(text):
        items, stop = ctx.parse_list(text, m.end())
        items = [item for item in items if item[0] != "unknown"]
        close = end.match(text, stop) if items else None
        start = max(text.rfind(". ", 0, m.start()) + 1, 0)
        verbs = list(verb.finditer(text, start, m.start())) if close else []
        if close and verbs:
            sids = [ctx.reg.listed(kind, key, ctx.para) for kind, key, _, _ in items]
            vform = ctx.grammar.verb_form(verbs[-1].group(0))
            found.append(Find(m.start(), close.end(), sids, vform, [(s, e) for *_, s, e in items]))
    return found


@lru_cache(maxsize=8)
def _chair_after_verb(grammar) -> re.Pattern:
    L = grammar.lang
    # the title alone: not before the Chair's name in apposition (« la Présidente du Comité, Mme X, »)
    return re.compile(
        rf"(?:{L.after_verb_lead})\s*(?P<verb>{grammar.verb_alt})\s+(?:{L.chair})"
        r"(?=\s*(?:[.;:!?»”\"]|,\s+[a-zà-ÿ]|$))"
    )


def find_chair_after_verb(text: str, ctx: Context, chair: Callable[[], str]) -> list[Find]:
    """« Les mandats doivent être clairs, a indiqué la Présidente. », "..., said the Chair.": the Chair by title
    alone after the verb (``chair()`` gives the Chair's speaker id: the person the report names as Chair, if any).

    >>> from kit.attribution import attribute
    >>> from kit.gazetteer import load_gazetteer
    >>> fr = [(1, "Les mandats doivent être clairs, a indiqué la Présidente.")]
    >>> [(s.speaker_id, s.verb) for s in attribute(fr, load_gazetteer(lang="fr")).statements]
    [('role:chair', 'a indiqué')]
    """
    found = []
    for m in _chair_after_verb(ctx.grammar).finditer(text):
        verb = ctx.grammar.verb_form(m.group("verb"))
        found.append(Find(m.start(), m.end(), [chair()], verb, [m.span("chair")]))
    return found
