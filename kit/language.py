"""The grammar of each report language, in one small table, and language detection.

Reports of reported speech are published in English and French with the same
paragraph numbers. What differs between the two is a handful of closed word
classes: articles and the prepositions that contract with them ("de la", "du",
"des", "de l'"), the words that introduce a speaker ("the representative of",
« le représentant de »), month names, the phrases that open a meeting, the
chair's title, and the words that never name a person. Open vocabularies
(reporting verbs, honorifics, names, themes) are reference data in
``data/reference/`` with a ``lang`` column or ``fr_*`` columns; this module
holds the rest, one :class:`Language` per language, so no other module
hard-codes a language. English and French are defined here; any other
language by a data file, ``languages/<code>.toml`` in the reference folder
(:func:`load_language`, read when this module is imported; see
``docs/languages.md``), so a language can be added without code.

Examples
--------
>>> detect_language("Le représentant du Mexique a dit que les soldats de la paix étaient exposés.")
'fr'
>>> detect_language("The representative of Mexico said that peacekeepers were exposed.")
'en'
>>> LANGUAGES["fr"].month_number("avril")
4
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from .paths import REFERENCE_DIR, SHIPPED_REFERENCE_DIR

__all__ = [
    "Language",
    "LANGUAGES",
    "SUPPORTED",
    "detect_language",
    "language",
    "UPPER",
    "NEVER",
    "DocumentWords",
    "document_words",
    "register",
    "load_language",
    "language_from_mapping",
    "language_files",
    "LanguageFileError",
]

NEVER = r"(?!x)x"  # a pattern that never matches: a language without that form
UPPER = "A-ZÀ-ÖØ-Þ"  # capital letters, accented ones included (« État », « Égypte »)


@dataclass(frozen=True)
class Language:
    """Closed-class grammar of one language. Regex fields are pattern source strings."""

    code: str
    months: tuple[str, ...]  # January..December, lower case
    day: str  # a day number as written before the month ("1", "1er")
    articles: str  # a leading definite article in a reference table's running name
    # attribution
    rep_head: str  # literal start of "representative(s) of"; the article before it is checked separately
    article_before: str  # the article that must precede rep_head, anchored at the end ($)
    item_prefix: str  # what precedes each name of a list ("the", « de la », « du », « des », « d' »)
    item_prefix_required: bool
    list_sep: str
    echo: str  # ", echoed by the representative of" (followed by a list)
    on_behalf: str
    # a comma-delimited clause between a subject and its verb (", in her capacity as ...,", « , parlant au nom de
    # ..., »): lower-case start, no inner comma or sentence punctuation, bounded length
    parenthetical: str
    subject_noun: str  # after a State or organization's name: "the European Union representative said"
    unnamed_group: str  # a subject that names no one: "Some delegations", « Plusieurs délégations »
    other_subject: str  # a noun phrase of a few words (not a passive auxiliary) opening a paragraph before its verb
    lead_in: str  # a short phrase and comma before a sentence's subject ("In that regard, ", « De même, »)
    coord_first: str  # a predicate that is not reporting, before a coordinated reporting verb; {adverbs} filled in
    coord_and: str  # the conjunction before that reporting verb ("opened the meeting and stated")
    chair: str  # "The Chair (of the Working Group)"; must define the group ``chair``
    adverbs: str  # zero to two adverbs around the verb
    aux: tuple[str, ...]  # auxiliaries after which an adverb may sit (« a également dit »)
    role_article: str
    trailing_connector: str
    unknown_name: str  # a name not in the tables, in a list of speakers
    unknown_and: str  # where such a name stops
    unknown_trim: str  # function words trimmed from its end
    upper: str  # capital letters that start a person's name
    name_column: str  # the column of a State's or organization's name shown in this language
    theme_label: str  # the column of a theme's label shown in this language
    name_particles: str  # lower-case particles inside people's names (dos, van, de ...)
    hon_article: str  # an article before an honorific (« le général de division »)
    hon_paren: str  # a bracket between honorific and name ("(retired)", « (à la retraite) »)
    appositive_hint: str  # ", [honorific] First Name" before a surname; {hon} is filled in
    introduced: str  # a name introduced by an appositive; {follow} is filled in
    institution_words: frozenset[str]
    # people: introductions and the chair's signature
    intro_follow: str  # what may follow a name introduced by an appositive
    intro_split: str  # words after which a title starts
    intro_head: str  # the title at the end of the text before a name
    title_article: str  # article stripped from a title
    of: str  # splits a title from its organization ("Director of X")
    of_article: str  # an "of" followed by an article ("of the Office"): the organization may start there
    title_stop: str  # a word that cannot be inside a title (a verb: "the Chair visited ... met with the Minister")
    person_office: (
        str  # an office after "of" that belongs to the title ("Special Representative of the Secretary-General")
    )
    reported_that: str  # what follows a reporting verb to open reported speech ("said that", « a dit que »)
    # summary records and meetings coverage (:mod:`kit.speech_forms`)
    complement: str  # the reported clause a verb with complement "clause" needs ("concluded that", « conclut que »)
    narrative: str  # a paragraph of the meeting's own events ("The meeting rose at", « La séance est levée »)
    observer_for: str  # "(Observer for the State of Palestine)": what precedes the State or organization
    from_state: str  # "Mr. Karim Saleh, of Egypt," « M. Karim Saleh, de l'Égypte, »: what precedes the State
    briefer_intro: str  # "Also briefing the Council was" before a name, title and "who said"
    relative: str  # the relative pronoun of "X, Director of Y, who said" (« qui a dit »)
    pronoun_subject: str  # a sentence opening with a pronoun subject: "She said", « Elle a dit »
    rep_alone: str  # "The representative added", « Le représentant a ajouté »: the speaker just named, by title
    participle_lead: str  # a sentence opening with a participle phrase ("Having proposed ...,", « Estimant ..., »)
    participle: str  # a present participle opening a clause after the subject ("introducing", « présentant »)
    pronoun_said: str  # a pronoun's own reporting verb ("..., he said, while", « a-t-il affirmé, alors que »)
    speaker_noun: str  # who speaks for a State after the verb: "said the representative of X"
    signed_chair: str  # "(Signed) Name ... Chair", "Name, was elected Chair", "Name, ..., chaired the Working Group"
    # a person named with the chair's title: "Chair: Mr. Okafor ..... (Nigeria)" (a summary record's header),
    # "Special Committee Chair Grace Okafor (Nigeria)", "The Chair of the Committee, Ms. Okafor,"; {hon} and
    # {particles} (``name_particles``) are filled in
    chair_named: str
    chair_title: str  # a title, without its article, that makes the person introduced with it the chair
    # meetings and front matter
    meeting_start: str  # with groups date, body, verb; {date} (a date_span) is filled in
    meeting_after: str  # the date after the verb ("The Working Group met on 12 December 2023"); same groups
    weekdays: str  # day names that may precede a date ("On Thursday, 30 November 2023", « Le mardi 6 juin »)
    date_and: str  # what joins the days of one meeting ("12 and 13", "12-13", « 12 et 13 », « 30 novembre et le 1er »)
    formats: tuple[tuple[str, str], ...]  # (canonical English name, case-sensitive pattern in the format's position)
    quoted: str
    period: str  # with groups a, b; {date} and {day_month} are filled in
    title_line: str
    front_item: str  # a front-matter line that is not the continuation of a wrapped title
    title_open: str  # the end of a title line that the next line must continue ("... for the period from")
    body_head: str  # what follows the head of a body's full name ("Committee| established", « Comité| du »)
    body: str
    body_end: str
    # mentions
    resolution_list: str
    body_before: str
    body_after: str
    assembly: str  # a word that makes a resolution the General Assembly's
    # reference tables: the prefix of this language's columns (``fr_name``, ``fr_acronym``); English has none
    column_prefix: str = ""
    # how quoted words are set off in this language (“...”, « ... » with no-break spaces)
    quote_open: str = "“"
    quote_close: str = "”"
    # -- words and forms beyond the parser; a language that leaves one out gets the default --
    name: str = ""  # the language's own name, as a language menu shows it ("English", « Français »)
    function_words: frozenset[str] = frozenset()  # frequent short words that tell the language (detect_language)
    months_capitalized: bool = False  # month names capitalized in running text ("April", « avril »)
    first_day: str = ""  # how a written date gives the first of a month when not "1" (« 1er décembre »)
    date_of: str = ""  # a word between a date's day, month and year ("13 de abril de 2021" in Spanish)
    date_format: str = "d MMMM y"  # how the kit writes a date: a Babel (CLDR) pattern ("d 'de' MMMM 'de' y")
    colon: str = ":"  # after a label (French: a no-break space before it)
    semicolon: str = "; "  # between clauses of a list
    # "of" before a name, by the article the name takes (the reference tables' ``article`` / ``<prefix>article``
    # columns): (article, form with {name}); "" is a name without article
    of_forms: tuple[tuple[str, str], ...] = (("", "of {name}"),)
    of_elision: tuple[str, str] = ("", "")  # (initial letters, form): a name without article that elides "of"
    # asks (kit.teaching.asks): the grammar of a request's subject and addressee
    ask_by: str = NEVER  # what introduces the agent of a passive ("by", « par »)
    ask_by_article: str = ""  # the article that may open that agent ("the", « le », « les »)
    ask_clause: str = r"^"  # where a modal's subject clause starts
    ask_head_end: str = NEVER  # the prepositions that end a subject's head noun
    ask_and: str = r",\s+"  # what joins the subjects of one modal
    ask_article: str = NEVER  # an article or quantifier before a subject
    noun_first: bool = False  # the head noun comes first in its noun phrase
    ask_pronoun_subject: str = NEVER  # a subject that is a pronoun, not an actor
    ask_adverbs: str = NEVER  # adverbs between a modal and "be" ("should therefore be")
    addressees: tuple[str, ...] = ()  # whom an ask is addressed to: regex sources with group ``who``
    not_who: frozenset[str] = frozenset()  # words that cannot start an addressee (pronouns)
    addressee_trim: str = NEVER  # a preposition trimmed from an addressee's start (« aux États », « au Conseil »)
    and_word: str = ""  # the conjunction "and" (two actors of one subject)
    # figures (kit.teaching.figures): number grammar
    fig_digits: str = r"\d+"  # a number in digits (thousands separator, decimal mark)
    fig_stop: str = NEVER  # what precedes a counted noun without being the figure's modifier
    fig_of: str = NEVER  # "3 of the 5"
    # line ends (kit.layout): prefixes always written with a hyphen ("non-paper"), and those only sometimes
    hyphen_prefixes: frozenset[str] = frozenset()
    sometimes_hyphenated: frozenset[str] = frozenset()
    # names: a capital may be printed without its accent (« Etats-Unis », « Egypte »: French typography, older
    # releases); the reference tables' names then match either way
    bare_capitals: bool = False
    # a title used alone ("the Police Adviser said"): the word between a title and its organization ("Director of
    # the Division"), the prefix a title may drop ("United Nations Police Adviser"), one-word titles that are
    # still specific enough to name a person (lower case)
    title_of: str = NEVER
    title_joiner: str = "of"  # how the kit joins a title and its organization when the text did not ("of", « de »)
    title_org_prefix: str = ""
    one_word_titles: frozenset[str] = frozenset()
    fig_currency_of: str = NEVER  # between a number and its currency (« 5 millions de dollars »)
    fig_not_figures: str = ""  # more numbers that are not figures ("|" first; {m} is the month names)
    # a person of their own opening a paragraph, a State in brackets, then a verb that reports no speech ("Ms. X
    # (Chile) made closing remarks"): the paragraph is not the previous speaker's; must define the group ``state``
    named_subject: str = NEVER
    # forms of documents the kit had not seen (kit.group_examples, kit.subject_forms, kit.descriptions):
    # States named as examples of an unnamed group: "Several delegations, including those of A and B, said"
    group_examples: str = NEVER  # between the group and its list (", including those of", « , à l'instar de celles »)
    list_or: str = NEVER  # "or" between the last two items of such a list (« du Venezuela ou de Fidji »)
    # "the Indian delegation urged", « la délégation iraquienne a ... »: {adj} is a State's adjective
    adjective_subject: str = NEVER
    # an opinion lead naming its holder, then the opinion: "In the view of the {adj} delegation, ...", « De l'avis de
    # la délégation {adj}, ... »; the group ``holder`` is read as a subject
    opinion_lead: str = NEVER
    opinion_verb: str = ""  # the verb (a row of reporting_verbs.csv) a statement of an opinion lead gets
    # an opinion lead that names its holder: "According to Norway, ...", "In Norway's view, ...", « Selon le
    # représentant du Brésil, ... »: the lead before the holder (States or organizations), then what ends it
    opinion_holder: str = NEVER
    opinion_holder_end: str = r",\s+"
    # a speaker joined to a sentence by "with" and a participle ("..., with Indonesia's representative saying that")
    with_subject: str = NEVER  # what opens the phrase ("with")
    # the participles of reporting verbs, each with the verb of reporting_verbs.csv its statement gets
    with_participles: tuple[tuple[str, str], ...] = ()
    # a State, then a relative naming its representative: "Bangladesh was among the contributors whose
    # representative voiced concern"
    whose_speaker: str = NEVER
    # a State alone as subject, then a relative clause before its verb: "Ghana, which chaired ..., regretted"
    state_relative: str = NEVER  # the pronouns that open that clause
    # a speaker one of a group: "Kenya's representative was among several delegates who expressed regret", "The
    # representative of Chile was one of several delegates welcoming the text"; then a verb or a participle
    among_speakers: str = NEVER
    # a second speaker whose verb is left out: « Le représentant du Pérou a noté que ... et celui du Ghana que ... »:
    # what opens the second speaker (then the list of States), and what follows it (then the words)
    elided_speaker: str = NEVER
    elided_end: str = NEVER
    # "Under-Secretary-General for Operational Support Maria Okonkwo said": a title's first word, before the name
    title_head: str = NEVER
    # a description instead of a name, after the reported speech ("..., the senior peace operations official told
    # the Council."): the person the next paragraph names (kit.descriptions)
    description: str = NEVER
    # the same description after the verb (« ..., a déclaré le plus haut responsable des opérations de paix »)
    description_after_verb: str = NEVER
    # what comes right before a verb whose subject follows it ("..., said X", « Comme l'a rappelé X, »)
    after_verb_lead: str = r"[,»”\"]"
    # the determiners before a title whose name follows after a comma (« son Rapporteur, M. X, »)
    title_determiners: str = ""

    def month_number(self, name: str) -> int | None:
        """1-12 for a month name of this language (any case), else ``None``."""
        try:
            return self.months.index(name.lower()) + 1
        except ValueError:
            return None

    @property
    def source(self) -> bool:
        """Whether this is the language the reference tables' own columns are written in (no column prefix)."""
        return not self.column_prefix

    def of_phrase(self, article: str, name: str) -> str:
        """ "of" before ``name``, which takes ``article`` (:attr:`of_forms`; :attr:`of_elision` for a name without
        article that elides it).

        >>> fr = LANGUAGES["fr"]
        >>> fr.of_phrase("le", "Japon"), fr.of_phrase("", "Israël"), LANGUAGES["en"].of_phrase("the", "Sudan")
        ('du Japon', 'd’Israël', 'of the Sudan')
        """
        article = article.strip().lower()
        forms = dict(self.of_forms)
        letters, elided = self.of_elision
        if not article and letters and name[:1].lower() in letters:
            return elided.format(name=name)
        if article in forms:
            return forms[article].format(name=name)
        return forms.get("", "{name}").format(name=f"{article} {name}".strip())

    @property
    def month_alt(self) -> str:
        """Month names as written in running text (capitalized in English, lower case in French)."""
        return "|".join(m.capitalize() if self.months_capitalized else m for m in self.months)

    @property
    def date(self) -> str:
        """A full date as written in running text ("13 April 2021", « 1er janvier 2021 »)."""
        return rf"{self.day}{self._of}(?:{self.month_alt}){self._of}\d{{4}}"

    @property
    def day_month(self) -> str:
        """A day and month without the year ("1 January", « 1er janvier »)."""
        return rf"{self.day}{self._of}(?:{self.month_alt})"

    @property
    def date_span(self) -> str:
        """The date(s) of one meeting: a date, perhaps after a day name, perhaps of several days and perhaps
        without its year ("30 November and 1 December 2023", "12-13 December 2023", « mardi 6 juin », "5 May")."""
        wd = rf"(?:(?:{self.weekdays}),?\s+)?"
        month = rf"{self._of}(?:{self.month_alt})"
        return (
            rf"{wd}{self.day}(?:,\s*{self.day})*(?:(?:{month})?(?:{self._of}\d{{4}})?{self.date_and}{wd}{self.day})?"
            rf"{month}(?:{self._of}\d{{4}})?(?!\d)"
        )

    @property
    def _of(self) -> str:
        """The space between a date's parts, with the language's :attr:`date_of` word when it has one."""
        return rf"\s+(?:(?:{self.date_of})\s+)?" if self.date_of else r"\s+"


_EN = Language(
    code="en",
    months=(
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    day=r"\d{1,2}",
    articles=r"the\s+",
    rep_head=(
        r"(?:(?:Deputy\s+)?Permanent\s+Representatives?|representatives?|observers?|delegations?|delegates?"
        # an ambassador or minister of a State speaks for it ("The Vice Minister for External Affairs of Cuba")
        r"|Ambassadors?|(?:(?:Vice|Deputy|Prime)[\s-]+)?(?:Foreign\s+)?Ministers?(?:\s+for\s+(?:Foreign|External)\s+Affairs)?"
        r"|speakers?|counterparts?)\s+(?:of|for|from)\s+"
    ),
    # "The representative of", "His counterpart from", "The Vice-Chair ... and representative of Greece, X, said"
    # and "A representative of" opening a sentence (not after a comma: "Mr. X, a representative of Y, said" is Mr. X)
    article_before=r"(?<![\w-])(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|and|(?:(?<=[.;:]\s)|(?<=[.;:]\s\s)|^)A)\s+$",
    item_prefix=r"[Tt]he\s+",  # "The former Yugoslav Republic of Macedonia", as the UN wrote it
    item_prefix_required=False,
    # ("The representative of Bangladesh and that of Angola said")
    list_sep=r",?\s+(?:as\s+well\s+as|and\s+th(?:at|ose)\s+of|and(?:\s+of)?)\s+|,\s+",
    echo=r",\s+(?:as\s+)?(?:echoed|supported|joined)\s+by\s+(?:the\s+representatives?|those|that)\s+of\s+",
    on_behalf=r",\s+(?:speaking\s+)?(?:also\s+)?on\s+behalf\s+of\s+[^,]{3,120},\s*",
    # or an aside between dashes ("Mr. Tavares -- who took office in May -- underscored")
    parenthetical=(
        r"(?:,\s+(?!(?:and|or|but|while|whereas|which|that)\b)(?=[a-z])"
        r"(?![^,.;:!?]*(?<!\bas\s)\brepresentatives?\b)(?:[^,.;:!?\n]|\.(?=\w)){2,150}?,\s*"
        r"|\s+(?:--|[–—])\s+[^.;:!?\n–—]{2,150}?\s+(?:--|[–—])\s+"
        r"|\s+\([A-Z][A-Za-z-]{1,11}\)\s*(?=\S))"  # a name's acronym: "the United Nations Children's Fund (UNICEF)"
    ),
    # "Norway's representative", "Cuba's Vice Minister for External Affairs" (a minister speaks for the State)
    subject_noun=(
        r"(?:['’]s?)?\s+(?:(?:top|senior|chief|lead|new)\s+)?(?:United\s+Nations\s+)?"
        r"(?:representatives?|delegations?|observers?|delegates?|speakers?)\b"
        r"|['’]s\s+(?:(?:Vice|Deputy|Prime|Foreign|First)[\s-]+)?(?:Minister|Ambassador|Permanent\s+Representative"
        r"|President|Secretary\s+of\s+State)(?:\s+(?:for|of)(?:\s+(?:[A-Z][\w-]*|and|the)){1,6})?\b"
    ),
    unnamed_group=(
        r"(?:[Ss]ome|[Ss]everal|[Mm]any|[Oo]ther|[Mm]ost|[Vv]arious|[Nn]umerous|[Aa]\s+(?:number|few)\s+of"
        r"|[Aa]\s+(?:few|number\s+of)|[Oo]ne|[Aa]nother|[Aa]ll|[Tt]he\s+(?:majority|other)(?:\s+of)?)"
        r"(?:\s+(?:of\s+the|other|Council|[a-z]+-contributing))*\s+"
        r"(?:delegations?|delegates?|members?|Member\s+States|speakers?|participants?|representatives?|countries|"
        r"States|troop-\s+and\s+police-contributing\s+countries)\b"
        r"(?:\s+(?:of|from|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:(?:of|on|for|and|the)\s+)?[A-Z][\w-]*)*)?"
    ),
    lead_in=r"[A-Z][^,.;:!?\n]{0,40},\s+",
    named_subject=(
        r"(?!(?:The|A|An|In|On|At|For|By|As|Its|Their|This|That|These|Those|However|Also)\b)"
        rf"(?:[{UPPER}][\w.'’-]*\s+){{1,8}}\((?P<state>[^()\n]{{2,80}})\)\s*,?\s+[a-z]"
    ),
    group_examples=r",\s+(?:including|such\s+as|among\s+them|notably)\s+(?:those\s+of\s+)?",
    list_or=r",?\s+or\s+",
    adjective_subject=r"[Tt]he\s+(?P<adj>{adj})\s+(?:delegation|representative|delegate)\b",
    opinion_lead=(
        r"(?:In\s+the\s+(?:view|opinion)\s+of|According\s+to)\s+(?P<holder>the\s+(?P<adj>{adj})\s+delegation),\s+"
    ),
    opinion_verb="considered",
    opinion_holder=(
        r"(?:According\s+to|In\s+the\s+(?:view|opinion)\s+of)\s+(?:the\s+(?:representatives?|delegations?|delegates?)\s+"
        r"(?:of|for)\s+)?|In\s+(?=[A-Z][^,.;]{1,60}['’]s\s+(?:view|opinion),)"
    ),
    opinion_holder_end=r"(?:['’]s\s+(?:view|opinion))?,\s+",
    with_subject=r"\bwith\s+",
    with_participles=(
        ("saying", "said"),
        ("noting", "noted"),
        ("stressing", "stressed"),
        ("adding", "added"),
        ("emphasizing", "emphasized"),
        ("arguing", "argued"),
        ("warning", "warned"),
        ("calling for", "called for"),
        ("underscoring", "underscored"),
        ("urging", "urged"),
        ("highlighting", "highlighted"),
        ("recalling", "recalled"),
        ("welcoming", "welcomed"),
        ("commending", "commended"),
        ("praising", "praised"),
        ("expressing", "expressed"),
    ),
    whose_speaker=r"[^.;:!?]{0,120}?\bwhose\s+(?:representative|delegate|delegation)\s+",
    state_relative=r"(?:which|who)\s+",
    elided_speaker=r",?\s+and\s+(?:that|those)\s+of\s+",
    elided_end=r"\s+that\b",
    among_speakers=(
        r"(?:,\s+(?:however|also|too),)?\s+w(?:as|ere)\s+(?:also\s+)?(?:among|one\s+of)\s+(?:the\s+)?"
        r"(?:(?:several|many|some|numerous|other|those|a\s+number\s+of)\s+)?"
        r"(?:delegates|delegations|speakers|representatives|Member\s+States)(?:\s+who)?"
    ),
    title_head=(
        r"(?:Under-|Assistant\s+)?Secretary-General|Special\s+(?:Representative|Envoy|Adviser)|Force\s+Commander"
        r"|Permanent\s+Representative"
        r"|Police\s+Commissioner|Ambassador|Minister|Director|Chief|Head"
    ),
    description=(
        r"[,—–-]\s+(?P<desc>the\s+(?:[\w’'-]+\s+){0,6}?(?:official|head|chief|envoy)\b"
        r"(?:\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:operations|peacekeeping|department|mission))?)"
    ),
    other_subject=(
        r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Ii]ts|[Tt]heir)\s+"
        r"(?:(?!(?:had|has|have|been|be|being|was|were|is|are|would|could|should|might)\b)[\w'’()-]+\s+){0,8}?"
    ),
    coord_first=(
        r"(?!(?:and|or|but|nor|of|in|at|on|for|to|from|with|by|as|who|whose|which|that|the|a|an|its|his|"
        r"her|their|also|whether|if|about|how|why|what|when|where|because|while|whereas)\b)[a-z][a-z-]*"
    ),
    coord_and=r",?\s+and\s+",
    chair=(
        r"\b(?P<chair>[Tt]he\s+(?:Chair|Chairperson|Chairman|Chairwoman|CHAIR|CHAIRPERSON|CHAIRMAN|CHAIRWOMAN)"
        r"(?:\s+of\s+the\s+(?:(?:[A-Z][\w-]*|on|of|and|for|the)\s+)*?[A-Z][\w-]*)?)"
    ),
    adverbs=r"(?:(?:also|further|then|again|however|therefore|moreover|thus|later|earlier|[a-z]+ly)\s+){0,2}",
    aux=(),
    role_article=r"[Tt]he",
    title_of=r"\s+of\s+",
    title_joiner="of",
    title_org_prefix="united nations ",
    one_word_titles=frozenset({"director", "adviser", "commissioner"}),
    trailing_connector=r"(?:[,;]\s*(?:while|whereas|and|but)?|\s+(?:while|whereas|and|but))\s*$",
    unknown_name=r"[A-Z][\w'’.-]*(?:\s+(?:of|the|for|[A-Z][\w'’.-]*))*",
    unknown_and=r"\s+and\s+",
    unknown_trim=r"\s+(?:of|the|for)$",
    upper=UPPER,  # people's names: "Ñúñez", "Øystein"
    name_column="",
    theme_label="label",
    name_particles=r"dos|da|de|del|van|von|der|den|al|el|ben|bin|di|du|le|la",
    hon_article="",
    hon_paren=r"\([a-z]+\)",
    appositive_hint=rf",\s+(?:[{UPPER}(][\w.()'’-]*\s+|(?:dos|da|de|del|van|von|der|al|el|bin|di|du|le|la)\s+){{{{0,6}}}}$",
    introduced=(
        rf",\s+(?:[A-Z][a-z]*\.?\s+)?(?:\([a-z]+\)\s+)?((?:[{UPPER}][\w'’-]+\s+){{{{1,3}}}}[{UPPER}][\w'’-]+)"
        r"(?=[,.;]|\s+{follow}\b)"
    ),
    institution_words=frozenset(
        {
            "United",
            "Nations",
            "Council",
            "Security",
            "Office",
            "Department",
            "Division",
            "Mission",
            "Group",
            "Committee",
            "Force",
            "Service",
            "Centre",
            "Center",
            "Programme",
            "Program",
            "Operations",
            "Officers",
            "Staff",
            "Republic",
            "Union",
            "Assembly",
            "Secretariat",
            "Agency",
            "Team",
            "Unit",
            "Units",
            "Commission",
            "Organization",
            "Fund",
            "State",
            "States",
            "Member",
            "Police",
            "Peacekeeping",
            "Academy",
            "Framework",
            "Strategy",
            "Initiative",
        }
    ),
    intro_follow=r"(?:was|is|had|has|on|to)",
    intro_split=r"\b(?:included|including|by|were|was|are|is)\s+",
    intro_head=r"(?:^|\b(?:included|by|from|and|with|were|was|of|:)\s+)((?:the\s+|The\s+)?[A-Z][^,]*)$",
    title_article=r"^(?:the|The)\s+",
    of=r" of ",
    of_article=r" of the\s+",
    # a lower-case word that is not a connector of titles ("Head of Mission and Force Commander of UNIFIL")
    title_stop=(
        r"(?<![\w'’-])(?!(?:of|for|and|the|on|in|to|at|a\.i\.|ad|interim|dos|da|de|del|van|von|der|al|el"
        r"|ben|bin|di|du|le|la)(?![\w'’-]))[a-z]"
    ),
    person_office=r"(?:Deputy\s+)?Secretary-General\b|President\b",
    reported_that=r"that\b",
    complement=r"\s*(?:that\b|:|[\"“])",
    narrative=(
        r"\s*(?:(?:The\s+)?(?:meeting|session)\s+(?:was\s+)?(?:began|begins|ended|rose|opened|closed|adjourned"
        r"|suspended|resumed|called\s+to\s+order)\b"
        r"|Action\s+on\s+[^.]{0,80}?\s+will\s+be\s+taken\b"
        r"|The\s+(?:Council|Committee|Commission|Assembly|Working\s+Group|Special\s+Committee)\s+will\s+"
        r"(?:meet|reconvene|resume|continue|take\s+up|take\s+action)\b"
        # perhaps after a lead-in: "By adopting ..., the Committee", "Also this morning, the Committee approved"
        r"|(?:(?:(?:By|In)\s+[a-z]+ing\b[^,.;]{0,100}|[A-Z][a-z]+(?:\s+[a-z]+){0,3}),\s+)?[Tt]he\s+"
        r"(?:(?:First|Second|Third|Fourth|Fifth|Sixth)\s+)?"
        r"(?:Council|Committee|Commission|Assembly|Working\s+Group|Special\s+Committee)\s+(?:then\s+|also\s+)?"
        r"(?:adopted|approved|took\s+note|took\s+action|voted|elected|proceeded|decided|concluded\s+its"
        r"|heard|began|continued|resumed|invited|invites|recommended|recommends)\b"
        # the words of an unnamed group, or of no one in particular ("... mentioned by several speakers",
        # "Views were divided on ...")
        r"|[^.]{0,200}?\b(?:mentioned|raised|emphasized|emphasised|stressed|highlighted|expressed|voiced|echoed|cited)"
        r"\s+by\s+(?:(?:several|many|some|other|numerous|most)\s+|a\s+number\s+of\s+)?(?:speakers|delegations|delegates)\b"
        r"|[^.]{0,150}?\b(?:[Vv]iews|[Oo]pinions)\s+(?:were|remained)\s+divided\b"
        r"|(?:The\s+)?[Dd]raft\s+(?:resolution|decision)s?\b(?:[^.]|\.(?=\w)){0,120}?\bw(?:as|ere)\s+(?:adopted|approved)\b"
        r"|.{0,150}?\b(?:took|resumed)\s+the\s+Chair\b)"
    ),
    observer_for=r"(?:Permanent\s+)?Observer\s+(?:for|of)\s+(?:the\s+)?",
    from_state=r",\s+(?:of|from)\s+(?:the\s+)?",
    briefer_intro=(
        r"(?:[Aa]lso\s+)?(?:briefing|addressing)\s+the\s+(?:[A-Z][\w-]*\s+){1,3}"
        r"(?:(?:today|this\s+\w+|as\s+[^,.;:]{1,60}?)\s+)?(?:was|were)\s+"
    ),
    relative=r"who\s+",
    pronoun_subject=r"\s*(?:He|She|They)\s+",
    rep_alone=r"\s*The\s+(?:representative|delegate|speaker)\s+",
    participle_lead=r"(?:[A-Z][a-z]+ing|Having\s+[a-z]+|After\s+[a-z]+ing)\b",
    participle=r"(?:[a-z]+ing|speaking|having\s+[a-z]+)\b",
    pronoun_said=r",?\s+(?:he|she|they)\s+(?:said|added|stressed|noted|continued|went\s+on)\b",
    speaker_noun=r"(?:the\s+)?(?:representative|delegate|observer|speaker)s?\s+(?:of|for)\s+",
    chair_named=(
        # "Chair: Mr. X" and "President: Mr. X" head a record; "The President: Mr. X, ..." opens a speech
        r"(?<![\w-])(?:(?<!The\s)(?:Chair|Chairperson|Chairman|Chairwoman|President)(?=\s*:)"
        r"|(?:Chair|Chairperson|Chairman|Chairwoman)(?!\s*:))"
        r"(?:\s+of\s+the\s+(?:Working\s+Group|(?:Special\s+)?Committee|Commission)[^,:;.()\n]{{0,50}}?)?"
        rf"\s*[:,]?\s+(?:(?P<hon>{{hon}})\s+)?(?P<name>(?:(?:[{UPPER}][\w'’.-]*|(?:{{particles}}))\s+){{{{0,3}}}}[{UPPER}][\w'’-]+)(?:[\s.]*\((?P<state>(?:[^()\n]|\([^()\n]{{{{1,40}}}}\)){{{{2,80}}}})\)"
        r"|(?=\s*[,;:\n]|\s*$))"
    ),
    signed_chair=(
        r"(?:\(Signed\)\s+|,\s+|(?m:^))((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)"
        r"(?:,\s+was\s+(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?Chair|\s+Chair\b"
        r"|,?\s+(?:chaired|presided\s+over|served\s+as\s+(?:the\s+)?Chair)\b)"
    ),
    chair_title=r"(?:Chair|Chairperson|Chairman|Chairwoman)(?:\s+of\s+the\s+(?:Working\s+Group|Committee)\b.*)?",
    meeting_start=(
        r"^(?:On|At\s+its\s+meetings?\s+(?:held\s+)?on|At\s+its\s+\w+\s+meetings?,?\s+(?:held\s+)?on)\s+"
        r"(?P<date>{date}),?\s+"
        r"(?:the\s+)?(?P<body>[A-Z][^,.]{{0,80}}?)\s+(?P<verb>held|heard|met|convened|considered|discussed|"
        r"received|was\s+briefed)\b"
    ),
    # the body is a name (capitalized words), so "The representative of X said the Group met on ..." is no meeting
    meeting_after=(
        r"^(?:The\s+)?(?P<body>[A-Z][\w-]*(?: (?:(?:on|of|and|for|the|in) )*[A-Z][\w-]*){{0,12}})\s+"
        r"(?P<verb>held|met|convened|was\s+briefed)\b[^.;]{{0,120}}?\s+on\s+(?P<date>{date})"
    ),
    weekdays="Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    date_and=r"(?:\s*[-–]\s*|\s+and\s+)",
    # a format word where a format is said ("by videoconference", "in a hybrid format"), in lower case: a
    # capitalized "Hybrid" is part of a name ("African Union-United Nations Hybrid Operation in Darfur")
    formats=(
        (
            "videoconference",
            r"videoconference|video-teleconference|\bVTC\b|\bvirtually\b"
            r"|\bvirtual\s+(?:\w+\s+)?(?:meeting|session|briefing|format|consultations?)s?\b",
        ),
        ("hybrid", r"\bhybrid\b"),
        ("in person", r"\b[Ii]n person\b|\b[Ii]n-person\b"),
    ),
    quoted=r"[“\"]([^”\"]{5,200})[”\"]",
    period=(
        r"(?:period\s+(?:from\s+)?|\()(?P<a>{day_month}(?:\s+\d{{4}})?)(?:\s+to\s+|\s*[-–]\s*)"
        r"(?P<b>{date})"
    ),
    title_line=r"(?:Report|Annual report)\b",
    front_item=(
        r"(?:Distr\.|Original\b|\(Signed\)|Annex\b|Letter dated\b|Note by\b|United Nations\b|Security Council$"
        r"|Chair(?:person)?\b|Contents$|Summary$|\d{1,2} [A-Z][a-z]+ \d{4}$|[IVX]+\.\s|.*\.$)"
    ),
    title_open=r"(?:\b(?:to|from|and|of|the|on|for|in|concerning|pursuant|by|with)|[-–])$",
    body_head=r"on|established|pursuant|concerning",
    body=(
        r"Security Council (?:Working Group|Committee)"
        r"(?: (?:established )?pursuant to resolutions? \d{1,4} \(\d{4}\)(?:(?:,| and) \d{1,4} \(\d{4}\))*)?"
        r"(?: (?:on|concerning) (?:the )?[A-Z][\w'’-]*(?: (?:(?:and|of|the|on|in|for) )*[A-Z][\w'’-]*){0,8})?"
    ),
    body_end=r"\s+(?:addressed|for|on the|was|held)\b",
    resolution_list=(
        r"\b[Rr]esolutions?\s+"
        r"(?P<list>(?:(?:\d{1,4}\s*\(\d{4}\)|\d{1,3}/\d{1,4}[A-Z]?)(?:,\s*(?:and\s+)?|\s+and\s+)?)+)"
    ),
    body_before=r"(Security\s+Council|General\s+Assembly|Council|Assembly)(?:['’]s)?\s+$",
    body_after=r"(?!x)x",
    assembly="Assembly",
    name="English",
    function_words=frozenset({"the", "of", "and", "to", "that", "was", "were", "had", "with", "for", "said", "which"}),
    months_capitalized=True,
    of_forms=(("the", "of the {name}"), ("", "of {name}")),
    ask_by=r"by\s+",
    ask_by_article=r"(?:the\s+)?",
    ask_clause=r"(?:^|[,;:(]\s*|\b(?:that|whether|and|but|while|whereas|if|when|because|since)\s+)",
    ask_head_end=r"\s+(?:of|in|for|on|at|with|from|to|by|within|across)\s+",
    ask_and=r"\s+and\s+|,\s+",
    ask_article=r"^(?:the|all|both)\s+",
    ask_pronoun_subject=r"^(?:it|this|that|there|which|who)$",
    ask_adverbs=r"[\w’'-]+ly|therefore|also|then|thus|still",
    addressees=(
        r"(?i)\bcall(?:ed|s|ing)?\s+(?:on|upon)\s+(?P<who>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+(?:and|of|the|all|[\w’'-]+)){0,6}?)\s+to\b",
        r"(?i)\burg(?:ed|es|ing)\s+(?P<who>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+(?:and|of|the|all|[\w’'-]+)){0,6}?)\s+to\b",
        r"(?i)\bencourag(?:e|ed|es|ing)\s+(?P<who>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+(?:and|of|the|all|[\w’'-]+)){0,6}?)\s+to\b",
        r"(?i)\bappeal(?:ed|s|ing)?\s+to\s+(?P<who>(?:the\s+)?[A-Za-z][\w’'-]*(?:\s+(?:and|of|the|all|[\w’'-]+)){0,6}?)\s+(?:to|for)\b",
        r"\brequest(?:ed|s|ing)?\s+[\w\s-]{1,40}?\s+from\s+(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)",
    ),
    and_word="and",
    hyphen_prefixes=frozenset({"non", "self", "vice", "quasi"}),
    sometimes_hyphenated=frozenset({"ex", "co", "pre", "post", "anti", "semi", "cross", "multi"}),
    not_who=frozenset({"it", "they", "he", "she", "there", "this", "that", "those", "these", "all", "such"}),
    fig_digits=r"\d[\d,]*(?:\.\d+)?",
    fig_stop=r"(?:of|in|to|for|from|with|by|at|on|and\s+the)\b",
    fig_of=r"(?:of\s+the|out\s+of)",
    fig_not_figures=(
        r"|\b(?:{m})\s+\d{{1,2}},?\s+\d{{4}}"  # April 13, 2021
        r"|\bresolutions?\s+\d+(?:/\d+)?"  # resolution 1325, resolution 34/169
        r"|\b\d+(?:st|nd|rd|th)\b"
    ),  # ordinals
)

_FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_DE = r"(?:de\s+la\s+|de\s+l['’]\s*|d['’]\s*|du\s+|des\s+|de\s+)"

_FR = Language(
    code="fr",
    months=_FR_MONTHS,
    day=r"(?:1er|\d{1,2})",
    articles=r"(?:les|le|la)\s+|l['’]\s*",
    rep_head=(
        r"(?:[Rr]eprésentant|[Rr]eprésentante|observateur|observatrice|délégation|délégué|déléguée|homologue"
        # an ambassador or minister of a State speaks for it (« L'Ambassadeur du Japon », « Le Vice-Ministre des
        # affaires étrangères de Cuba »)
        r"|[Aa]mbassad(?:eur|rice)|(?:[Vv]ice-)?[Mm]inistre\s+des\s+(?:[Aa]ffaires\s+étrangères|[Rr]elations\s+extérieures))s?"
        r"\s+(?:permanente?s?\s+)?(?=d)"
    ),
    # « Le représentant de », « Son homologue de », « Le Vice-Président ... et représentant de la Grèce, X, a dit »
    article_before=r"(?<![\w-])(?:(?:[Ll]es|[Ll]e|[Ll]a|[Ss]on|[Ss]a|[Ll]eurs?|et)\s+|[Ll]['’]\s*)$",
    item_prefix=_DE,
    item_prefix_required=True,
    # (« Le représentant du Bangladesh et celle de l'Angola se sont inquiétés »)
    list_sep=r",?\s+(?:ainsi\s+que|et(?:\s+ce(?:lui|lle|ux|lles))?)\s+|,\s+",
    echo=(
        r",\s+(?:appuyée?s?|soutenue?s?|rejointe?s?|suivie?s?)\s+(?:en\s+cela\s+|sur\s+ce\s+point\s+)?par\s+"
        r"(?:celui|celle|ceux|celles|(?:le|la|les)\s+(?:représentant|représentante)s?)\s+"
    ),
    on_behalf=r",\s+(?:s['’]exprimant\s+|intervenant\s+)?(?:également\s+|aussi\s+)?au\s+nom\s+d[eu'’][^,]{3,120},\s*",
    parenthetical=(
        r"(?:,\s+(?!(?:et|ou|mais|tandis|alors|qui|que|dont|le|la)\b)(?=[a-zàâçéèêëîïôûùüÿœ])"
        r"(?![^,.;:!?]*(?<!\bde\s)(?<!\bque\s)\b(?:représentant|représentante)s?\b)(?:[^,.;:!?\n]|\.(?=\w)){2,150}?,\s*"
        r"|\s+(?:--|[–—])\s+[^.;:!?\n–—]{2,150}?\s+(?:--|[–—])\s+"
        r"|\s+\([A-Z][A-Za-z-]{1,11}\)\s*(?=\S))"  # a name's acronym: "the United Nations Children's Fund (UNICEF)"
    ),
    subject_noun=r"(?!x)x",
    unnamed_group=(
        r"(?:[Pp]lusieurs|[Cc]ertaine?s|[Dd]e\s+nombreu(?:x|ses)|[Nn]ombre\s+d['’]|[Qq]uelques|[Dd]['’]autres"
        r"|[Ll]a\s+plupart\s+des|[Uu]ne?\s+autre|[Tt]ou(?:te)?s\s+les|[Uu]ne?\s+des)\s*"
        r"(?:autres\s+)?(?:délégations?|délégué(?:e)?s?|membres?|États(?:\s+Membres)?|intervenante?s?|participante?s?|"
        r"représentante?s?|pays)\b"
        r"(?:\s+(?:du|de\s+la|des)\s+(?:Conseil(?:\s+de\s+sécurité)?|Groupe\s+de\s+travail|Comité))?"
    ),
    lead_in=rf"[{UPPER}][^,.;:!?\n]{{0,40}},\s+",
    named_subject=(
        r"(?!(?:Le|La|Les|L['’]|Un|Une|Des|Dans|En|Pour|Par|Selon|Cependant|Ainsi)\b)"
        rf"(?:[{UPPER}][\w.'’-]*\s+){{1,8}}\((?P<state>[^()\n]{{2,80}})\)\s*,?\s+[a-zàâçéèêëîïôûùüÿœ]"
    ),
    # « à l'instar de celles du Venezuela », or the States with their article: « comme la Tanzanie », « dont le Chili »
    group_examples=(
        r",\s+(?:à\s+l['’]instar\s+de|notamment|dont|comme|parmi\s+lesquelles)\s+(?:celles?|ceux)\s+(?=d)"
        r"|,\s+(?:notamment|comme|dont|tels?|telles?)\s+(?=(?:le|la|les|l['’])\s*[A-ZÀ-Ý])"
    ),
    list_or=r",?\s+ou\s+",
    adjective_subject=r"[Ll]a\s+délégation\s+(?P<adj>{adj})\b",
    opinion_lead=(
        r"(?:(?:De\s+l['’]avis|Selon\s+l['’]avis|Aux\s+yeux)\s+de\s+|Selon\s+|D['’]après\s+)"
        r"(?P<holder>la\s+délégation\s+(?P<adj>{adj})),\s+"
    ),
    opinion_verb="a estimé",
    opinion_holder=(
        r"(?:Selon|D['’]après|De\s+l['’]avis|Aux\s+yeux)\s+"
        r"(?:(?:le|la|les)\s+(?:représentante?s?|délégations?|délégué(?:e|s|es)?)\s+)?"
    ),
    after_verb_lead=r"[,»”\"]|\b[Cc]omme\s+l['’]",
    description_after_verb=(
        r"(?:le|la)\s+(?:plus\s+)?(?:haute?\s+(?:responsable|fonctionnaire)|(?:chef|cheffe|responsable)\s+des\s+opérations)"
        r"[^,.;:!?«»]{0,80}"
    ),
    title_determiners=r"son|sa|leur",
    state_relative=r"(?:qui|dont)\s+",
    elided_speaker=r",?\s+et\s+(?:celui|celle|ceux|celles)\s+(?=d)",
    elided_end=r"\s+(?:que\b|qu['’])",
    title_head=(
        r"(?:Sous-)?Secrétaire\s+générale?(?:\s+adjointe?)?|Envoyée?\s+spéciale?|Conseill(?:er|ère)|Direct(?:eur|rice)"
        r"|Chef(?:fe)?|Commandant(?:e)?|Commissaire"
    ),
    other_subject=(
        r"(?:[Ll]es|[Ll]e|[Ll]a|[Ll]['’]|[Uu]ne?|[Dd]es)\s*"
        r"(?:(?!(?:a|ont|est|sont|été|avait|avaient|était|étaient)\b)[\w'’()-]+\s+){0,8}?"
    ),
    coord_first=r"(?:a|ont|avait|avaient|s['’]est|se\s+sont)\s+{adverbs}[a-zàâçéèêëîïôûùüÿœ]+",
    coord_and=r",?\s+et\s+",
    chair=(
        r"\b(?P<chair>(?:[Ll]e\s+(?:Président|PRÉSIDENT|PRESIDENT)|[Ll]a\s+(?:Présidente|PRÉSIDENTE|PRESIDENTE))"
        r"(?:\s+(?:du|de\s+la)\s+(?:Groupe\s+de\s+travail|Comité|Commission)(?:\s+[\w'’-]+){0,8}?)?)"
    ),
    adverbs=(
        r"(?:(?:également|aussi|en\s+outre|par\s+ailleurs|ensuite|de\s+plus|de\s+nouveau|à\s+nouveau|encore|"
        r"toutefois|cependant|donc|ainsi|tout\s+de\s+suite|notamment|enfin|pour\s+sa\s+part|pour\s+leur\s+part|quant\s+à\s+lui|"
        r"quant\s+à\s+elle|quant\s+à\s+eux|[a-zàâçéèêëîïôûùüÿœ]+ment),?\s+){0,2}"
    ),
    aux=("a", "ont", "s'est", "se sont", "était", "étaient", "avait", "avaient"),
    role_article=r"(?:[Ll]e|[Ll]a)",
    title_of=r"\s+(?:du|de\s+la|de\s+l['’]|des|de)\s+",
    title_joiner="de",
    title_org_prefix="",
    one_word_titles=frozenset({"directeur", "directrice", "conseiller", "conseillère", "commissaire"}),
    trailing_connector=r"(?:[,;]\s*(?:tandis\s+que|alors\s+que|et|mais)?|\s+(?:tandis\s+que|alors\s+que|et|mais))\s*$",
    unknown_name=rf"[{UPPER}][\w'’.-]*(?:\s+(?:de|du|des|la|le|les|d['’]|l['’]|[{UPPER}][\w'’.-]*))*",
    unknown_and=r"\s+et\s+",
    unknown_trim=r"\s+(?:de|du|des|la|le|les|d['’]|l['’])$",
    upper=UPPER,
    name_column="fr_name",
    theme_label="label_fr",
    name_particles=r"dos|da|de|del|van|von|der|den|al|el|ben|bin|di|du|le|la",
    hon_article=r"(?:[Ll]e|[Ll]a)\s+",
    hon_paren=r"\([^\W\d_A-Z][^)]{0,30}\)",
    appositive_hint=(
        rf",\s+(?:(?:le|la)\s+)?(?:(?:{{hon}})\s+)?(?:\([^)]{{{{1,30}}}}\)\s+)?"
        rf"(?:[{UPPER}(][\w.()'’-]*\s+|(?:dos|da|de|del|van|von|der|al|el|bin|di|du|le|la)\s+){{{{0,6}}}}$"
    ),
    introduced=(
        rf",\s+(?:(?:le|la)\s+)?(?:\([^)]{{{{1,30}}}}\)\s+)?((?:[{UPPER}][\w'’-]+\s+){{{{1,3}}}}[{UPPER}][\w'’-]+)"
        r"(?=[,.;]|\s+{follow}\b)"
    ),
    institution_words=frozenset(
        {
            "Nations",
            "Unies",
            "Conseil",
            "Bureau",
            "Département",
            "Division",
            "Mission",
            "Groupe",
            "Comité",
            "Force",
            "Service",
            "Centre",
            "Programme",
            "Opérations",
            "République",
            "Union",
            "Assemblée",
            "Secrétariat",
            "Agence",
            "Équipe",
            "Unité",
            "Commission",
            "Organisation",
            "Fonds",
            "État",
            "États",
            "Police",
            "Académie",
            "Cadre",
            "Stratégie",
            "Initiative",
            "Sécurité",
        }
    ),
    intro_follow=r"(?:a|avait|est|était|au|à|en|de)",
    intro_split=(
        r"\b(?:[Ff]iguraient(?:\s+parmi\s+les\s+\w+)?|notamment|par|étaient|était|sont|est)\s+"
        r"|\b(?:exposé|présentation|intervention)s?\s+(?:du|de\s+la|de\s+l['’]|de)\s*"
    ),
    # a title may be written in lower case after its article (« le chef d'état-major et commandant de la force »)
    intro_head=(
        r"(?:^|\b(?:figuraient|par|avec|et|:)\s+)"
        r"((?:(?:le\s+|la\s+|Le\s+|La\s+|l['’]|L['’])[a-zà-ÿA-ZÀ-ÖØ-Þ]|[A-ZÀ-ÖØ-Þ])[^,]*)$"
    ),
    title_article=r"^(?:le|la|Le|La|l['’]|L['’])\s*",
    of=r"\s+(?:du|de\s+la|de\s+l['’]|des|de)\s*(?=[A-ZÀ-ÖØ-Þ])",
    of_article=r"\s+(?:du|de\s+la|de\s+l['’]|des)\s*",
    # a verb (or a pronoun before one): « la Présidente s'est rendue à Bangui et s'est entretenue avec la Ministre »
    title_stop=(
        r"(?<![\w-])(?:(?:a|ont|est|sont|était|étaient|avait|avaient|se|qui|que)(?![\w'’-])"
        r"|s['’]|qu['’])"
    ),
    person_office=r"(?:Vice-)?Secrétaire\s+générale?\b|Président(?:e)?\b",
    reported_that=r"(?:que\b|qu['’])",
    complement=r"\s*(?:que\b|qu['’]|:|[«\"“])",
    narrative=(
        r"\s*(?:(?:La\s+)?séance\s+(?:est|a\s+été)\s+(?:levée|ouverte|suspendue|reprise)"
        r"|(?:La\s+)?séance\s+(?:commence|débute|s['’]achève|prend\s+fin|a\s+commencé|a\s+pris\s+fin)"
        r"|(?:Le|La)\s+(?:Conseil|Commission|Comité|Assemblée|Comité\s+spécial)\s+(?:se\s+réunira|reprendra"
        r"|poursuivra|se\s+prononcera)\b"
        r"|(?:(?:En\s+[a-zàâçéèêëîïôûùüÿœ]+ant\b[^,.;]{0,100}|[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+){0,3}),\s+)?"
        r"(?:Le|La|le|la)\s+"
        r"(?:(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième)\s+)?"
        r"(?:Conseil|Commission|Comité|Assemblée|Groupe\s+de\s+travail|Comité\s+spécial)\s+"
        r"(?:a\s+)?(?:ensuite\s+|également\s+)?(?:adopté|adopte|approuvé|approuve|prend\s+note|pris\s+note"
        r"|décidé|décide|entendu|entend|poursuivi|poursuit|entamé|entame|invité|invite|recommandé|recommande)\b"
        # the words of an unnamed group, or of no one in particular (« ... soulignée par plusieurs délégations »,
        # « ... a suscité des avis partagés »)
        r"|[^.]{0,200}?\b(?:mentionnée?s?|soulevée?s?|soulignée?s?|évoquée?s?|exprimée?s?|relevée?s?)\s+par\s+"
        r"(?:plusieurs|de\s+nombreu(?:x|ses)|certaine?s|d['’]autres|les)\s+(?:délégations|intervenants|orateurs|délégués)\b"
        r"|[^.]{0,150}?\b(?:a|ont)\s+suscité\s+des\s+(?:avis|opinions|vues)\s+(?:partagé|divergent)e?s\b"
        r"|Le\s+projet\s+de\s+(?:résolution|décision)\b(?:[^.]|\.(?=\w)){0,120}?\b(?:est|a\s+été)\s+(?:adopté|approuvé)\b"
        r"|.{0,150}?\b(?:prend|reprend|a\s+pris|a\s+repris|assume)\s+la\s+présidence\b)"
    ),
    observer_for=r"(?:[Oo]bservat(?:eur|rice)(?:\s+permanente?)?)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+)",
    from_state=r",\s+(?:de\s+la\s+|de\s+l['’]\s*|d['’]\s*|du\s+|des\s+|de\s+)",
    briefer_intro=r"(?:[Aa]\s+également\s+(?:fait\s+un\s+exposé|pris\s+la\s+parole)|[Ee]st\s+également\s+intervenue?)\s+",
    relative=r"qui\s+",
    pronoun_subject=r"\s*(?:Il|Elle)s?\s+",
    rep_alone=r"\s*(?:Le\s+(?:représentant|délégué)|La\s+(?:représentante|déléguée))\s+",
    participle_lead=rf"(?:[{UPPER}][a-zàâçéèêëîïôûùüÿœ]+ant|Après\s+avoir)\b",
    participle=r"(?:[a-zàâçéèêëîïôûùüÿœ]+ant|s['’]exprimant)\b",
    pronoun_said=r"-t-(?:il|elle)\b|\w-(?:ils|elles)\b",
    speaker_noun=(
        r"(?:le|la|les)\s+(?:représentant|représentante|délégué|déléguée|observateur|observatrice)s?"
        r"\s+(?=d)"
    ),
    chair_named=(
        # « Président : M. X » heads a record; « Le Président : M. X, ... » opens a speech
        r"(?<![\w-])(?:(?<!Le\s)(?<!La\s)(?:Président|Présidente)|(?:Président|Présidente)(?!\s*:))"
        r"(?:\s+(?:du|de\s+la)\s+(?:Groupe\s+de\s+travail|Comité|Commission)[^,:;.()\n]{{0,50}}?)?"
        rf"\s*[:,]?\s+(?:(?P<hon>{{hon}})\s+)?(?P<name>(?:(?:[{UPPER}][\w'’.-]*|(?:{{particles}}))\s+){{{{0,3}}}}[{UPPER}][\w'’-]+)(?:[\s.]*\((?P<state>(?:[^()\n]|\([^()\n]{{{{1,40}}}}\)){{{{2,80}}}})\)"
        r"|(?=\s*[,;:\n]|\s*$))"
    ),
    signed_chair=(
        r"(?:\(Signé\)\s+|,\s+|(?m:^))((?:[A-ZÀ-ÖØ-Þ][\w'’-]+\s+){1,3}[A-ZÀ-ÖØ-Þ][\w'’-]+)"
        r"(?:,\s+a\s+été\s+(?:ré)?élue?\s+(?:Président|Présidente)|\s+(?:Président|Présidente)\b"
        r"|,?\s+(?:a\s+présidé|a\s+(?:assuré|exercé)\s+la\s+présidence)\b)"
    ),
    chair_title=(r"(?:Président|Présidente)(?:\s+(?:du|de\s+la)\s+(?:Groupe\s+de\s+travail|Comité|Commission)\b.*)?"),
    meeting_start=(
        r"^(?:Les?|À\s+sa\s+(?:\w+\s+)?(?:séance|réunion)\s+du|À\s+ses\s+(?:\w+\s+)?(?:séances|réunions)\s+des"
        r"|Lors\s+de\s+sa\s+(?:\w+\s+)?(?:réunion|séance)(?:\s+tenue)?\s+(?:le|du)"
        r"|Lors\s+de\s+ses\s+(?:\w+\s+)?(?:réunions|séances)(?:\s+tenues)?\s+(?:les|des))\s+"
        r"(?P<date>{date}),?\s+(?:le\s+|la\s+|l['’])?"
        r"(?P<body>[A-ZÀ-ÖØ-Þ][^,.]{{0,80}}?)\s+(?P<verb>a\s+tenu|a\s+entendu|s['’]est\s+réunie?|"
        r"a\s+examiné|a\s+débattu|a\s+reçu|a\s+organisé|a\s+été\s+informée?|a\s+consacré)\b"
    ),
    # the body holds no verb (« Le Président a dit que le Groupe … s'est réuni le … » is no meeting)
    meeting_after=(
        r"^(?:Le|La|L['’])\s*(?P<body>[A-ZÀ-ÖØ-Þ](?:(?!\s(?:a|ont|avait|est|était|que|qui)\s|\ss['’])[^,.;])"
        r"{{0,100}}?)\s+(?P<verb>a\s+tenu|s['’]est\s+réunie?|a\s+organisé)\b[^.;]{{0,120}}?"
        r"\s+(?:le|les)\s+(?P<date>{date})"
    ),
    weekdays="lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    date_and=r"(?:\s*[-–]\s*|\s+(?:et|au)\s+(?:le\s+)?)",
    # a format word where a format is said (« par visioconférence », « une réunion hybride »): « l'Opération
    # hybride Union africaine/Nations Unies au Darfour » is a name, not a format
    formats=(
        (
            "videoconference",
            r"visioconférence|vidéoconférence|visio-conférence"
            r"|\b(?:réunions?|séances?|consultations?|format|forme|mode|manière)\s+virtuelles?\b",
        ),
        (
            "hybrid",
            r"\b(?:réunions?|séances?|consultations?|exposés?|format|formule|forme|mode|manière|modalités?)"
            r"\s+(?:\w+\s+)?hybrides?\b",
        ),
        ("in person", r"\ben personne\b|\ben présentiel\b"),
    ),
    quoted=r"[«“\"]\s*([^»”\"]{5,200}?)\s*[»”\"]",
    period=(
        r"(?:période\s+(?:allant\s+)?du\s+|\()(?P<a>{day_month}(?:\s+\d{{4}})?)(?:\s+au\s+|\s*[-–]\s*)"
        r"(?P<b>{date})"
    ),
    title_line=r"(?:Rapport|Rapport annuel)\b",
    front_item=(
        r"(?:Distribution\b|Original\b|Français$|\(Signé\)|Annexe\b|Lettre datée\b|Note du\b"
        r"|Table des matières$|Résumé$|Organisation des Nations Unies$|Nations Unies$|Conseil de sécurité$|Président(?:e)?\b"
        r"|(?:1er|\d{1,2}) [a-zéû]+ \d{4}$|[IVX]+\.\s|.*\.$)"
    ),
    title_open=r"(?:\b(?:au|du|de|des|la|le|les|et|sur|pour|concernant|par|à|en)|[-–])$",
    body_head=r"du|sur|créé|établi|concernant",
    body=(
        r"Groupe de travail du Conseil de sécurité sur (?:les |le |la |l['’])[\w'’-]+(?: [\w'’-]+){0,8}"
        r"|Comité du Conseil de sécurité (?:créé|établi) (?:par|en application de|conformément à) la résolution "
        r"\d{1,4} \(\d{4}\)(?: concernant [\w'’-]+(?: [\w'’-]+){0,6})?"
        r"|Comité du Conseil de sécurité [\w'’-]+(?: [\w'’-]+){0,6}"
    ),
    body_end=r"\s+(?:pour|adressée|a|était|est|tenue|au|présentée?|soumise?)\b",
    resolution_list=(
        r"\b[Rr]ésolutions?\s+"
        r"(?P<list>(?:(?:\d{1,4}\s*\(\d{4}\)|\d{1,3}/\d{1,4}[A-Z]?)(?:,\s*(?:et\s+)?|\s+et\s+)?)+)"
    ),
    body_before=r"(?!x)x$",
    body_after=r"\s+(?:du\s+Conseil\s+de\s+sécurité|du\s+Conseil|de\s+l['’]Assemblée\s+générale|de\s+l['’]Assemblée)",
    assembly="Assemblée",
    column_prefix="fr_",
    quote_open="«\u00a0",
    quote_close="\u00a0»",
    name="Français",
    function_words=frozenset(
        {"le", "la", "les", "des", "du", "et", "que", "ont", "une", "dans", "pour", "aux", "sur", "été", "est"}
    ),
    first_day="1er",
    colon="\u00a0:",
    semicolon="\u00a0; ",
    of_forms=(
        ("le", "du {name}"),
        ("les", "des {name}"),
        ("la", "de la {name}"),
        ("l'", "de l’{name}"),
        ("l’", "de l’{name}"),
        ("", "de {name}"),
    ),
    of_elision=("aeiouyàâéèêîïôûh", "d’{name}"),
    ask_by=r"par\s+",
    ask_by_article=r"(?:les|le|la|l['’])\s*",
    ask_clause=r"(?:^|[,;:(]\s*|\b(?:que|qu['’]|si|et|mais|tandis\s+que|alors\s+que|lorsque|quand|car|puisque)\s*)",
    ask_head_end=r"\s+(?:de|du|des|en|pour|sur|dans|avec|à|au|aux|par|chez)\s+|\s+d['’]",
    ask_and=r"\s+et\s+|,\s+",
    ask_article=r"^(?:les|le|la|l['’]|tous\s+les|toutes\s+les)\s*",
    noun_first=True,
    ask_pronoun_subject=r"^(?:il|elle|ce|cela|ceci|qui)$",
    ask_adverbs=r"[\w’'-]+ment|donc|aussi|également|ainsi|alors|en\s+outre",
    addressees=(
        # « a demandé (instamment) aux États hôtes de », « a recommandé au Conseil de »
        r"(?i)\b(?:demandé|recommandé|lancé\s+un\s+appel|adressé\s+un\s+appel)(?:\s+instamment)?\s+"
        r"(?P<who>(?:aux|au|à\s+la|à\s+l['’])\s*[\w’'-]+(?:\s+(?:et|de|du|des|la|le|les|d['’]|[\w’'-]+)){0,6}?)"
        r"\s+(?:de|d['’]|à|afin|pour)(?![\w])",
        # « a exhorté les États Membres à », « a invité le Secrétariat à », « a appelé les pays hôtes à »
        r"(?i)\b(?:exhorté|engagé|invité|appelé|prié|encouragé)\s+"
        r"(?P<who>(?:les|le|la|l['’])\s*[\w’'-]+(?:\s+(?:et|de|du|des|la|le|les|d['’]|[\w’'-]+)){0,6}?)"
        r"\s+(?:à|de|d['’])(?![\w])",
    ),
    and_word="et",
    hyphen_prefixes=frozenset({"non", "vice", "quasi", "sous"}),
    bare_capitals=True,
    sometimes_hyphenated=frozenset({"ex", "co", "post", "anti", "semi", "demi", "multi"}),
    addressee_trim=r"^(?:aux|au|à\s+la|à\s+l['’])\s*",
    not_who=frozenset({"il", "ils", "elle", "elles", "ce", "cela", "ceux", "celles"}),
    fig_digits=r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    fig_stop=r"(?:de|du|des|d['’]|en|à|au|aux|pour|par|avec|sur|dans|et\s+les?)(?![\w])",
    fig_of=r"(?:sur|des|parmi\s+les)",
    fig_currency_of=r"d['’]\s*|de\s+",
    fig_not_figures=(
        r"|\b(?:1er|\d{{1,2}})\s+(?:{m})(?:\s+\d{{4}})?"  # 1er janvier 2021
        r"|\brésolutions?\s+\d+(?:/\d+)?"
        r"|\b\d+(?:er|re|e|ème|ᵉ)\b"
    ),
)

#: Every language the kit reads, by code: English and French, and any defined in a data file (:func:`load_language`).
LANGUAGES: dict[str, Language] = {"en": _EN, "fr": _FR}
SUPPORTED = tuple(LANGUAGES)


def language(code: str | None) -> Language:
    """The :class:`Language` of a code (``"en"``, ``"fr"``); a clear ``ValueError`` for any other."""
    try:
        return LANGUAGES[(code or "en").lower()[:2]]
    except KeyError:
        raise ValueError(f"unsupported report language {code!r} (use one of: {', '.join(SUPPORTED)})") from None


def detect_language(text: str) -> str:
    """The code of the language whose function words (:attr:`Language.function_words`) are the most frequent
    in ``text``; the first language (English) on a tie.

    Function words are the surest signal on a few paragraphs: names and acronyms
    are shared by every version of a report, articles and conjunctions are not.
    """
    words = Counter(re.findall(r"[^\W\d_]+", text.lower()))  # each distinct word looked up once, not every word
    counts = {code: sum(words[w] for w in L.function_words) for code, L in LANGUAGES.items()}
    return max(counts, key=lambda code: counts[code])  # max keeps the first of equal counts


# ------------------------------------------------------------------------------------------------------------
# The words of document headers: what tells a summary record, a press release (meetings coverage) and a verbatim
# record apart, and where their header ends (kit.readers). Regex sources, matched against one stripped line.


@dataclass(frozen=True)
class DocumentWords:
    """Header and procedural lines of the document kinds in one language (used by :mod:`kit.readers`).

    Every pattern is matched against one stripped line; the named groups are what a reader keeps.
    """

    code: str
    record_title: str  # "Summary record of the 9th meeting": group title ("9th meeting")
    held: str  # "Held at Headquarters, New York, on Tuesday, 17 October 2023, at 3 p.m.": the line with the date
    chair: str  # "Chair: Mr. Lindqvist (Sweden)": group name
    later: str  # "later: Mr. Okafor (Vice-Chair)": group name
    opened: str  # "The meeting was called to order at 10.05 a.m."
    rose: str  # "The meeting rose at 1 p.m."
    procedural: str  # other lines of the document's own voice: suspended, resumed; a release's "began at ..."
    agenda: str  # an agenda-item heading: groups item, title
    meeting_line: str  # a press release's meeting line "9,391st Meeting (PM)", "2023 Session, 246th Meeting (AM)"
    media: str  # a press release's furniture: "For information media. Not an official record."
    session_line: str  # a press release's session line: "Seventy-eighth Session,", "Fifty-eighth General Assembly"
    numeric_date: str  # a press release's date line in figures, day first ("03/03/2003"): groups day, month, year
    end_mark: str  # the end of a press release ("* *** *")
    # older releases (1995-2005) that print no meeting line, read as a reader would (docs/document-kinds.md):
    run_in_date: str = NEVER  # a date in figures run into a line, year first ("19951115 ..."): groups year, month, day
    dateline: str = NEVER  # "NEW YORK, 24 October (UN Headquarters) --": groups day, month (a name), year (optional)
    covers_meeting: str = NEVER  # the words by which a first paragraph says it covers a meeting ("this morning")
    # verbatim records (S/PV.9391), read as docs/document-kinds.md says:
    speech_heading: str = NEVER  # "Mr. Koonjul (Mauritius) (spoke in French):" opening a speech: groups who, brackets
    chair_heading: str = NEVER  # the ``who`` of the presiding officer's heading ("The President", « La Présidente »)
    speech_verb: str = ""  # the verb-table form a heading's statement records ("said", « dit »): lemma "say"
    pv_title: str = NEVER  # a verbatim record's meeting line "9391st meeting", « 9391e séance »: group title
    members: str = NEVER  # "Members:" opening the list of the body's members and their representatives
    agenda_line: str = NEVER  # "Agenda" alone, above the agenda of a verbatim record
    pv_procedural: str = NEVER  # the record's own lines: "The agenda was adopted.", "A vote was taken ..."
    vote_list: str = NEVER  # "In favour:", "Against:", "Abstaining:" opening a list of States
    spoke_in: str = NEVER  # a heading's bracket that says the language of the speech: "(spoke in French)"


_DOCUMENT_WORDS = {
    "en": DocumentWords(
        code="en",
        record_title=r"^(?i:Summary\s+record\s+of\s+the)\s+(?P<title>\d+(?:st|nd|rd|th)\s+(?i:meeting))\b",
        held=r"^Held\s+at\s+\S",
        chair=r"^(?:Chair|Chairman|Chairperson|Chairwoman|President)\s*:\s*(?P<name>\S.*)$",
        later=r"^later\s*:\s*(?P<name>\S.*)$",
        opened=r"^The\s+meeting\s+was\s+called\s+to\s+order\b",
        rose=r"^The\s+meeting\s+rose\b",
        procedural=r"^The\s+meeting\s+(?:was\s+(?:suspended|resumed)|began|opened)\s+at\b.{0,120}$",
        agenda=r"^(?i:Agenda\s+items?)\s+(?P<item>\d+\s*(?:\([a-z]\))?(?:\s*(?:and|,)\s*\d+\s*(?:\([a-z]\))?)*)"
        r"\s*(?:[:.–-]\s*|\s+)(?P<title>\S.*)?$",
        meeting_line=r"^(?P<title>(?:[^,\d][^,]{0,40},\s*|\d{4}\s+Session,\s*)?"
        r"\d{1,3}(?:,?\d{3})*(?:st|nd|rd|th)(?:\s+(?:and|&)\s+\d{1,3}(?:,?\d{3})*(?:st|nd|rd|th))?"
        r"\s+(?:\w+\s+)?Meeting(?:s)?\*?"
        r"(?:\s*\((?:AM|PM|Night|AM\s*&\s*PM)\))?)$",
        media=r"^(?:For\s+information\s+media\b|Not\s+an\s+official\s+record\b|Meetings\s+Coverage\b"
        r"|Press\s+Release\b|Note\s*:\s*Following\s+is\s+a\s+partial\s+summary\b)",
        session_line=r"^(?:[A-Z][a-z]+-)?[a-z]*(?:[Tt]h|[Ff]irst|[Ss]econd|[Tt]hird)\s+(?:General\s+Assembly|Session)\b"
        r"|^\d{4}\s+(?:Substantive\s+)?Session,?$|^(?:(?:First|Second)\s+Part\s+of\s+)?Resumed\s+Session,?$",
        numeric_date=r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$",
        end_mark=r"^\*\s*\*{3}\s*\*$",
        run_in_date=r"^(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:\s|$)",
        dateline=r"^[A-Z][A-Z .'-]{1,30},\s+(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)(?:\s+(?P<year>\d{4}))?"
        r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–)",
        covers_meeting=r"\b(?:this\s+(?:morning|afternoon|evening)|today|tonight)\b",
        # "The Secretary-General, Ban Ki-moon:" (a title, then the name), "Mr. Koonjul (Mauritius):"
        speech_heading=r"^(?P<who>The\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:,\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)?"
        r"|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+"
        r"[^:()\n]{1,60}?)(?P<brackets>(?:\s*\((?:[^()\n]|\([^()\n]{1,40}\)){2,100}\)){0,3})\s*:\s*(?=\S)",
        chair_heading=r"^The\s+(?:Acting\s+)?(?:President|Chair|Chairman|Chairperson)$",
        speech_verb="said",
        pv_title=r"^(?P<title>\d{1,5}(?:st|nd|rd|th)\s+(?i:meeting))$",
        members=r"^Members\s*:",
        agenda_line=r"^Agenda$",
        pv_procedural=r"^(?:The\s+agenda\s+was\s+adopted|The\s+members\s+of\s+the\s+(?:Council|Assembly|Committee)\s+"
        r"observed|A\s+(?:recorded\s+)?vote\s+was\s+taken|The\s+draft\s+resolution\s+(?:received|was\s+adopted)"
        r"|The\s+President\s+returned\s+to\s+the\s+Chair|The\s+meeting\s+(?:was\s+)?(?:suspended|resumed))\b",
        vote_list=r"^(?:In\s+favour|Against|Abstaining)\s*:",
        spoke_in=r"^(?:spoke|speaking)\s+in\s+\w+$",
    ),
    "fr": DocumentWords(
        code="fr",
        record_title=r"^(?i:Compte\s+rendu\s+analytique\s+de\s+la)\s+(?P<title>\d+(?:e|re|ère|ème)\s+(?i:séance))\b",
        held=r"^[Tt]enue\s+au\s+\S",
        chair=r"^(?:Président|Présidente)\s*:\s*(?P<name>\S.*)$",
        later=r"^(?:puis|ensuite)\s*:\s*(?P<name>\S.*)$",
        opened=r"^La\s+séance\s+est\s+ouverte\b",
        rose=r"^La\s+séance\s+est\s+levée\b",
        procedural=r"^La\s+séance\s+(?:est\s+(?:suspendue|reprise)|a\s+(?:commencé|débuté))\s+à\b.{0,120}$",
        agenda=r"^(?i:Points?)\s+(?P<item>\d+\s*(?:\([a-z]\))?(?:\s*(?:et|,)\s*\d+\s*(?:\([a-z]\))?)*)\s+(?i:de)\s+"
        r"(?i:l['’]ordre\s+du\s+jour)\s*(?:[:.–-]\s*|\s+)?(?P<title>\S.*)?$",
        meeting_line=r"^(?P<title>(?:[^,\d][^,]{0,40},\s*)?\d{1,3}(?:[ \u00a0\u202f.]?\d{3})*(?:e|ème)"
        r"(?:\s+(?:et|&)\s+\d{1,3}(?:[ \u00a0\u202f.]?\d{3})*(?:e|ème))?\s+séances?(?:\s+plénières?)?\*?"
        r"(?:\s*[–-]?\s*(?:matin|après[- ]midi|soir|nuit)"
        r"(?:\s+(?:&|et)\s+(?:après[- ]midi|soir|nuit))?)?)$",
        media=r"^(?:Couverture\s+des\s+réunions\b|Documents?\s+officiels?\b|Communiqué\s+de\s+presse\b"
        r"|Ce\s+document\s+n['’]est\s+pas\s+un\s+document\s+officiel\b|Pour\s+information\b"
        r"|N(?:ote|\.\s?B\.)\s*:.{0,60}\brésumé\s+partiel\b)",
        session_line=r"^(?:[A-ZÉ][a-zé]+-)?[a-zé]*(?:ième|[Pp]remière)\s+(?:session|Assemblée\s+générale)\b"
        r"|^Session\s+de\s+fond\s+(?:de\s+)?\d{4},?$"
        r"|^(?:(?:Première|Deuxième)\s+partie\s+de\s+la\s+)?[Rr]eprise\s+de\s+session,?$",
        numeric_date=r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$",
        end_mark=r"^\*\s*\*{3}\s*\*$",
        run_in_date=r"^(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:\s|$)",
        dateline=r"^[A-Z][A-Z .'-]{1,30},\s+(?P<day>\d{1,2})(?:er)?\s+(?P<month>[a-zéû]+)(?:\s+(?P<year>\d{4}))?"
        r"\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–)",
        covers_meeting=r"\b(?:ce\s+matin|cet\s+après-midi|ce\s+soir|aujourd['’]hui)\b",
        speech_heading=r"^(?P<who>(?:Le|La|L['’])\s*(?:[A-ZÉ][\w-]*\s+){0,3}?[A-ZÉ][\w-]*(?:\s+[a-zé][\w-]*){0,2}"
        r"(?:,\s+(?:[A-ZÉ][\w'’-]*\s+){0,3}[A-ZÉ][\w'’-]*)?"
        r"|(?:M|Mme|Mlle|Dr|Sir)\.?\s+[^:()\n]{1,60}?)"
        r"(?P<brackets>(?:\s*\((?:[^()\n]|\([^()\n]{1,40}\)){2,100}\)){0,3})\s*:\s*(?=\S)",
        chair_heading=r"^(?:Le\s+Président|La\s+Présidente)(?:\s+par\s+intérim)?$",
        speech_verb="dit",
        pv_title=r"^(?P<title>\d{1,5}(?:e|re|ère)\s+(?i:séance))$",
        members=r"^Membres\s*:",
        agenda_line=r"^Ordre\s+du\s+jour$",
        pv_procedural=r"^(?:L['’]ordre\s+du\s+jour\s+est\s+adopté|Les\s+membres\s+du\s+(?:Conseil|Comité)\s+observent"
        r"|Il\s+est\s+procédé\s+au\s+vote|Le\s+projet\s+de\s+résolution\s+(?:recueille|a\s+recueilli|est\s+adopté)"
        r"|(?:Le\s+Président|La\s+Présidente)\s+reprend\s+la\s+présidence|La\s+séance\s+est\s+(?:suspendue|reprise))\b",
        vote_list=r"^(?:Votent\s+pour|Votent\s+contre|S['’]abstiennent|Abstentions?)\s*:",
        spoke_in=r"^(?:parle|a\s+parlé)\s+en\s+\w+$",
    ),
}


def document_words(code: str | None = None) -> DocumentWords | tuple[DocumentWords, ...]:
    """The header words of one language, or of every language (a tuple) when ``code`` is ``None``: a reader that
    has not yet detected the language tries them all.

    >>> document_words("fr").code, len(document_words())
    ('fr', 2)
    """
    if code is None:
        return tuple(_DOCUMENT_WORDS.values())
    L = language(code)  # a clear error for a language the kit does not read
    try:
        return _DOCUMENT_WORDS[L.code]
    except KeyError:
        raise ValueError(
            f"no document header words for language {L.code!r} (a [document] table in its language file)"
        ) from None


# ------------------------------------------------------------------------------------------------------------
# Languages defined by data: a TOML file per language under the reference folder's ``languages/``.


class LanguageFileError(ValueError):
    """A language file that cannot define a language: its path and what is wrong with it."""


_REQUIRED = tuple(f.name for f in fields(Language) if f.default is MISSING and f.default_factory is MISSING)


def _field_value(kind: str, value: Any) -> Any:
    """A TOML value as the :class:`Language` field of type ``kind`` holds it (lists become tuples or sets)."""
    if kind.startswith("frozenset"):
        return frozenset(value)
    if kind.startswith("tuple[tuple"):
        return tuple(tuple(pair) for pair in value)
    if kind.startswith("tuple"):
        return tuple(value)
    return value


def language_from_mapping(data: Mapping[str, Any], source: str = "a language definition") -> Language:
    """The :class:`Language` a mapping defines (as a TOML file reads): every field of :class:`Language` by name,
    lists for tuples and sets; a ``document`` table holds :class:`DocumentWords` (optional).

    Raises :class:`LanguageFileError` naming ``source`` and the fields missing, unknown or of the wrong type.

    >>> xx = language_from_mapping({**{f: getattr(LANGUAGES["en"], f) for f in _REQUIRED}, "code": "xx"})
    >>> xx.code, xx.colon, xx.months[0]
    ('xx', ':', 'january')
    >>> language_from_mapping({"code": "xx", "colour": "red"}, "xx.toml")
    Traceback (most recent call last):
    ...
    kit.language.LanguageFileError: xx.toml: unknown fields: colour
    """
    types = {f.name: str(f.type) for f in fields(Language)}
    values = {k: v for k, v in data.items() if k != "document"}
    unknown = sorted(set(values) - set(types))
    missing = [name for name in _REQUIRED if name not in values]
    if unknown:
        raise LanguageFileError(f"{source}: unknown fields: {', '.join(unknown)}")
    if missing:
        shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
        raise LanguageFileError(f"{source}: missing fields: {shown} ({len(missing)} in all: see kit/language.py)")
    try:
        lang = Language(**{k: _field_value(types[k], v) for k, v in values.items()})
    except TypeError as e:
        raise LanguageFileError(f"{source}: {e}") from None
    for name, kind in types.items():
        value = getattr(lang, name)
        if kind == "str" and not isinstance(value, str) or kind == "bool" and not isinstance(value, bool):
            raise LanguageFileError(f"{source}: field {name} must be a {kind}, not {type(value).__name__}")
        if kind == "str" and name not in _TEMPLATES:
            try:
                re.compile(value)
            except re.error as e:
                raise LanguageFileError(f"{source}: field {name} is not a valid pattern ({e})") from None
    return lang


# fields that are templates (str.format), not regex sources, or plain text
_TEMPLATES = frozenset(
    {
        "code",
        "name",
        "day",
        "first_day",
        "colon",
        "semicolon",
        "quote_open",
        "quote_close",
        "name_column",
        "theme_label",
        "column_prefix",
        "assembly",
        "appositive_hint",
        "introduced",
        "meeting_start",
        "meeting_after",
        "period",
        "fig_not_figures",
        "coord_first",
    }
)


def register(lang: Language, words: DocumentWords | None = None) -> Language:
    """Make ``lang`` (and its document header ``words``) one of the languages the kit reads."""
    global SUPPORTED
    LANGUAGES[lang.code] = lang
    SUPPORTED = tuple(LANGUAGES)
    if words is not None:
        _DOCUMENT_WORDS[lang.code] = words
    return lang


def load_language(path: str | Path) -> Language:
    """Read a language file (TOML, see ``CONTRIBUTING.md``, "Adding a language") and :func:`register` it.

    The file holds every field of :class:`Language` (``code = "es"``, ``months = ["enero", ...]``, regex
    sources as TOML literal strings ``'...'``) and, optionally, a ``[document]`` table of :class:`DocumentWords`.
    """
    import tomllib

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise LanguageFileError(f"{path}: {e}") from None
    lang = language_from_mapping(data, str(path))
    words = None
    if "document" in data:
        try:
            words = DocumentWords(code=lang.code, **data["document"])
        except TypeError as e:
            raise LanguageFileError(f"{path} [document]: {e}") from None
    return register(lang, words)


def language_files(folder: str | Path | None = None) -> list[Path]:
    """The language files the kit reads: ``languages/*.toml`` in the shipped reference folder and in ``folder``
    (default ``KIT_REFERENCE_DIR``); a file of the trainer's folder replaces the shipped one of the same name."""
    found: dict[str, Path] = {}
    for base in (SHIPPED_REFERENCE_DIR, Path(folder) if folder is not None else REFERENCE_DIR):
        for path in sorted((base / "languages").glob("*.toml")):
            found[path.name] = path
    return list(found.values())


def _load_all() -> None:
    """Register the language files of the reference folders. A file that cannot define a language is named in
    a warning and left out, so a trainer's broken file never stops the kit (English and French still work)."""
    for path in language_files():
        try:
            load_language(path)
        except LanguageFileError as e:
            warnings.warn(f"{e} (this language is left out)", stacklevel=2)


_load_all()
