"""What makes a sentence an ask: one definition for the briefing note, the checker and the handout.

An *ask* says who asks whom for what. The forms are reference data, ``data/reference/asks.csv``
(``phrase``, ``kind``, ``lang``), one table for English and French:

* ``verb`` -- an asking verb anywhere in the sentence: "called for/on", "recommended", "requested",
  "urged", "appealed for", « a demandé », « a recommandé », « a demandé instamment », « a exhorté »;
  the statement's own reporting verb asks too when its ``lemma`` (the English lemma, in both languages)
  is one of :data:`kit.teaching.ASK_LEMMAS`;
* ``not`` -- a phrase that undoes an overlapping form ("as requested", "requested by", « a demandé si »);
* ``modal`` -- "should", "must", « devrait », « doit », « devait »: an ask when it prescribes a state
  (its verb is ``be``/« être »: "must therefore be adequately resourced") or when its subject is an
  *actor* (kind ``actor``, or a State, organization or mission of the reference tables): "the Security
  Council should fully heed ..." asks; "The system should inform operational planning" describes a
  system and does not;
* ``welcome`` -- "would be welcome", « seraient les bienvenues »; ``necessity`` -- "it was essential to",
  « il fallait »;
* ``necessity`` also holds the needs a sentence states as its own ("there was a need to", « il y avait lieu
  de »), the needs another verb stresses ("had underlined the need for"), the list of what "needed to" be done
  ("..., namely, ...", « à savoir »), a responsibility ("had a responsibility to") and, in ``welcome``, an
  opportunity pointed out ("would provide an excellent opportunity to announce pledges");
* ``need`` -- "the need for/to", « la nécessité de »: an ask only right after the statement's reporting
  verb ("underscored the need to hold perpetrators accountable"). A sentence that only describes a need
  ("the Secretariat had been mindful of the need to ...", "actions needed to adapt") is not an ask.

In a phrase, ``*`` ends a word as a prefix (``recommend*``), ``...`` stands for up to three words
("would therefore be welcome", « seraient donc les bienvenues »), and ``'`` ends an elided word (« d' »).

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
>>> ask_form("The representatives noted the need to hold perpetrators accountable.", verb="noted")
'the need to'
>>> ask_form("He said that the attacks had underlined the need for more to be done.", verb="said")
'underlined the need for'
>>> ask_form("However, there was a need to improve peacekeeping-intelligence.")
'there was a need to'
>>> ask_form("Countries were being encouraged to use the materials.")
'encouraged to'
>>> ask_form("China was encouraged by the growing consensus.") is None
True
>>> ask_form("The system should inform operational planning.") is None
True
>>> ask_form("Le représentant du Kenya a demandé instamment aux pays hôtes de coopérer.", lang="fr")
'a demandé instamment'
>>> ask_form("Des séances d'information seraient donc les bienvenues.", lang="fr")
'seraient donc les bienvenues'
>>> addressee("The representative of India called on host States to fulfil their responsibilities.")
'host States'
>>> addressee("Le représentant de l'Inde a demandé aux États hôtes de s'acquitter de leurs responsabilités.", lang="fr")
'États hôtes'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import read_table
from ..language import LANGUAGES, SUPPORTED, Language
from . import ASK_LEMMAS

__all__ = ["SHOULD_PATTERN", "ASK_LEMMAS", "ASK_KINDS", "ask_form", "form_kind", "addressee", "ask_phrases"]

#: The workshop's "should / need to" text search (case-insensitive).
SHOULD_PATTERN = r"\b(?:should|needs? to|needed to)\b"

#: The kinds of ``asks.csv`` rows.
ASK_KINDS = ("verb", "not", "modal", "welcome", "necessity", "need", "be", "actor")
_GAP = r"(?:[\w’'-]+,?\s+){0,3}?"


@lru_cache(maxsize=4)
def ask_phrases(lang: str = "en") -> dict[str, tuple[str, ...]]:
    """The phrases of ``asks.csv`` in ``lang``: kind -> phrases.

    >>> "should" in ask_phrases("en")["modal"] and "devrait" in ask_phrases("fr")["modal"]
    True
    """
    out: dict[str, list[str]] = {}
    for row in read_table("asks.csv"):
        if (row.get("lang") or "en") == lang and row.get("phrase"):
            out.setdefault(row["kind"], []).append(row["phrase"])
    return {k: tuple(v) for k, v in out.items()}


def _phrase_rx(phrase: str) -> str:
    """The regex of one phrase (``*`` prefix, ``...`` gap, ``'`` elision, any space)."""
    out, glue = [], ""
    for tok in phrase.split():
        if tok == "...":
            out.append(glue + _GAP)
            glue = ""
            continue
        elided = tok.endswith("'") or tok.endswith("’")
        body = re.escape(tok.rstrip("'’").rstrip("*")) + (r"[\w-]*" if tok.endswith("*") else "")
        out.append(glue + body + (r"['’]\s*" if elided else ""))
        glue = "" if elided else r"\s+"
    rx = "".join(out).replace(r"\s+" + _GAP, r"\s+" + _GAP)
    end = "" if phrase.endswith(("'", "’")) else r"(?![\w-])"
    return rf"(?<![\w-]){rx}{end}"


def _alt(phrases) -> str:
    return "|".join(_phrase_rx(p) for p in sorted(phrases, key=len, reverse=True)) or r"(?!x)x"


class _Forms:
    def __init__(self, lang: str):
        v = ask_phrases(lang)
        self.lang = lang
        self.kinds = {k: re.compile(_alt(v.get(k, ())), re.I) for k in ("verb", "not", "welcome", "necessity")}
        L = _language(lang)
        self.modal = re.compile(
            rf"(?P<form>{_alt(v.get('modal', ()))})(?P<adv>(?:\s+(?:{L.ask_adverbs}))"
            rf"{{0,2}})\s+(?P<be>{_alt(v.get('be', ()))})?",
            re.I,
        )
        self.modal_only = re.compile(_alt(v.get("modal", ())), re.I)
        self.need = _alt(v.get("need", ()))
        self.actor = re.compile(rf"(?:{_alt(v.get('actor', ()))})$", re.I)
        # after "be": a participle (and up to three adverbs or complements), then the agent
        self.agent = re.compile(
            rf"\s*(?:[\w’'-]+\s+){{1,4}}?{L.ask_by}(?P<who>{L.ask_by_article}"
            rf"(?:{_alt(v.get('actor', ()))}))(?![\w-])",
            re.I,
        )
        institutions = [a for a in v.get("actor", ()) if a[:1].isupper()]
        self.by_institution = re.compile(
            rf"(?<![\w-]){L.ask_by}(?P<who>{L.ask_by_article}(?:{_alt(institutions)}))"
            r"(?![\w-])"
        )
        self.actor_start = re.compile(rf"(?:{_alt(v.get('actor', ()))})(?![\w-])", re.I)
        self.first: re.Pattern = re.compile(
            "|".join(f"(?P<{k}>{self.kinds[k].pattern})" for k in ("verb", "welcome", "necessity")), re.I
        )


def _language(lang: str) -> Language:
    """The grammar of ``lang`` (:mod:`kit.language`); a language the kit does not read gets the first one's."""
    return LANGUAGES.get(lang) or LANGUAGES[SUPPORTED[0]]


@lru_cache(maxsize=4)
def _forms(lang: str) -> _Forms:
    return _Forms(_language(lang).code)


def _subject(sentence: str, at: int, lang: str) -> str | None:
    """The words before a modal at ``at`` back to the start of its clause ("that the Security Council"); a
    coordination of actors stays whole ("Member States and the Secretariat")."""
    before = sentence[:at].rstrip()
    L = _language(lang)
    clause = L.ask_clause
    outer = clause.replace(f"{L.and_word}|", "") if L.and_word else clause  # "and" may join two actors of one subject

    def last_start(rx: str) -> int:
        start = 0
        for m in re.finditer(rx, before, re.I):
            if before[m.end() :].strip():
                start = m.end()
        return start

    whole = before[last_start(outer) :].strip()
    if whole and len(whole.split()) <= 12 and _is_actor(whole, lang):
        return whole
    return before[last_start(clause) :].strip() or None


def _is_actor(subject: str, lang: str) -> bool:
    """Every conjunct of ``subject`` names an actor: its head ends with an actor noun of ``asks.csv``, or it is the
    name of a State, organization or mission of the reference tables."""
    f, L = _forms(lang), _language(lang)
    conjuncts = [c.strip() for c in re.split(L.ask_and, subject) if c.strip()]
    if not conjuncts:
        return False
    for c in conjuncts:
        c = re.sub(L.ask_article, "", c, flags=re.I)
        head = re.split(L.ask_head_end, c, maxsplit=1)[0].strip()
        if f.actor.search(head) and re.search(rf"(?<![\w-])(?:{f.actor.pattern})", head, re.I):
            continue  # the head noun ends the noun phrase: "the host countries", "the Security Council"
        if L.noun_first and f.actor_start.match(c):
            continue  # the head noun starts it: « Groupe de travail », « pays fournisseurs de contingents »
        if _named_entity(c, lang):
            continue
        return False
    return True


def _named_entity(text: str, lang: str) -> bool:
    from ..gazetteer import load_gazetteer

    try:
        m = load_gazetteer(lang=lang).entities.match(text, 0)
    except (OSError, ValueError):
        return False
    return bool(m) and m[1] == len(text.rstrip())


def _modal_asks(sentence: str, m: re.Match, lang: str) -> bool:
    """A modal asks when it prescribes a state (its verb is be / « être ») or when its subject is an actor;
    a subject that cannot be read (none, or too long) is given the benefit of the doubt."""
    if m.group("be"):
        return True
    subj = _subject(sentence, m.start(), lang)
    if not subj or len(subj.split()) > 12:
        return True
    if re.match(_language(lang).ask_pronoun_subject, subj, re.I):
        return False
    return _is_actor(subj, lang)


def ask_form(sentence: str, verb: str | None = None, lang: str = "en", lemma: str | None = None) -> str | None:
    """The words that make ``sentence`` an ask, or ``None``.

    ``verb`` is the statement's reporting verb as the report writes it ("underscored", « a souligné »): "the
    need for/to" makes an ask only right after that verb, i.e. when the speaker stresses the need. ``lemma`` is
    its English lemma: an asking lemma (:data:`ASK_LEMMAS`) makes the verb itself the form. ``lang`` is the
    report's language (``"en"``, ``"fr"``).
    """
    f = _forms(lang)
    nots = [(m.start(), m.end()) for m in f.kinds["not"].finditer(sentence)]

    def undone(a: int, b: int) -> bool:
        return any(x < b and a < y for x, y in nots)

    found: list[tuple[int, str]] = []
    for m in f.first.finditer(sentence):
        if not undone(m.start(), m.end()):
            found.append((m.start(), m.group()))
            break
    if verb and lemma in ASK_LEMMAS:
        m = re.search(rf"(?<![\w-]){re.escape(verb)}(?![\w-])", sentence, re.I)
        if m and not undone(m.start(), m.end()):
            found.append((m.start(), m.group()))
    for m in f.modal.finditer(sentence):
        if not undone(m.start(), m.end()) and _modal_asks(sentence, m, lang):
            found.append((m.start(), m.group("form")))
            break
    if found:
        at, form = min(found, key=lambda x: (x[0], -len(x[1])))
        # the longest form starting there ("a demandé instamment" over "a demandé")
        form = max((x[1] for x in found if x[0] == at), key=len)
        return re.sub(r"\s+", " ", form)
    if verb:
        m = re.search(rf"(?<![\w-]){re.escape(verb)}\s+(?:[\w’'-]+\s+)?(?P<need>{f.need})", sentence, re.I)
        if m:
            return re.sub(r"\s+", " ", m.group("need"))
    return None


def form_kind(form: str, lang: str = "en") -> str:
    """The kind of an ask form found by :func:`ask_form`: ``verb``, ``welcome``, ``necessity``, ``modal`` or
    ``need`` (a reporting verb whose lemma asks is a ``verb``).

    >>> form_kind("called for"), form_kind("should"), form_kind("a demandé instamment", "fr")
    ('verb', 'modal', 'verb')
    """
    f = _forms(lang)
    for kind in ("welcome", "necessity"):
        if f.kinds[kind].fullmatch(form):
            return kind
    if f.modal_only.fullmatch(form):
        return "modal"
    if re.fullmatch(f.need, form, re.I):
        return "need"
    return "verb"


@lru_cache(maxsize=4)
def _addressees(lang: str) -> tuple[re.Pattern, ...]:
    """The patterns of an ask's addressee in ``lang`` (:attr:`kit.language.Language.addressees`)."""
    return tuple(re.compile(rx) for rx in _language(lang).addressees)


def addressee(sentence: str, lang: str = "en") -> str | None:
    """Whom the ask is addressed to, when the sentence names it ("host States", "Member States and the
    Secretariat", "the Security Council", « États hôtes », « le Conseil de sécurité »); else ``None``."""
    L = _language(lang)
    for rx in _addressees(L.code):
        m = rx.search(sentence)
        if m:
            who = re.sub(L.addressee_trim, "", m.group("who").strip(), flags=re.I)
            words = who.split()
            first = words[0].lower() if words else ""
            article = bool(re.fullmatch(L.articles, first + " ", re.I))
            if not words or first in L.not_who or (article and len(words) > 1 and words[1].lower() in L.not_who):
                continue
            return who
    # the agent of a modal's passive: "should be resourced by the Secretariat", « devrait être fixé par le Conseil »
    f = _forms(lang)
    for m in f.modal.finditer(sentence):
        if m.group("be"):
            agent = f.agent.match(sentence, m.end())
            if agent:
                return agent.group("who")
    # an institution named as the agent after an asking verb: "appealed for clear mandates by the Security Council"
    first = f.first.search(sentence)
    if first:
        m = f.by_institution.search(sentence, first.end())
        if m:
            return m.group("who")
    # the actor subject of a modal ask: "Member States and the Secretariat should ...", « le Conseil devrait »
    for m in f.modal.finditer(sentence):
        subj = _subject(sentence, m.start(), lang)
        if subj and len(subj.split()) <= 12 and _is_actor(subj, lang):
            words = subj.split()
            if words[0].lower() in L.not_who:
                continue
            return subj
    return None
