"""Who said what: reported-speech attribution.

UN summaries of meetings report speech in the third person. This module reads
that grammar:

* ``The representative of X said/noted/stressed ...``
* ``The representatives of A, B and C emphasized ...`` (one statement per
  speaker, ``joint=True``), including names that contain "and" (the list is
  read with the gazetteer's longest match, so "Bosnia and Herzegovina" stays
  whole) and ``..., echoed by the representative of Y, stated ...`` (or ``supported by those of Y and Z``);
* a reporting verb after a first predicate that is not reporting, in the same clause (``opened the meeting
  and stated that``, « a ouvert la séance et (a) déclaré que »): the statement gets the reporting verb;
* a person by honorific and surname (``Mr. Ladeb``, ``Major General Menon``,
  ``Dr. Lennartz``), whose full name, title and organization are read from the
  report's own introductions (``the Director of ..., Major General (retired)
  Jai Menon, ...``);
* ``The Chair (of the Working Group)`` is the person the report names as chair (``was elected Chair``,
  ``chaired the Working Group``, « a présidé », ``The Chair of the Working Group, Mr. X,``);
* ``The delegation / Permanent Representative / observer of X said``, a State or organization alone at the start
  of a sentence (``Norway said``, ``The European Union representative said``, « La Norvège a dit ») and a person
  introduced in the subject (``The Under-Secretary-General ..., Jean-Pierre Lacroix, said``);
* a comma-delimited clause between subject and verb (``, in her capacity as ...,``, ``, for his part,``,
  « , parlant au nom de ..., »): lower case, bounded, naming no other representative;
* an unnamed group (``Several members``, « Plusieurs délégations ») makes no statement and ends the one before
  (:mod:`kit.group_examples`);
* a numbered paragraph with no attribution that follows a statement in the
  same meeting continues that speaker's reported speech (``attribution`` is
  ``"continued"`` instead of ``"explicit"``), unless it opens with a subject of its own (``The report noted``).

* the forms of summary records and meetings coverage (:mod:`kit.speech_forms`): "Mr. Okonjo (Nigeria) said"
  (the delegation, ``NGA``), "(Observer for the European Union)", "JEAN-PIERRE LACROIX, Under-Secretary-General
  ..., said", "..., said Martha Pobee, ...", « ..., a déclaré le représentant du Botswana », "Norway's
  representative said", "Also briefing the Council was X, ..., who said"; French present-tense verbs (« dit »,
  « fait observer ») are rows of the verb table;
* a narrative paragraph ("The meeting rose at ...", « La séance est levée ») belongs to no one and ends
  continuation; an organ ("the General Assembly welcomed") is never a person; a verb whose ``complement`` is
  ``clause`` reports speech only before its clause ("concluded that", not "concluded its session").

A country that is only *mentioned* ("together with Brazil and Rwanda") is not a
speaker: only a name followed by a reporting verb (``data/reference/
reporting_verbs.csv``) makes a statement.

French reports are read with the same steps and the French grammar of
:mod:`kit.language` (« Le représentant du Mexique a dit », « Les représentants
de l'Australie, de la Chine et des États-Unis d'Amérique ont demandé », « le
représentant de la Chine, appuyé par celui de l'Indonésie, a déclaré », « M.
Ladeb », « le général de division Menon », « Le Président du Groupe de
travail »). Speakers keep their ISO3 code or person id, so both versions of a
report give the same ``speaker_id``; ``verb`` is the table's form (« a dit »,
adverbs removed) and ``lemma`` its English base form ("say").

Examples
--------
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "The representatives of Bosnia and Herzegovina and Kenya stressed training.")]
>>> result = attribute(paras, load_gazetteer())
>>> [(s.speaker_id, s.verb, s.joint) for s in result.statements]
[('BIH', 'stressed', True), ('KEN', 'stressed', True)]
>>> fr = [(1, "Les représentants de la Bosnie-Herzégovine et du Kenya ont également souligné la formation.")]
>>> [(s.speaker_id, s.verb, s.lemma) for s in attribute(fr, load_gazetteer(lang="fr")).statements]
[('BIH', 'ont souligné', 'stress'), ('KEN', 'ont souligné', 'stress')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import NamedTuple

from . import more_forms, speech_heading
from . import speech_forms as forms
from .errors import Problem
from .gazetteer import Gazetteer, trie_regex
from .i18n import N_
from .language import UPPER, Language
from .sentences import sentence_at, sentence_spans
from .speech_forms import Find as _Find

__all__ = ["Speaker", "Statement", "Attribution", "attribute", "find_people"]


@dataclass
class Speaker:
    speaker_id: str
    name: str
    kind: str  # member_state, observer_state, organization, chair, briefer, other
    country_iso3: str | None = None
    title: str | None = None
    organization: str | None = None
    honorific: str | None = None
    represents_iso3: str | None = None


@dataclass
class Statement:
    para: int
    group: int  # statements made together (a joint list) share a group number within the paragraph
    speaker_id: str
    verb: str | None
    lemma: str | None
    start: int
    end: int
    joint: bool
    attribution: str  # explicit / continued
    text: str = ""


@dataclass
class Attribution:
    """Everything attribution found, plus the spans of speaker names (which are not mentions)."""

    speakers: dict[str, Speaker]
    statements: list[Statement]
    name_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)


@dataclass
class _Person:
    surname: str
    full_name: str
    honorific: str | None
    title: str | None
    organization: str | None
    is_chair: bool = False
    represents_iso3: str | None = None
    title_as_written: str | None = None  # "Director of the Office ...", « Cheffe de la police de la MINUSS »


# Letters that NFKD does not decompose into an ASCII letter and a mark.
_ASCII_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
    }
)


@lru_cache(maxsize=4096)  # the same names are slugged at every mention
def _slug(text: str) -> str:
    """An id part in ASCII: accents folded (NFKD), anything else between words becomes one hyphen.

    >>> _slug("Sáenz"), _slug("Baïpo-Temon"), _slug("O'Mullane"), _slug("De Groof")
    ('saenz', 'baipo-temon', 'o-mullane', 'de-groof')
    """
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_LETTERS))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _surname(name: str, particles: str, *, given_name: bool = True) -> str:
    """The surname of a full name: its last word, with the particles just before it ("De Groof", "van der Berg").

    Compound surnames without a particle keep their last word only ("Aroldo Lázaro Sáenz" -> "Sáenz"), so that
    the rule is the same for every report. ``given_name`` says that the first word is a given name, never a
    particle ("Al Gore"); after an honorific ("Ms. De Groof") it may be one.

    >>> _surname("Mélanie De Groof", "de|van|der"), _surname("Luís Carrilho", "de"), _surname("De Groof", "de", given_name=False)
    ('De Groof', 'Carrilho', 'De Groof')
    """
    words = name.split()
    first = 1 if given_name else 0
    i = len(words) - 1
    while i - 1 >= first and re.fullmatch(rf"(?i:{particles})", words[i - 1]):
        i -= 1
    return " ".join(words[i:])


def _person_named(people: dict[str, "_Person"], surname: str) -> "_Person | None":
    """The person of a surname as written in one place ("de Groof" is "De Groof", "Sáenz" is "Saenz")."""
    if surname in people:
        return people[surname]
    key = _slug(surname)
    return next((p for s, p in people.items() if _slug(s) == key), None)


@lru_cache(maxsize=8)
def _grammar(g: Gazetteer) -> "_Grammar":
    return _Grammar(g)


class _Grammar:
    """The compiled regular expressions of one gazetteer, in its language (:mod:`kit.language`)."""

    def __init__(self, g: Gazetteer) -> None:
        L = self.lang = g.language
        verbs = sorted({row["verb"] for row in g.verb_rows if row.get("verb")}, key=len, reverse=True)
        self.lemmas = {row["verb"]: row.get("lemma") or row["verb"] for row in g.verb_rows}
        self._aux = (
            re.compile(rf"^(?P<aux>{'|'.join(map(re.escape, sorted(L.aux, key=len, reverse=True)))})\s+")
            if L.aux
            else None
        )
        verb_alt = self.verb_alt = "|".join(self._verb_pattern(v, L) for v in verbs)
        # a verb that is also an ordinary transitive verb reports speech only before its reported clause
        # ("concluded that", not "concluded its session"): column ``complement`` of reporting_verbs.csv
        self.needs_clause = {row["verb"] for row in g.verb_rows if (row.get("complement") or "") == "clause"}
        self.complement = re.compile(L.complement)
        self.narrative = re.compile(L.narrative)
        self.pronoun_said = re.compile(L.pronoun_said)
        self.verb = re.compile(rf"\s*,?\s*{L.adverbs}(?P<verb>{verb_alt})\b")
        # "opened the meeting and stated that", « a ouvert la séance et a déclaré que »: a first predicate that is
        # not reporting, then the reporting verb, in the same clause (no sentence punctuation between them).
        # (an honorific's period, "invited Mr. Menon to ...", does not end the clause)
        clause_char = rf"(?:(?<!\w)(?:{trie_regex(g.honorifics)})(?!\w)|[^.;:!?\n\x00])"
        # French may leave the second auxiliary out (« a ouvert la séance et déclaré que »): the participle alone,
        # read with the first predicate's auxiliary.
        self._participles: dict[str, str] = {}
        for v in verbs:
            aux = self._aux.match(v) if self._aux else None
            if aux and aux.end() < len(v):
                self._participles.setdefault(v[aux.end() :], v)
        participle_alt = "|".join(
            r"\s+".join(map(re.escape, p.split())) for p in sorted(self._participles, key=len, reverse=True)
        )
        second = rf"(?P<cverb>{verb_alt})" + (rf"|(?P<cpart>{participle_alt})" if participle_alt else "")
        self.coordinated = re.compile(
            rf"\s*,?\s+{L.adverbs}(?P<cfirst>{L.coord_first.format(adverbs=L.adverbs)})"
            rf"(?:\s+{clause_char}{{0,120}}?)?{L.coord_and}{L.adverbs}(?:{second})\b"
        )
        self.predicate_pattern = rf"(?:{self.verb.pattern}|{self.coordinated.pattern})"
        hon_alt = trie_regex(g.honorifics)
        name_token = rf"(?:[{L.upper}][\w'’\u2010\u2011-]*|(?:{L.name_particles})\b)"
        # "\b(?<!-)" before an honorific that starts with a letter is trie_regex's not_after: checked after that
        # letter, the engine skips to the honorifics' first letters instead of trying every position
        hon_start = (
            trie_regex(g.honorifics, not_after=r"[\w-]")
            if all(re.match(r"\w", h) for h in g.honorifics)
            else rf"\b(?<!-)(?:{hon_alt})"
        )
        self.honorific_names = re.compile(
            rf"(?P<hon>{hon_start})(?<=\.|\w)\s+(?:{L.hon_paren}\s+)?"
            rf"(?P<name>(?:{name_token}\s+){{0,3}}[{L.upper}][\w'’\u2010\u2011-]+)(?:\s+\((?P<country>(?:[^()]|\([^()]{{1,40}}\)){{2,160}})\))?(?=[\s,])"
        )
        self.parenthetical = re.compile(L.parenthetical)
        self.chair = re.compile(L.chair + rf"(?:{L.parenthetical})?" + self.predicate_pattern)
        self.chair_appositive = re.compile(L.chair + r"(?=,)")  # "The Chair of the Working Group, Ambassador X, ..."
        self.hon_prefix = re.compile(
            rf"^{L.hon_article and f'(?:{L.hon_article})?'}(?:(?:{hon_alt})\s+)+(?:{L.hon_paren}\s+)?"
        )
        self.representative = re.compile(L.rep_head)  # starts with a literal: the engine can skip ahead
        self.article_before = re.compile(L.article_before)
        self.item_prefix = re.compile(L.item_prefix)
        self.list_sep = re.compile(L.list_sep)
        self.echo = re.compile(L.echo)
        self.on_behalf = re.compile(L.on_behalf)
        self.unknown_name = re.compile(L.unknown_name)
        self.trailing = re.compile(L.trailing_connector)
        self.appositive_hint = re.compile(L.appositive_hint.format(hon=hon_alt))
        self.introduced = re.compile(L.introduced.format(follow=L.intro_follow))
        self.signed_chair = re.compile(L.signed_chair)
        self.chair_named = re.compile(L.chair_named.format(hon=hon_alt, particles=L.name_particles))
        self.subject_noun = re.compile(L.subject_noun)
        self.article = re.compile(rf"(?:{L.articles})", re.IGNORECASE)
        self.unnamed_group = re.compile(rf"\b(?:{L.unnamed_group})")
        self.rep_alone = re.compile(L.rep_alone)
        self.participle_lead = re.compile(L.participle_lead)
        # a paragraph that opens with its own subject and reporting verb ("The Secretariat said", « Le Secrétariat
        # a dit ») is not the previous speaker's, even if the subject is no speaker the kit knows
        self.lead_in = re.compile(L.lead_in)
        self.other_subject = re.compile(rf"\s*(?:{L.lead_in})?(?:{L.other_subject}){self.predicate_pattern}")
        # "Ms. X (Chile) made closing remarks", "The Chair suspended ...": a speaker of their own, no speech reported
        self.named_subject = re.compile(rf"\s*(?:{L.lead_in})?(?:{L.named_subject})")
        self.chair_subject = re.compile(rf"\s*(?:{L.lead_in})?{L.chair}\s+[^\W\d_A-Z]")
        self.countries = g.countries
        self.person_named = forms.person_regex(hon_alt)

    def _verb_pattern(self, verb: str, L) -> str:
        """A verb phrase as a pattern; adverbs may follow its auxiliary (« a également dit »)."""
        words = verb.split()
        pattern = r"\s+".join(map(re.escape, words))
        aux = self._aux.match(verb) if self._aux else None
        if aux and aux.end() < len(verb):
            rest = verb[aux.end() :].split()
            pattern = (
                r"\s+".join(map(re.escape, aux.group("aux").split()))
                + r"\s+"
                + L.adverbs
                + r"\s+".join(map(re.escape, rest))
            )
        return pattern.replace("'", "['’]")  # « s’est », « appelle l’attention » as well as « s'est »

    def predicate(self, text: str, pos: int) -> tuple[str, int] | None:
        """The reporting verb of the subject that ends at ``pos`` (its table form) and where it ends, or ``None``.

        A reporting verb right after the subject wins ("said", « a dit »); otherwise a reporting verb coordinated
        with a first predicate that is not reporting ("opened the meeting and stated that", « a ouvert la séance
        et a déclaré que »).
        """
        m = self.verb.match(text, pos)
        if m:
            verb = self.verb_form(m.group("verb"))
            return (verb, m.end()) if self._complete(verb, text, m.end()) else None
        m = self.coordinated.match(text, pos)
        if not m:
            return None
        aux = self._aux.match(m.group("cfirst").replace("’", "'")) if self._aux else None
        # « a pris la parole et dit »: after an auxiliary, a participle that is also a present tense ("dit") is
        # the participle
        cverb = " ".join((m.group("cverb") or "").split())
        part = m.groupdict().get("cpart") or (cverb if aux and cverb in self._participles else None)
        if not part:
            verb = self.verb_form(m.group("cverb"))
            return (verb, m.end()) if self._complete(verb, text, m.end()) else None
        # « a ouvert … et déclaré »: the first auxiliary with the participle, if the table has that verb
        verb = " ".join(f"{aux.group('aux') if aux else ''} {part}".split())
        return (verb, m.end()) if verb in self.lemmas else None

    def _complete(self, verb: str, text: str, end: int) -> bool:
        """Whether ``verb`` has what it needs to report speech: a reported clause for the verbs that need one."""
        return verb not in self.needs_clause or bool(self.complement.match(text, end))

    def predicate_after(self, text: str, pos: int) -> tuple[str, int] | None:
        """:meth:`predicate`, also after a clause between the subject and its verb.

        ``The representative of Ecuador, in her capacity as coordinator of ..., said``, « La Présidente,
        s'exprimant en sa qualité nationale, a dit »: a comma-delimited clause of bounded length that starts in
        lower case (so it is not another name of a list) and names no other representative.
        """
        v = self.predicate(text, pos)
        if v:
            return v
        m = self.parenthetical.match(text, pos)
        return self.predicate(text, m.end()) if m else None

    def verb_form(self, matched: str) -> str:
        """The verb as listed in the table: « a également dit » -> « a dit »; English verbs as written."""
        if not self._aux:
            return matched
        matched = matched.replace("’", "'")
        aux = self._aux.match(matched)
        if not aux:
            return " ".join(matched.split())
        rest = re.sub(rf"^{self.lang.adverbs}", "", matched[aux.end() :])
        return " ".join((aux.group("aux") + " " + rest).split())


def find_people(texts: list[str], g: Gazetteer) -> dict[str, _Person]:
    """People the report introduces or quotes, keyed by surname.

    The full name, title and organization come from an appositive such as
    ``the United Nations Police Adviser, Luís Carrilho,`` (« le Conseiller pour
    les questions de police, Luís Carrilho, »); the chair is the person named
    next to "Chair" (« Président »).

    The key is the surname with its particles (:func:`_surname`: "De Groof"), the title the noun phrase just before
    the name (:func:`_title_before`) and the organization what follows its "of" (:func:`_split_title`). A name
    that only occurs inside someone else's reported speech ("said that Mr. Smith agreed") is nobody's key unless the
    report introduces that person by title.

    Examples
    --------
    >>> from kit.gazetteer import load_gazetteer
    >>> p = find_people(["Briefers included the Coordinator of the Panel of Experts, Ms. Mélanie De Groof.",
    ...                  "Ms. De Groof said that the embargo had been violated."], load_gazetteer())
    >>> person = p["De Groof"]
    >>> person.full_name, person.title, person.organization
    ('Mélanie De Groof', 'Coordinator', 'Panel of Experts')
    """
    grammar = _grammar(g)
    joined = "\n".join(texts)
    particles = grammar.lang.name_particles
    named = _named_where_they_speak(texts, g, grammar)
    introduced = _introduced_by_title(joined, g, grammar)
    signed = _signed_chairs(joined, grammar)
    occurrences = _occurrences(
        joined, set(named.surnames) | set(introduced) | {_surname(name, particles) for name in signed}, grammar
    )
    people: dict[str, _Person] = {}
    for surname, hon in named.surnames.items():
        people[surname] = _introduce(surname, hon, joined, grammar, g, occurrences.get(surname, []))
        if people[surname].title is None and surname in named.brackets:
            people[surname] = _titled(people[surname], named.brackets[surname], g, grammar)
    for surname in introduced:
        if surname not in people:
            person = _introduce(surname, named.reported.get(surname), joined, grammar, g, occurrences.get(surname, []))
            if person.title:  # introduced as a briefer: their name counts even inside reported speech
                people[surname] = person
    _by_part_of_surname(people)
    # Introduced with the chair's title ("The Chair of the Working Group, Mr. Ladeb, ...").
    for person in people.values():
        if person.title_as_written and re.fullmatch(grammar.lang.chair_title, person.title_as_written):
            person.is_chair = True
    _chairs_named(joined, people, grammar, g, occurrences)
    # The signatory / elected chair, even if they never speak by name.
    for name in signed:
        surname = _surname(name, particles)
        person = people.get(surname) or _introduce(surname, None, joined, grammar, g, occurrences.get(surname, []))
        person.is_chair = True
        if person.full_name == surname:  # introduced nowhere else: the name as signed ("Tarek Ladeb chaired ...")
            person.full_name = name
        people[surname] = person
    return people


class _Named(NamedTuple):
    """People named with an honorific where they speak (:func:`_named_where_they_speak`), by surname."""

    surnames: dict[str, str | None]  # surname -> honorific, outside reported speech
    reported: dict[str, str | None]  # named only inside someone else's reported speech ("said that Mr. X agreed")
    brackets: dict[str, str]  # "Mr. X (Under-Secretary-General for Peace Operations)": a title in brackets


def _named_where_they_speak(texts: list[str], g: Gazetteer, grammar: "_Grammar") -> _Named:
    """ "Mr. Ladeb said", "Mr. X (Under-Secretary-General ...) said": people named with an honorific before a
    reporting verb. A delegate ("Mr. Okonjo (Nigeria)", « M. Saleh, de l'Égypte ») speaks for the State, not as a
    person, and is left out."""
    particles = grammar.lang.name_particles
    named = _Named({}, {}, {})
    delegates: set[str] = set()
    for text in texts:
        for m in grammar.honorific_names.finditer(text):
            surname = _surname(m.group("name"), particles, given_name=False)
            if _is_organ(text, m, g, grammar) or not grammar.predicate_after(text, m.end()):
                continue
            if m.group("country") or forms.state_after(text, m.end(), g, grammar.lang):
                if not m.group("country") or forms.bracket_entity(m.group("country"), g, grammar.lang):
                    delegates.add(surname)
                    continue
                named.brackets.setdefault(surname, m.group("country"))
            if _in_reported_speech(text, m.start(), grammar):
                named.reported.setdefault(surname, m.group("hon"))
            else:
                named.surnames.setdefault(surname, m.group("hon"))
    for surname in delegates:
        named.surnames.pop(surname, None)
    return named


def _introduced_by_title(joined: str, g: Gazetteer, grammar: "_Grammar") -> list[str]:
    """Surnames of people introduced by title ("..., the Police Adviser, Luís Carrilho, ..."), in text order."""
    introduced = []
    for m in grammar.introduced.finditer(joined):
        tokens = m.group(1).split()
        if not (set(tokens) & grammar.lang.institution_words or g.entities.match(m.group(1), 0)):
            introduced.append(_surname(m.group(1), grammar.lang.name_particles))
    return introduced


def _signed_chairs(joined: str, grammar: "_Grammar") -> list[str]:
    """Full names of the signatory or elected chair ("(Signed) Tarek Ladeb, Chair", "X, was elected Chair"), not
    "The Working Group chaired"."""
    return [
        m.group(1)
        for m in grammar.signed_chair.finditer(joined)
        if not (
            set(m.group(1).split()) & grammar.lang.institution_words
            or re.match(rf"(?i:{grammar.lang.articles})", m.group(1))
        )
    ]


def _occurrences(joined: str, candidates: set[str], grammar: "_Grammar") -> dict[str, list[re.Match]]:
    """Where every candidate surname occurs before an appositive's end, found in one pass (one pass per person
    grew as the square of the report's length)."""
    occurrences: dict[str, list[re.Match]] = {}
    if candidates:
        alternatives = trie_regex(sorted(candidates), special={"'": "['’]"}, not_after=r"[\w'’-]")
        names = re.compile(rf"(?:{alternatives})(?=[,.;]|\s+{grammar.lang.intro_follow}\b)")
        for m in names.finditer(joined):
            occurrences.setdefault(m.group(), []).append(m)
    return occurrences


def _by_part_of_surname(people: dict[str, _Person]) -> None:
    """Called by one part of a compound surname ("Major General Lázaro" after "Aroldo Lázaro Sáenz"): the one
    person introduced with that word in their name."""
    for surname, person in list(people.items()):
        if person.title is None and person.full_name == surname:
            named = [p for p in people.values() if p is not person and p.title and surname in p.full_name.split()[1:]]
            if len(named) == 1:
                people[surname] = named[0]


def _chairs_named(
    text: str, people: dict[str, _Person], grammar: "_Grammar", g: Gazetteer, occurrences: dict[str, list[re.Match]]
) -> None:
    """People named with the chair's title are the chair, a person, whatever State follows in brackets: "Chair: Mr.
    Okafor ..... (Nigeria)" (a summary record's header), "Special Committee Chair Grace Okafor (Nigeria)", « La
    Présidente du Comité spécial, Mme Grace Okafor (Nigéria) ». The State is kept as ``represents_iso3``. This is
    the kit's one rule for a chair named with a State (``docs/who-speaks.md``); other officers named with a State
    (Rapporteur, Vice-Chair) speak for their delegation.

    >>> from kit.gazetteer import load_gazetteer
    >>> people = find_people(["Chair: Mr. Okafor .......... (Nigeria)", "1. The Chair said that all was well."],
    ...                      load_gazetteer())
    >>> p = people["Okafor"]
    >>> p.is_chair, p.represents_iso3
    (True, 'NGA')
    """
    particles = grammar.lang.name_particles
    for m in grammar.chair_named.finditer(text):
        name = m.group("name")
        tokens = name.split()
        if (
            set(tokens) & grammar.lang.institution_words
            or g.entities.match(name, 0)
            or re.match(rf"(?i:{grammar.lang.articles})", name + " ")
        ):
            continue
        surname = _surname(name, particles, given_name=m.group("hon") is None)
        person = _person_named(people, surname) or _introduce(
            surname, m.group("hon"), text, grammar, g, occurrences.get(surname, [])
        )
        person.is_chair = True
        if person.full_name == surname and len(tokens) > 1:
            person.full_name = name
        who = forms.bracket_entity(m.group("state"), g, grammar.lang) if m.group("state") else None
        if who and who[0] == "state":
            person.represents_iso3 = person.represents_iso3 or who[1]
        people[person.surname] = person


def _titled(person: _Person, title_full: str, g: Gazetteer, grammar: "_Grammar") -> _Person:
    """The person with a title as written ("Under-Secretary-General for Peace Operations"), split from its
    organization (:func:`_split_title`), and the State it names if any ("Permanent Representative of Senegal")."""
    title, org = _split_title(title_full, g, grammar)
    represents = next(
        (m.key.split(":", 1)[1] for m in g.entities.finditer(title_full) if m.key.startswith("country:")), None
    )
    return replace(
        person,
        title=title,
        organization=org,
        title_as_written=title_full,
        represents_iso3=person.represents_iso3 or represents,
    )


def _is_organ(text: str, m: re.Match, g: Gazetteer, grammar: "_Grammar") -> bool:
    """Whether an honorific and name (:attr:`_Grammar.honorific_names`) are an organ or organization: "the General
    Assembly welcomed" reads "General" as a rank, but no person is called "Assembly".

    >>> from kit.gazetteer import load_gazetteer
    >>> g = load_gazetteer()
    >>> text = "By its resolution 70/268, the General Assembly welcomed the report."
    >>> _is_organ(text, _grammar(g).honorific_names.search(text), g, _grammar(g))
    True
    """
    if set(m.group("name").split()) & grammar.lang.institution_words:
        return True
    entity = g.entities.match(text, m.start())
    de = grammar.item_prefix.match(text, m.start("name"))  # « L'Ambassadeur du Japon » is no person "du Japon"
    state = g.entities.match(text, de.end()) if de else None
    return any(e and e[1] >= m.end("name") for e in (entity, state))


def _in_reported_speech(text: str, pos: int, grammar: _Grammar) -> bool:
    """Whether ``pos`` follows "said that" (« a dit que ») in its sentence: words someone else reports.

    >>> from kit.gazetteer import load_gazetteer
    >>> text = "The representative of Jordan said that Mr. Jordan Smith agreed."
    >>> _in_reported_speech(text, text.index("Mr."), _grammar(load_gazetteer()))
    True
    """
    start, _ = sentence_at(sentence_spans(text), pos)
    return bool(_reported_that(grammar).search(text[start:pos]))


@lru_cache(maxsize=8)
def _reported_that(grammar: _Grammar) -> re.Pattern:
    """ "said that", « a dit que »: compiled once per grammar (built from every reporting verb, a long pattern)."""
    return re.compile(grammar.verb.pattern + rf"\s+{grammar.lang.reported_that}")


def _introduce(
    surname: str, hon: str | None, text: str, grammar: _Grammar, g: Gazetteer, occurrences: list[re.Match]
) -> _Person:
    """Full name, title and organization of a person from an appositive ("the Director of X, Dr. Jo Bloggs,"),
    read at the ``occurrences`` of their surname in ``text``."""
    L = grammar.lang
    for occurrence in occurrences:
        hint = grammar.appositive_hint.search(text, max(0, occurrence.start() - 80), occurrence.start())
        if not hint:
            continue  # not "..., First Name Surname": no introduction here
        comma = hint.start()
        sentence_start = max(text.rfind(c, 0, comma) for c in ".;:\n") + 1
        before = text[sentence_start:comma]
        seg = re.split(r",\s+", before)[-1]
        seg = re.split(L.intro_split, seg)[-1].strip()
        head = _title_before(seg, grammar)
        if not head:
            continue
        title_full = re.sub(L.title_article, "", head).strip()
        if not title_full or (g.entities.match(title_full, 0) or ("",))[0].startswith("country:"):
            continue
        written = text[hint.start() + 1 : occurrence.end()].strip()
        full = grammar.hon_prefix.sub("", written).strip()
        if not full[:1].isupper():
            continue
        hon_found = written[: len(written) - len(full)].strip() or None
        title, org = _split_title(title_full, g, grammar)
        represents = next(
            (m.key.split(":", 1)[1] for m in g.entities.finditer(title_full) if m.key.startswith("country:")), None
        )
        return _Person(
            surname,
            full,
            hon or (re.sub(r"\s*\([a-z]+\)", "", hon_found) if hon_found else None),
            title.strip(),
            org,
            represents_iso3=represents,
            title_as_written=title_full,
        )
    return _Person(surname, surname, hon, None, None)


def _title_before(seg: str, grammar: _Grammar) -> str | None:
    """The title that ends ``seg`` (the text before ", Name"): the noun phrase right before the name.

    The first place a title may start (``L.intro_head``) whose words hold no verb (``L.title_stop``): "the Chair
    visited Bangui and met with the Minister for Foreign Affairs of X" gives "the Minister for Foreign Affairs of X".
    """
    pattern = re.compile(grammar.lang.intro_head)
    pos = 0
    while pos <= len(seg):
        head = pattern.search(seg, pos)
        if not head:
            return None
        if not re.search(grammar.lang.title_stop, head.group(1)):
            return head.group(1)
        pos = head.start(1) + 1
    return None


def _split_title(title_full: str, g: Gazetteer, grammar: _Grammar) -> tuple[str, str | None]:
    """A title and its organization: "Director of the Office for X" -> ("Director", "Office for X").

    The organization starts at the first "of" (« de ») followed by a name of the reference tables (a State, a
    mission, an organization: "Head of Mission and Force Commander of UNIFIL" -> "Head of Mission and Force
    Commander", "UNIFIL"); failing that, at the first "of the" that is not followed by a person's office ("Special
    Representative of the Secretary-General for Children and Armed Conflict" is one title, with no organization).
    An "of" with no article ("Head of Mission", "Chief of Staff") belongs to the title.

    >>> from kit.gazetteer import load_gazetteer
    >>> g = load_gazetteer()
    >>> _split_title("Head of Mission and Force Commander of UNIFIL", g, _grammar(g))
    ('Head of Mission and Force Commander', 'UNIFIL')
    >>> _split_title("Coordinator of the Panel of Experts", g, _grammar(g))
    ('Coordinator', 'Panel of Experts')
    """
    L = grammar.lang
    cuts = list(re.finditer(L.of, title_full))
    chosen = None
    for cut in cuts:
        rest = title_full[cut.end() :]
        rest_bare = re.sub(L.title_article, "", rest)
        entity = g.entities.match(rest, 0) or g.entities.match(rest_bare, 0)
        if entity and entity[0].split(":", 1)[0] in ("country", "organization", "mission"):
            chosen = cut
            break
    if chosen is None:
        for cut in cuts:
            art = re.compile(L.of_article).match(title_full, cut.start())
            if art and not re.match(L.person_office, title_full[art.end() :]):
                chosen = cut
                break
    if chosen is None:
        return title_full.strip(), None
    org = re.sub(L.title_article, "", title_full[chosen.end() :]).strip()
    return title_full[: chosen.start()].strip(), org or None


def _role_key(title: str) -> str:
    return " ".join(title.lower().split())


def _roles_of(p: _Person, L: Language) -> set[str]:
    """How a person's title can be used alone: "the United Nations Police Adviser said", "the Police Adviser said"
    (the words of ``L``: its "of", the prefix a title may drop, its one-word titles)."""
    if not p.title:
        return set()
    short = _role_key(p.title)
    joined = p.title + f" {L.title_joiner} {p.organization}" if p.organization else p.title
    full = _role_key(p.title_as_written or joined)
    # the head of the title ("director" of "Director of the Operations Support Division"), so that two Directors
    # still make "the Director" ambiguous
    head = re.split(L.title_of, short, maxsplit=1, flags=re.I)[0]
    roles = {full, short, head}
    if L.title_org_prefix:
        roles.add(short.removeprefix(L.title_org_prefix))
    return {r for r in roles if len(r.split()) >= 2 or r in L.one_word_titles}


def _role_index(people: dict[str, "_Person"], grammar: "_Grammar") -> tuple[dict[str, "_Person"], re.Pattern]:
    """Titles that name exactly one person (two Directors make "the Director" ambiguous), and their regex."""
    owners: dict[str, list[_Person]] = {}
    for p in people.values():
        if not p.is_chair:
            for role in _roles_of(p, grammar.lang):
                owners.setdefault(role, []).append(p)
    roles = {role: ps[0] for role, ps in owners.items() if len(ps) == 1}
    # A trie, not an alternation: its cost does not grow with the number of titles (a long report has many).
    body = trie_regex(sorted(roles)) if roles else "(?!x)x"
    return roles, re.compile(
        rf"\b{grammar.lang.role_article}\s+(?P<role>(?i:{body}))"
        rf"(?:{grammar.lang.parenthetical})?{grammar.predicate_pattern}"
    )


def _parse_list(text: str, pos: int, g: Gazetteer, grammar: _Grammar) -> tuple[list[tuple[str, str, int, int]], int]:
    """Read ``A, B and the C`` (« de A, du B et des C ») at ``pos``: (kind, key-or-name, start, end) items and the end."""
    L = grammar.lang
    items: list[tuple[str, str, int, int]] = []
    after_comma = [False]  # whether each item follows a bare comma (not "and", « et »)
    p = pos
    while True:
        q = p
        art = grammar.item_prefix.match(text, q)
        if art:
            q = art.end()
        elif L.item_prefix_required:
            break
        hit, kind = None, "state"
        entity = g.entities.match(text, q)  # one compiled matcher for every table
        if entity and entity[0].split(":", 1)[0] in ("country", "organization"):
            tag, key = entity[0].split(":", 1)
            hit, kind = (key, entity[1]), ("state" if tag == "country" else "org")
        if not hit:
            m = grammar.unknown_name.match(text, q)
            if m:
                name = re.split(L.unknown_and, m.group())[0].rstrip()
                name = re.sub(L.unknown_trim, "", name)
                hit, kind = (name, q + len(name)), "unknown"
        if not hit:
            break
        key, end = hit
        items.append((kind, key, q, end))
        p = end
        behalf = grammar.on_behalf.match(text, p)  # « de A, au nom du Groupe des 77, de B et de C »
        nxt_item = grammar.item_prefix.match(text, behalf.end()) if behalf else None
        if (
            behalf
            and (nxt_item or not L.item_prefix_required)
            and g.entities.match(text, nxt_item.end() if nxt_item else behalf.end())
        ):
            p = behalf.end()
            after_comma.append(True)
            continue
        sep = grammar.list_sep.match(text, p)
        if not sep:
            break
        nxt = sep.end()
        art = grammar.item_prefix.match(text, nxt)
        if not art and L.item_prefix_required:
            break
        probe = art.end() if art else nxt
        if probe < len(text) and (text[probe].isupper() or g.entities.match(text, probe)):  # « l'ex-République »
            p = nxt
            after_comma.append(sep.group().strip() == ",")
            continue
        break
    # a name the tables do not know, last after a bare comma, is an appositive, not one more speaker: "The
    # representative of Egypt, Mr. Karim Saleh, Rapporteur of the Special Committee, said"
    while len(items) > 1 and items[-1][0] == "unknown" and after_comma[len(items) - 1]:
        items.pop()
        p = items[-1][3]
    return items, p


class _Speakers:
    """The speakers met so far, created on first mention from the reference tables or the people found."""

    def __init__(self, g: Gazetteer) -> None:
        self.g = g
        self.speakers: dict[str, Speaker] = {}
        self.problems: list[dict] = []
        self.delegates: dict[str, tuple[str, str]] = {}  # a delegate's surname (slug) -> the State it speaks for
        self.extra: dict[str, _Person] = {}  # people named only where they speak ("..., said Martha Pobee, ...")
        self.chair: _Person | None = None  # the chair of the meeting, if the report names one (find_people)

    def delegate(self, name: str, who: tuple[str, str], para: int) -> str:
        """The speaker of a person named with a State ("Mr. Okonjo (Nigeria) said", « M. Saleh, de l'Égypte »):
        the delegation, unless the person is the chair, who speaks as a person (:func:`_chairs_named`)."""
        if self.chair is not None and _slug(name).endswith(_slug(self.chair.surname)):
            return self.person(self.chair)
        return self.listed(who[0], who[1], para)

    def person(self, p: _Person) -> str:
        sid = f"person:{_slug(p.surname)}"
        if sid not in self.speakers:
            self.speakers[sid] = Speaker(
                sid,
                p.full_name,
                "chair" if p.is_chair else "briefer",
                None,
                p.title,
                p.organization,
                p.honorific,
                p.represents_iso3,
            )
        return sid

    def named(
        self,
        people: dict[str, _Person],
        grammar: "_Grammar",
        para: int,
        name: str,
        honorific: str | None,
        title: str | None,
        surname: str | None = None,
    ) -> str:
        """The speaker id of a person named where they speak ("JEAN-PIERRE LACROIX, Under-Secretary-General ...,
        said", "..., said Martha Pobee, ..."): a delegate's State, a person of the report, or a new person with
        that title. One surname is one id, however the person is named (``person:lacroix``)."""
        surname = surname or _surname(name, grammar.lang.name_particles, given_name=honorific is None)
        if _slug(surname) in self.delegates:
            return self.listed(*self.delegates[_slug(surname)], para)
        person = _person_named(people, surname) or _person_named(self.extra, surname)
        if person is None or (person.title is None and title):
            full = name if len(name.split()) > 1 else surname
            base = (
                replace(person, full_name=full)
                if person and person.full_name == person.surname
                else person or _Person(surname, full, honorific, None, None)
            )
            person = _titled(base, title, self.g, grammar) if title else base
            self.extra[surname] = person
        return self.person(person)

    def chair_role(self) -> str:
        sid = "role:chair"
        self.speakers.setdefault(sid, Speaker(sid, "Chair", "chair"))
        return sid

    def listed(self, kind: str, key: str, para: int) -> str:
        """The speaker of one item of "the representative(s) of ..." (a State, an organization or an unknown name)."""
        g, speakers = self.g, self.speakers
        if kind == "state":
            row = g.state(key)
            status = row.get("status", "member")
            if key not in speakers:
                name = (
                    row.get(self.g.language.name_column) or row["un_name"]
                )  # the State's name in the report's language
                speakers[key] = Speaker(
                    key,
                    name,
                    "member_state" if status == "member" else "observer_state",
                    key if status == "member" else None,
                    "representative",
                    None,
                )
            return key
        if kind == "org":
            row = g.org(key)
            sid = f"org:{key}"
            name = row.get(self.g.language.name_column) or row.get("name") or key
            speakers.setdefault(sid, Speaker(sid, name, "organization", None, "representative", name))
            return sid
        sid = f"other:{_slug(key)}"
        if sid not in speakers:
            self.problems.append(
                Problem(
                    "unknown_speaker",
                    N_(
                        "speaker {key!r} is not in the reference tables "
                        "(member_states.csv, organizations.csv); kept with "
                        "kind 'other'"
                    ),
                    para=para,
                    key=key,
                ).as_row()
            )
            speakers[sid] = Speaker(sid, key, "other", None, "representative", None)
        return sid


def _find_representatives(text: str, para: int, g: Gazetteer, grammar: _Grammar, reg: _Speakers) -> list[_Find]:
    """ "The representative(s) of A, B and C [, echoed by the representative of D] said" """
    found = []
    for m in grammar.representative.finditer(text):
        the = grammar.article_before.search(text, max(0, m.start() - 6), m.start())
        if not the:
            continue
        items, end = _parse_list(text, m.end(), g, grammar)
        if not items:
            continue
        spans = [(s, e) for _, _, s, e in items]
        echo = grammar.echo.match(text, end)
        if echo:
            more, end2 = _parse_list(text, echo.end(), g, grammar)
            if more and text.startswith(",", end2):
                items += more
                spans += [(s, e) for _, _, s, e in more]
                end = end2 + 1
        behalf = grammar.on_behalf.match(text, end)
        if behalf:
            end = behalf.end()
        noun = grammar.subject_noun.match(text, end)  # "the representative of the European Union delegation said"
        # "..., M. Karim Saleh, Rapporteur du Comité spécial, a indiqué", "..., qui intervenait ..., ont donné"
        v = forms.predicate_after_appositives(text, noun.end() if noun else end, grammar)
        if not v:
            continue
        sids = [reg.listed(kind, key, para) for kind, key, _, _ in items]
        found.append(_Find(the.start(), v[1], sids, v[0], spans))
    return found


def _find_named_people(
    text: str, para: int, g: Gazetteer, grammar: _Grammar, reg: _Speakers, people: dict[str, _Person]
) -> list[_Find]:
    """ "Mr. Ladeb said", "Major General Menon noted", "Mr. Smith (United Kingdom) said" """
    found = []
    for m in grammar.honorific_names.finditer(text):
        surname = _surname(m.group("name"), grammar.lang.name_particles, given_name=False)
        v = forms.predicate_after_appositives(text, m.end(), grammar)  # "Mr. X (Egypt), Rapporteur of ..., said"
        if not v or _is_organ(text, m, g, grammar):
            continue
        bracket = m.group("country")
        # "Mr. Smith (United Kingdom) said", "(Observer for the European Union)", « M. Saleh, de l'Égypte, a dit »:
        # the delegation speaks
        who = (
            forms.bracket_entity(bracket, g, grammar.lang)
            if bracket
            else forms.state_after(text, m.end(), g, grammar.lang)
        )
        if who:
            sid = reg.delegate(surname, who, para)
            if not sid.startswith("person:"):  # (the chair speaks as a person, :meth:`_Speakers.delegate`)
                reg.delegates[_slug(surname)] = who  # and does when "Mr. Smith said" later
        elif reg.delegates and _slug(surname) in reg.delegates:
            sid = reg.listed(*reg.delegates[_slug(surname)], para)
        elif (person := _person_named(people, surname)) is not None:
            sid = reg.person(person)
        else:
            continue
        found.append(_Find(m.start(), v[1], [sid], v[0], [(m.start(), m.end())]))
    return found


def _find_chair(text: str, grammar: _Grammar, reg: _Speakers, chair: _Person | None, starts: list[int]) -> list[_Find]:
    """ "The Chair (of the Working Group) recommended": the person the report names as chair; at the start of a
    sentence (``starts``) also past appositives ("The Chair of the Working Group, Ambassador X, ..., presented")."""
    found = []
    for m in [*grammar.chair.finditer(text), *filter(None, (grammar.chair_appositive.match(text, s) for s in starts))]:
        v = forms.predicate_after_appositives(text, m.end("chair"), grammar)
        if not v or any(f.start == m.start() for f in found):
            continue
        sid = reg.person(chair) if chair else reg.chair_role()
        found.append(_Find(m.start(), v[1], [sid], v[0], [(m.start(), m.end("chair"))]))
    return found


def _find_roles(
    text: str, grammar: _Grammar, reg: _Speakers, roles: dict[str, _Person], role_regex: re.Pattern
) -> list[_Find]:
    """ "The Police Adviser said": a title that names exactly one person of the report."""
    found = []
    for m in role_regex.finditer(text):
        person = roles[_role_key(m.group("role"))]
        v = grammar.predicate_after(text, m.end("role"))
        if not v:
            continue
        found.append(_Find(m.start(), v[1], [reg.person(person)], v[0], [(m.start(), m.end("role"))]))
    return found


def _find_introduced_people(
    text: str, grammar: _Grammar, reg: _Speakers, by_surname: dict[str, _Person], surname_regex: re.Pattern | None
) -> list[_Find]:
    """ "The Under-Secretary-General for Peace Operations, Jean-Pierre Lacroix, said": a person the report
    introduces (:func:`find_people`), named without an honorific right before the verb."""
    found = []
    if surname_regex is None:
        return found
    for m in surname_regex.finditer(text):
        v = grammar.predicate_after(text, m.end())
        if v:
            person = by_surname[m.group().replace("’", "'")]
            found.append(_Find(m.start(), v[1], [reg.person(person)], v[0], [(m.start(), m.end())]))
    return found


_AFTER_COMMA = re.compile(rf",\s+(?=[{UPPER}])")
_AFTER_QUOTE = re.compile(rf"[”»\"]\s+(?=[{UPPER}])")  # "“It is a balanced text,” Chile’s delegate said"


def _sentence_starts(text: str, grammar: _Grammar) -> list[int]:
    """Where each sentence of ``text`` starts (after its leading spaces), and where its subject may start after a
    short lead-in ("Similarly, Norway said", « De même, plusieurs délégations ont dit »)."""
    starts = []
    for s0, _ in sentence_spans(text):
        while s0 < len(text) and text[s0].isspace():
            s0 += 1
        starts.append(s0)
        lead = grammar.lead_in.match(text, s0)
        if lead:
            starts.append(lead.end())
    return starts


def _find_bare_subjects(
    text: str, para: int, g: Gazetteer, grammar: _Grammar, reg: _Speakers, starts: list[int]
) -> list[_Find]:
    """ "Norway said", "The Russian Federation and China noted", "The European Union representative said",
    « La Norvège a dit »: States or organizations named at the start of a sentence, right before the verb."""
    found = []
    for pos in starts:
        items, p = [], pos
        while True:
            art = grammar.article.match(text, p)
            q = art.end() if art else p
            entity = g.entities.match(text, q)
            if not entity or entity[0].split(":", 1)[0] not in ("country", "organization"):
                break
            tag, key = entity[0].split(":", 1)
            items.append(("state" if tag == "country" else "org", key, q, entity[1]))
            p = entity[1]
            sep = grammar.list_sep.match(text, p)
            if not sep:
                break
            p = sep.end()
        if not items:
            continue
        end = items[-1][3]
        noun = grammar.subject_noun.match(text, end)
        v = grammar.predicate_after(text, noun.end() if noun else end)
        if not v:
            continue
        sids = [reg.listed(kind, key, para) for kind, key, _, _ in items]
        found.append(_Find(pos, v[1], sids, v[0], [(s, e) for _, _, s, e in items], bare=True))
    return found


def _after_participle_lead(text: str, grammar: _Grammar) -> list[int]:
    """Where a subject may start after a participle phrase of any length opening a sentence ("Having proposed a
    paragraph on A, B and C, several delegations expressed", « Estimant que ..., plusieurs délégations »): after
    each of its commas."""
    out = []
    for s0, s1 in sentence_spans(text):
        while s0 < s1 and text[s0].isspace():
            s0 += 1
        if grammar.participle_lead.match(text, s0):
            out += [s0 + m.end() for m in re.finditer(r",\s+", text[s0:s1])]
    return out


def _without_overlaps(found: list[_Find]) -> list[_Find]:
    """In text order, dropping a find that overlaps the one before it (the same words read twice), and a State
    named alone that is the speaker already speaking ("The representative of the United Kingdom noted ... In
    that regard, the United Kingdom welcomed ...": one statement, the delegation's own words)."""
    kept: list[_Find] = []
    for f in sorted(found, key=lambda f: f.start):
        if kept and f.start < kept[-1].verb_end:
            continue
        if kept and f.bare and f.speaker_ids == kept[-1].speaker_ids:
            continue
        kept.append(f)
    return kept


def _explicit_statements(para: int, text: str, kept: list[_Find], grammar: _Grammar) -> list[list[Statement]]:
    """One statement per speaker of each find, running from its sentence to the next find (groups in order)."""
    spans = sentence_spans(text)
    starts = []
    for i, f in enumerate(kept):
        s0, _ = sentence_at(spans, f.start)
        same_sentence_earlier = i > 0 and kept[i - 1].start >= s0
        # "..., a-t-il affirmé, alors que le représentant de X a insisté": the words before are the speaker before's
        pronoun_before = grammar.pronoun_said.search(text, s0, f.start) is not None
        starts.append(f.start if same_sentence_earlier or pronoun_before else s0)
    groups = []
    for i, f in enumerate(kept):
        start = starts[i]
        end = starts[i + 1] if i + 1 < len(kept) else len(text)
        chunk = text[start:end].rstrip()
        trailing = grammar.trailing.search(chunk, max(0, len(chunk) - 30))
        end = start + (trailing.start() if trailing else len(chunk))
        if not f.speaker_ids:  # an unnamed group: its words are no one's statement
            groups.append([])
            continue
        groups.append(
            [
                Statement(
                    para,
                    i + 1,
                    sid,
                    f.verb,
                    grammar.lemmas.get(f.verb),
                    start,
                    end,
                    len(f.speaker_ids) > 1,
                    "explicit",
                    text[start:end],
                )
                for sid in f.speaker_ids
            ]
        )
    return groups


def _continued(
    para: int,
    text: str,
    previous: tuple[int, list[Statement]] | None,
    meeting_of: dict[int, str | None] | None,
    grammar: _Grammar,
) -> list[Statement]:
    """A paragraph with no attribution right after a statement, in the same meeting, continues its speakers,
    unless it opens with a subject of its own ("The Secretariat said", « Le Secrétariat a dit »)."""
    if previous is None or previous[0] >= para:
        return []
    # "The representative added", « Le représentant a ajouté »: the one speaker just named, by title
    same = grammar.rep_alone.match(text)
    if not (same and len(previous[1]) == 1 and grammar.predicate(text, same.end())) and (
        _own_subject(text, grammar) or grammar.narrative.match(text) or _named_subject(text, grammar)
    ):
        return []
    if meeting_of is not None and (meeting_of.get(para) is None or meeting_of.get(para) != meeting_of.get(previous[0])):
        return []
    return [
        Statement(para, 1, prev.speaker_id, None, None, 0, len(text), prev.joint, "continued", text)
        for prev in previous[1]
    ]


def _named_subject(text: str, grammar: _Grammar) -> bool:
    """Whether a paragraph opens with a speaker of its own whose verb reports no speech: the Chair ("The CHAIRMAN
    suspended the meeting") or a name and a State in brackets ("Special Committee Chair Ana Rovelli (Chile) made
    closing remarks"). Such a paragraph is not the previous speaker's continuation."""
    if grammar.chair_subject.match(text):
        return True
    m = grammar.named_subject.match(text)
    if not m:
        return False
    state = m.group("state").strip()
    found = grammar.countries.match(state, 0)
    return found is not None and found[1] == len(state)


def _own_subject(text: str, grammar: _Grammar) -> bool:
    """Whether a paragraph opens with a subject of its own and a reporting verb, perhaps after a lead-in of any
    length that ends with a comma ("The Secretariat said", « Dans son rapport sur le budget ... pour l'exercice
    2011/12, le Secrétaire général demande »)."""
    if grammar.other_subject.match(text):
        return True
    first = sentence_spans(text)[0][1] if text else 0
    return any(grammar.other_subject.match(text, m.end()) for m in re.finditer(r",\s+", text[: min(first, 300)]))


class _PeopleIndex(NamedTuple):
    """The people of a report as :func:`attribute` looks them up: the chair, titles that name one person, and
    regexes of their surnames and full names."""

    chair: _Person | None
    roles: dict[str, _Person]
    role_regex: re.Pattern
    by_surname: dict[str, _Person]
    surname_regex: re.Pattern | None
    full_regex: re.Pattern | None


def _people_index(people: dict[str, _Person], grammar: _Grammar) -> _PeopleIndex:
    """The lookups of :class:`_PeopleIndex`, built once per report."""
    chair = next((p for p in people.values() if p.is_chair), None)
    roles, role_regex = _role_index(people, grammar)
    by_surname = {p.surname.replace("’", "'"): p for p in people.values() if p.surname}
    surname_alt = trie_regex(sorted(by_surname), special={"'": "['’]"}, not_after=r"[\w'’.-]") if by_surname else None
    surname_regex = re.compile(rf"(?:{surname_alt})(?![\w'’-])") if surname_alt else None
    # a person's full name is never a mention, even when a first name is a State's name (« Maurice Dupont »)
    full_names = sorted({p.full_name for p in people.values() if p.full_name and len(p.full_name.split()) > 1})
    full_alt = trie_regex(full_names, special={"'": "['’]"}, not_after=r"\w") if full_names else None
    full_regex = re.compile(rf"(?:{full_alt})(?!\w)") if full_alt else None
    return _PeopleIndex(chair, roles, role_regex, by_surname, surname_regex, full_regex)


def _finds(
    para: int,
    text: str,
    g: Gazetteer,
    grammar: _Grammar,
    reg: _Speakers,
    people: dict[str, _Person],
    index: _PeopleIndex,
) -> list[_Find]:
    """Every attribution of one paragraph, in text order without overlaps: the finders of this module and of
    :mod:`kit.speech_forms`, each at the places its form may start."""
    starts = _sentence_starts(text, grammar)
    commas = [m.end() for m in _AFTER_COMMA.finditer(text)]  # "..., Amr Saleh (Egypt), Rapporteur ..., said"
    quotes = [m.end() for m in _AFTER_QUOTE.finditer(text)]  # "“...,” Chile’s delegate said"
    ctx = forms.Context(
        g, grammar, reg, partial(reg.named, people, grammar, para), partial(_parse_list, g=g, grammar=grammar), para
    )
    speech = speech_heading.find_speech_heading(text, ctx)  # a verbatim record's speech: [] continues it
    return (
        speech
        if speech is not None
        else _without_overlaps(
            _find_representatives(text, para, g, grammar, reg)
            + _find_named_people(text, para, g, grammar, reg, people)
            + _find_chair(text, grammar, reg, index.chair, starts)
            + _find_roles(text, grammar, reg, index.roles, index.role_regex)
            + _find_introduced_people(text, grammar, reg, index.by_surname, index.surname_regex)
            + _find_bare_subjects(text, para, g, grammar, reg, starts + commas + quotes)
            + more_forms.finds(
                text,
                ctx,
                starts,
                starts + _after_participle_lead(text, grammar),
                commas,
                lambda: reg.person(index.chair) if index.chair else reg.chair_role(),
            )
            + forms.find_bracket_names(text, ctx, starts + commas)
            + forms.find_caps_names(text, ctx, starts + commas)
            + forms.find_after_verb(text, ctx, grammar.person_named)
            + forms.find_briefer_intro(text, ctx, grammar.person_named, starts)
        )
    )


def _people_named(text: str, grammar: _Grammar, full_regex: re.Pattern | None) -> list[tuple[int, int]]:
    """Where a person is named with an honorific or in full, speaking or not: "said that Mr. Jordan Smith agreed"
    does not mention Jordan, nor "Maurice Dupont" Mauritius."""
    spans = [m.span("name") for m in grammar.honorific_names.finditer(text)]
    return spans + ([m.span() for m in full_regex.finditer(text)] if full_regex else [])


def _numbered_groups(para: int, text: str, kept: list[_Find], grammar: _Grammar) -> list[list[Statement]]:
    """The statements of a paragraph's finds, one group per find; groups are numbered without the unnamed ones
    (an unnamed group's find keeps an empty group, so the last group tells whether anyone speaks at the end)."""
    groups = _explicit_statements(para, text, kept, grammar)
    for n, group in enumerate((gr for gr in groups if gr), 1):
        for st in group:
            st.group = n
    return groups


def attribute(
    paragraphs: list[tuple[int, str]],
    g: Gazetteer,
    *,
    meeting_of: dict[int, str | None] | None = None,
    people: dict[str, _Person] | None = None,
) -> Attribution:
    """Find the statements of numbered paragraphs.

    The steps, per paragraph: find every attribution (representatives, people
    by name, the chair, people by title, the forms of :mod:`kit.speech_forms`: :func:`_finds`), keep them in text
    order without overlaps, cut the paragraph into one statement per speaker (:func:`_numbered_groups`); a
    paragraph with none continues the previous speakers (:func:`_continued`).

    Parameters
    ----------
    paragraphs : list of (para, text)
    g : Gazetteer
        In the report's language (``load_gazetteer(lang=...)``).
    meeting_of : dict, optional
        Paragraph number -> meeting id; continuation only happens inside a meeting.
        Without it, the whole list counts as one meeting.
    people : dict, optional
        Output of :func:`find_people` (computed from ``paragraphs`` if omitted).
    """
    grammar = _grammar(g)
    people = people if people is not None else find_people([t for _, t in paragraphs], g)
    index = _people_index(people, grammar)
    reg = _Speakers(g)
    reg.chair = index.chair
    statements: list[Statement] = []
    name_spans: dict[int, list[tuple[int, int]]] = {}
    previous: tuple[int, list[Statement]] | None = None  # (para, statements of the last group)
    for para, text in paragraphs:
        kept = _finds(para, text, g, grammar, reg, people, index)
        people_named = _people_named(text, grammar, index.full_regex)
        if people_named:
            name_spans[para] = people_named
        if kept:
            name_spans[para] = [span for f in kept for span in f.name_spans] + people_named
            groups = _numbered_groups(para, text, kept, grammar)
            statements += [st for group in groups for st in group]
            previous = (para, groups[-1]) if groups[-1] else None
        else:
            continued = _continued(para, text, previous, meeting_of, grammar)
            statements += continued
            previous = (para, continued) if continued else None
    statements = more_forms.resolve(paragraphs, statements, grammar, meeting_of)  # officials by a description
    speaking = {st.speaker_id for st in statements}  # (the speaker of a find another one overlapped says nothing)
    return Attribution({k: v for k, v in reg.speakers.items() if k in speaking}, statements, name_spans, reg.problems)
