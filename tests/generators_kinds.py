"""Generated summary records, meetings coverage (press releases) and verbatim records, in English and French,
with their answers.

Invented documents of the two kinds the readers add beside the annual report, laid out as the UN prints them
(a summary record: symbol, "Summary record of the 9th meeting", "Held at Headquarters, New York, on ...",
"Chair: ...", "The meeting was called to order ...", numbered paragraphs, "The meeting rose ..."; a press
release: meeting line, symbol, date line, headline, then unnumbered paragraphs and the end mark "* *** *"). Each
comes with the (paragraph, speaker) pairs a reader would mark, in the kit's ids, so tests can check
invariants and benchmarks can parse many distinct documents (``benchmarks/parse_benchmark.py
--summary-records N --meetings-coverage N``). Every text is written here; no real document is copied.

The speakers are Member States of the reference tables (whose names hold no parenthesis, so "Mr. X (State)"
reads plainly) and invented officials (``person:<surname>``); the paragraphs with a speaker of their own use
the forms real documents use (see ``benchmarks/real_documents/annotations.csv``), and a paragraph without a
subject continues the speaker before it.

Examples
--------
>>> doc = summary_record(3, "en", n_paras=6)
>>> doc.kind, doc.lang, doc.text.splitlines()[0]
('summary_record', 'en', 'A/C.4/73/SR.4')
>>> sorted({p for p, _ in doc.expected}) == [p for p in range(1, 7) if p not in doc.narrative]
True
>>> mc = meetings_coverage(5, "fr", n_paras=5)
>>> mc.text.splitlines()[1], mc.text.rstrip().splitlines()[-1]
('CS/10005', '* *** *')
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["Generated", "summary_record", "meetings_coverage", "verbatim_record", "write_corpus", "KINDS"]

KINDS = ("summary_record", "meetings_coverage", "verbatim_record")

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
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
    ],
}
DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
}
ORDINAL_WORDS = [
    "Seventieth",
    "Seventy-first",
    "Seventy-second",
    "Seventy-third",
    "Seventy-fourth",
    "Seventy-fifth",
    "Seventy-sixth",
    "Seventy-seventh",
    "Seventy-eighth",
    "Seventy-ninth",
]
ORDINAL_WORDS_FR = [
    "Soixante-dixième",
    "Soixante et onzième",
    "Soixante-douzième",
    "Soixante-treizième",
    "Soixante-quatorzième",
    "Soixante-quinzième",
    "Soixante-seizième",
    "Soixante-dix-septième",
    "Soixante-dix-huitième",
    "Soixante-dix-neuvième",
]

# Invented reported speech: what delegations and officials say in these meetings.
CLAIMS = {
    "en": [
        "peacekeeping operations needed clear and achievable mandates",
        "the safety and security of peacekeepers remained a priority",
        "troop- and police-contributing countries should be consulted before any change of mandate",
        "women should take part in every stage of peace operations",
        "the reimbursement of contributing countries had to be timely",
        "missions should be given the resources their mandates required",
        "the protection of civilians was at the heart of peacekeeping",
        "training before deployment had improved the performance of units",
    ],
    "fr": [
        "les opérations de maintien de la paix avaient besoin de mandats clairs et réalisables",
        "la sûreté et la sécurité des Casques bleus restaient une priorité",
        "les pays fournisseurs de contingents devaient être consultés avant tout changement de mandat",
        "les femmes devaient participer à chaque étape des opérations de paix",
        "le remboursement des pays contributeurs devait être rapide",
        "les missions devaient recevoir les ressources que leur mandat exigeait",
        "la protection des civils était au cœur du maintien de la paix",
        "la formation préalable au déploiement avait amélioré les résultats des unités",
    ],
}
FOLLOW_UPS = {
    "en": [
        "The budget of each mission should follow from its mandate, not the reverse.",
        "Host countries had to be consulted at every stage.",
        "Regional organizations could support the work of the missions.",
        "Sexual exploitation and abuse called for zero tolerance.",
    ],
    "fr": [
        "Le budget de chaque mission devait découler de son mandat, et non l'inverse.",
        "Les pays hôtes devaient être consultés à chaque étape.",
        "Les organisations régionales pouvaient appuyer le travail des missions.",
        "L'exploitation et les atteintes sexuelles appelaient une tolérance zéro.",
    ],
}
NARRATIVE = {  # by kind: a committee's summary record, the Security Council's press release
    ("summary_record", "en"): [
        "The Committee continued its consideration of the item, on which it heard {k} speakers.",
        "The Committee took note of the documents before it under the item.",
    ],
    ("summary_record", "fr"): [
        "La Commission a poursuivi l'examen de la question, au titre de laquelle elle a entendu {k} orateurs.",
        "La Commission a pris note des documents dont elle était saisie au titre de la question.",
    ],
    ("meetings_coverage", "en"): [
        "The Council continued its debate on peacekeeping, in which {k} speakers took part.",
        "The meeting was suspended and resumed later in the day.",
    ],
    ("meetings_coverage", "fr"): [
        "Le Conseil a poursuivi son débat sur le maintien de la paix, auquel {k} orateurs ont pris part.",
        "La séance a été suspendue, puis reprise dans la journée.",
    ],
}
TITLES = {"en": "Director of the Division for Peacekeeping Training", "fr": "Directeur de la Division de la formation"}
SURNAME_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "do")
GIVEN = ("Anna", "Pedro", "Amina", "Kofi", "Lena", "Omar")
VOWELS = tuple("AEIOUÉÈÊÎÏÔÖÛÜH")


@dataclass
class Generated:
    """One generated document and its answers.

    Attributes
    ----------
    text : str
        The document, as a plain-text file would hold it.
    kind, lang, symbol : str
        ``summary_record`` or ``meetings_coverage``; ``en`` or ``fr``; the document symbol it prints.
    expected : set of (int, str)
        The (paragraph, speaker id) pairs a reader marks; paragraphs numbered as the reader numbers them.
    narrative : set of int
        The paragraphs that report no one's words.
    """

    text: str
    kind: str
    lang: str
    symbol: str
    expected: set[tuple[int, str]] = field(default_factory=set)
    narrative: set[int] = field(default_factory=set)


@lru_cache(maxsize=1)
def _states() -> tuple[dict, ...]:
    from kit.gazetteer import load_gazetteer

    return tuple(
        r
        for r in load_gazetteer().state_rows
        if r["status"] == "member" and "(" not in r["un_name"] and "," not in r["un_name"]
    )


def _surname(i: int) -> str:
    return "".join(SURNAME_SYLLABLES[int(c)] for c in str(i)).title() + "ndo"


def de(form: str) -> str:
    """« de » + a French running form with its article: « du Mexique », « de la France », « des Palaos ».

    The one definition of the tests' French « de »: the French generators of ``tests/test_properties.py`` and
    the other tests that generate French text import it from here.
    """
    if form.startswith("le "):
        return "du " + form[3:]
    if form.startswith("les "):
        return "des " + form[4:]
    if form.startswith(("la ", "l'")):
        return "de " + form
    return ("d'" if form.startswith(VOWELS) else "de ") + form


def _running(row: dict, lang: str) -> str:
    """The State in running text: "the Netherlands", "Mexico"; « le Mexique »."""
    if lang == "fr":
        return row["fr_running_names"].split("|")[0]
    first = row["running_names"].split("|")[0]
    return f"the {first}" if row["article"] == "the" else first


def _short(row: dict, lang: str) -> str:
    """The State as a summary record prints it after a name: "(Nigeria)", « (Nigéria) »."""
    return row["fr_name"] if lang == "fr" else row["un_name"]


def _date(rng: random.Random, lang: str) -> tuple[int, int, int, str]:
    year, month, day = rng.randrange(2015, 2025), rng.randrange(12), rng.randrange(1, 29)
    weekday = DAYS[lang][rng.randrange(5)]
    return year, month, day, weekday


def _claim(rng: random.Random, lang: str) -> str:
    return rng.choice(CLAIMS[lang])


def _paragraphs(rng: random.Random, kind: str, lang: str, n: int, statement) -> tuple[list[str], set, set]:
    """``n`` paragraphs: statements (``statement(rng, p)`` gives the text and speaker), continuations, narrative."""
    paras, expected, narrative = [], set(), set()
    last = None
    for p in range(1, n + 1):
        roll = rng.random()
        if p > 1 and last is not None and roll < 0.2:  # a continuation: no subject of its own
            paras.append(" ".join(rng.sample(FOLLOW_UPS[lang], 2)))
            expected.add((p, last))
        elif roll < 0.28:
            paras.append(rng.choice(NARRATIVE[kind, lang]).format(k=rng.randrange(5, 40)))
            narrative.add(p)
            last = None
        else:
            text, speaker = statement(rng, p)
            paras.append(text)
            expected.add((p, speaker))
            last = speaker
    return paras, expected, narrative


def _sr_statement(lang: str):
    states = _states()

    def statement(rng: random.Random, p: int) -> tuple[str, str]:
        row = states[rng.randrange(len(states))]
        surname = _surname(rng.randrange(1, 999))
        if lang == "fr":
            honorific = rng.choice(["M.", "Mme"])
            verb = rng.choice(["dit que", "déclare que", "souligne que"])
            text = f"{honorific} {surname} ({_short(row, lang)}) {verb} {_claim(rng, lang)}."
        else:
            honorific = rng.choice(["Mr.", "Ms.", "Mrs."])
            verb = rng.choice(["said that", "stressed that", "noted that"])
            text = f"{honorific} {surname} ({_short(row, lang)}) {verb} {_claim(rng, lang)}."
        return text + " " + rng.choice(FOLLOW_UPS[lang]), row["iso3"]

    return statement


def summary_record(seed: int, lang: str = "en", n_paras: int = 30) -> Generated:
    """A summary record of ``n_paras`` numbered paragraphs, its meeting dated in its header.

    Examples
    --------
    >>> doc = summary_record(1, "fr", n_paras=4)
    >>> [line for line in doc.text.splitlines() if line.startswith("Tenue")]  # doctest: +ELLIPSIS
    ['Tenue au Siège, à New York, le ... à 15 heures']
    """
    rng = random.Random(f"sr-{lang}-{seed}")
    session = 70 + seed % 10
    meeting = 1 + seed % 60
    committee = rng.choice(["C.4", "C.5"])
    symbol = f"A/{committee}/{session}/SR.{meeting}"
    year, month, day, weekday = _date(rng, lang)
    chair_row = _states()[rng.randrange(len(_states()))]
    chair = _surname(seed + 1000)
    paras, expected, narrative = _paragraphs(rng, "summary_record", lang, n_paras, _sr_statement(lang))
    if lang == "fr":
        body = (
            "Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission)"
            if committee == "C.4"
            else "Cinquième Commission"
        )
        head = [
            symbol,
            "Assemblée générale",
            f"{ORDINAL_WORDS_FR[session - 70]} session",
            "Documents officiels",
            "",
            body,
            "",
            f"Compte rendu analytique de la {meeting}e séance",
            "",
            f"Tenue au Siège, à New York, le {weekday} {day} {MONTHS[lang][month]} {year}, à 15 heures",
            "",
            f"Président : M. {chair} ........................ ({_short(chair_row, lang)})",
            "",
            "La séance est ouverte à 15 h 5.",
            "",
            "Point 52 de l'ordre du jour : Étude d'ensemble de toute la question des opérations de maintien "
            "de la paix sous tous leurs aspects (suite)",
            "",
        ]
        tail = ["La séance est levée à 18 heures."]
    else:
        body = (
            "Special Political and Decolonization Committee (Fourth Committee)"
            if committee == "C.4"
            else "Fifth Committee"
        )
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(meeting % 10 if meeting % 100 not in (11, 12, 13) else 0, "th")
        head = [
            symbol,
            "General Assembly",
            f"{ORDINAL_WORDS[session - 70]} session",
            "Official Records",
            "",
            body,
            "",
            f"Summary record of the {meeting}{suffix} meeting",
            "",
            f"Held at Headquarters, New York, on {weekday}, {day} {MONTHS[lang][month]} {year}, at 3 p.m.",
            "",
            f"Chair: Mr. {chair} ........................ ({_short(chair_row, lang)})",
            "",
            "The meeting was called to order at 3.05 p.m.",
            "",
            "Agenda item 52: Comprehensive review of the whole question of peacekeeping operations in all "
            "their aspects (continued)",
            "",
        ]
        tail = ["The meeting rose at 6 p.m."]
    body_lines = []
    for p, text in enumerate(paras, 1):
        body_lines += [f"{p}. {text}", ""]
    return Generated("\n".join(head + body_lines + tail) + "\n", "summary_record", lang, symbol, expected, narrative)


def _mc_statement(lang: str):
    states = _states()

    def statement(rng: random.Random, p: int) -> tuple[str, str]:
        form = rng.randrange(4)
        if form == 3:  # an official, introduced after the verb
            surname = _surname(rng.randrange(1, 999))
            given = rng.choice(GIVEN)
            if lang == "fr":
                return (
                    f"« Nous devons faire plus », a déclaré {given} {surname}, {TITLES[lang]}, ajoutant que "
                    f"{_claim(rng, lang)}.",
                    f"person:{surname.lower()}",
                )
            return (
                f"“We must do more,” said {given} {surname}, {TITLES[lang]}, adding that {_claim(rng, lang)}.",
                f"person:{surname.lower()}",
            )
        row = states[rng.randrange(len(states))]
        name = _running(row, lang)
        if lang == "fr":
            if form == 0:
                text = f"Le représentant {de(name)} a déclaré que {_claim(rng, lang)}."
            elif form == 1:
                text = f"La représentante {de(name)} a souligné que {_claim(rng, lang)}."
            else:
                text = f"Pour sa part, le représentant {de(name)} a estimé que {_claim(rng, lang)}."
        elif form == 0:
            text = f"The representative of {name} said that {_claim(rng, lang)}."
        elif form == 1:
            text = f"Speaking for a group of States, the representative of {name} stressed that {_claim(rng, lang)}."
        elif row["article"]:
            text = f"The representative of {name} emphasized that {_claim(rng, lang)}."
        else:
            text = f"{name}'s delegate said that {_claim(rng, lang)}."
        return text + " " + rng.choice(FOLLOW_UPS[lang]), row["iso3"]

    return statement


def meetings_coverage(seed: int, lang: str = "en", n_paras: int = 30) -> Generated:
    """A press release covering one meeting: header block, then ``n_paras`` unnumbered paragraphs.

    Examples
    --------
    >>> doc = meetings_coverage(2, "en", n_paras=3)
    >>> doc.text.splitlines()[:3]  # doctest: +ELLIPSIS
    ['9,002nd Meeting (AM)', 'SC/10002', '4 August 2017']
    """
    rng = random.Random(f"mc-{lang}-{seed}")
    number = 10000 + seed
    meeting = 9000 + seed % 1000
    year, month, day, _ = _date(rng, lang)
    paras, expected, narrative = _paragraphs(rng, "meetings_coverage", lang, n_paras, _mc_statement(lang))
    if lang == "fr":
        symbol = f"CS/{number}"
        head = [
            f"{meeting}e séance – matin",
            symbol,
            f"{day} {MONTHS[lang][month]} {year}",
            "",
            "Le Conseil de sécurité examine les opérations de maintien de la paix",
            "",
        ]
    else:
        symbol = f"SC/{number}"
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(meeting % 10 if meeting % 100 not in (11, 12, 13) else 0, "th")
        head = [
            f"{meeting:,}{suffix} Meeting (AM)",
            symbol,
            f"{day} {MONTHS[lang][month]} {year}",
            "",
            "Security Council Considers Peacekeeping Operations",
            "",
        ]
    body_lines = []
    for text in paras:
        body_lines += [text, ""]
    return Generated(
        "\n".join(head + body_lines + ["* *** *"]) + "\n", "meetings_coverage", lang, symbol, expected, narrative
    )


# First-person speech, as verbatim records print it: what a speaker says after the heading.
SPEECH = {
    "en": [
        "I thank the briefers for their presentations.",
        "Peacekeeping operations need clear and achievable mandates.",
        "The safety and security of peacekeepers remains our priority.",
        "We call for the full participation of women in peace operations.",
        "Our country will continue to contribute troops and police.",
        "Missions must be given the resources their mandates require.",
    ],
    "fr": [
        "Je remercie les intervenants de leurs exposés.",
        "Les opérations de maintien de la paix ont besoin de mandats clairs et réalisables.",
        "La sûreté et la sécurité des Casques bleus restent notre priorité.",
        "Nous demandons la pleine participation des femmes aux opérations de paix.",
        "Notre pays continuera de fournir des contingents et des policiers.",
        "Les missions doivent recevoir les ressources que leur mandat exige.",
    ],
}
PROCEDURAL_PV = {
    "en": ["The members of the Council observed a minute of silence.", "A vote was taken by show of hands."],
    "fr": ["Les membres du Conseil observent une minute de silence.", "Il est procédé au vote à main levée."],
}


def verbatim_record(seed: int, lang: str = "en", n_paras: int = 30) -> Generated:
    """A Security Council verbatim record: header, President, Members, then speeches under their headings.

    A speech is a heading paragraph ("Mr. X (State):", "The President:", an official "Mr. X:") and perhaps
    paragraphs that continue it; the record's own lines (a minute of silence, a vote) sit between speeches and
    are not paragraphs. ``expected`` numbers the paragraphs as the reader does (1..n over the speeches' blocks).

    Examples
    --------
    >>> doc = verbatim_record(4, "fr", n_paras=5)
    >>> doc.text.splitlines()[0], doc.kind, len({p for p, _ in doc.expected})
    ('Nations Unies  S/PV.9004', 'verbatim_record', 5)
    """
    rng = random.Random(f"pv-{lang}-{seed}")
    meeting = 9000 + seed % 1000
    symbol = f"S/PV.{meeting}"
    year, month, day, weekday = _date(rng, lang)
    states = _states()
    chair_row = states[rng.randrange(len(states))]
    chair = _surname(seed + 2000)
    official = _surname(seed + 3000)
    members = [states[rng.randrange(len(states))] for _ in range(5)]
    blocks: list[str] = []
    expected: set[tuple[int, str]] = set()
    p, speaker = 0, None
    while p < n_paras:
        roll = rng.random()
        if speaker is not None and roll < 0.25:  # the speech goes on
            blocks.append(" ".join(rng.sample(SPEECH[lang], 2)))
        elif speaker is not None and roll < 0.32:  # the record's own line: not a paragraph, ends nothing
            blocks.append(rng.choice(PROCEDURAL_PV[lang]))
            continue
        else:
            form = rng.randrange(4)
            if form == 0:
                head, speaker = (
                    ("Le Président (parle en anglais) :" if lang == "fr" else "The President:"),
                    (f"person:{chair.lower()}"),
                )
            elif form == 1:
                head, speaker = (
                    (f"M. {official} :" if lang == "fr" else f"Mr. {official}:"),
                    f"person:{official.lower()}",
                )
            else:
                row = members[rng.randrange(len(members))]
                hon = rng.choice(["M.", "Mme"] if lang == "fr" else ["Mr.", "Ms.", "Mrs."])
                spoke = rng.choice(["", " (parle en anglais)"] if lang == "fr" else ["", " (spoke in French)"])
                colon = " :" if lang == "fr" else ":"
                head, speaker = (
                    f"{hon} {_surname(rng.randrange(1, 999))} ({_short(row, lang)}){spoke}{colon}",
                    row["iso3"],
                )
            blocks.append(f"{head} {' '.join(rng.sample(SPEECH[lang], 2))}")
        p += 1
        expected.add((p, speaker))
    if lang == "fr":
        head_lines = [
            f"Nations Unies  {symbol}",
            "Conseil de sécurité",
            "Soixante-dix-huitième année",
            "",
            f"{meeting}e séance",
            f"{weekday.capitalize()} {day} {MONTHS[lang][month]} {year}, à 15 heures",
            "New York",
            "",
            f"Président : M. {chair} . . . . . . . . . . ({_short(chair_row, lang)})",
            "",
            "Membres :  "
            + "\n           ".join(
                f"{_short(r, lang)} . . . . . . M. {_surname(i + 7)}" for i, r in enumerate(members)
            ),
            "",
            "Ordre du jour",
            "",
            "Opérations de maintien de la paix des Nations Unies",
            "",
            "La séance est ouverte à 15 h 5.",
            "",
        ]
        tail = ["La séance est levée à 18 heures."]
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(meeting % 10 if meeting % 100 not in (11, 12, 13) else 0, "th")
        head_lines = [
            f"United Nations  {symbol}",
            "Security Council",
            "Seventy-eighth year",
            "",
            f"{meeting}{suffix} meeting",
            f"{weekday}, {day} {MONTHS[lang][month]} {year}, 3 p.m.",
            "New York",
            "",
            f"President: Mr. {chair} . . . . . . . . . . ({_short(chair_row, lang)})",
            "",
            "Members:   "
            + "\n           ".join(
                f"{_short(r, lang)} . . . . . . Mr. {_surname(i + 7)}" for i, r in enumerate(members)
            ),
            "",
            "Agenda",
            "",
            "United Nations peacekeeping operations",
            "",
            "The meeting was called to order at 3.05 p.m.",
            "",
        ]
        tail = ["The meeting rose at 6 p.m."]
    body = [line for block in blocks for line in (block, "")]
    return Generated("\n".join(head_lines + body + tail) + "\n", "verbatim_record", lang, symbol, expected, set())


GENERATORS = {
    "summary_record": summary_record,
    "meetings_coverage": meetings_coverage,
    "verbatim_record": verbatim_record,
}


def write_corpus(folder: Path, n: int, kind: str, *, seed: int = 0, n_paras: int = 30) -> list[Generated]:
    """Write ``n`` documents of ``kind`` to ``folder``, English and French alternating; return them.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     docs = write_corpus(Path(d), 4, "summary_record", n_paras=3)
    ...     sorted(p.name for p in Path(d).iterdir())[:2], [g.lang for g in docs]
    (['summary_record-0000.txt', 'summary_record-0001.txt'], ['en', 'fr', 'en', 'fr'])
    """
    make = GENERATORS[kind]
    docs = []
    for i in range(n):
        doc = make(seed + i, ("en", "fr")[i % 2], n_paras=n_paras)
        (folder / f"{kind}-{i:04d}.txt").write_text(doc.text, encoding="utf-8")
        docs.append(doc)
    return docs
