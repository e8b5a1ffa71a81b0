"""Who said what: reported-speech attribution.

UN summaries of meetings report speech in the third person. This module reads
that grammar:

* ``The representative of X said/noted/stressed ...``
* ``The representatives of A, B and C emphasized ...`` (one statement per
  speaker, ``joint=True``), including names that contain "and" (the list is
  read with the gazetteer's longest match, so "Bosnia and Herzegovina" stays
  whole) and ``..., echoed by the representative of Y, stated ...``;
* a person by honorific and surname (``Mr. Ladeb``, ``Major General Menon``,
  ``Dr. Lennartz``), whose full name, title and organization are read from the
  report's own introductions (``the Director of ..., Major General (retired)
  Jai Menon, ...``);
* ``The Chair (of the Working Group)`` is the person the report names as chair;
* a numbered paragraph with no attribution that follows a statement in the
  same meeting continues that speaker's reported speech (``attribution`` is
  ``"continued"`` instead of ``"explicit"``).

A country that is only *mentioned* ("together with Brazil and Rwanda") is not a
speaker: only a name followed by a reporting verb (``data/reference/
reporting_verbs.csv``) makes a statement.

Examples
--------
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "The representatives of Bosnia and Herzegovina and Kenya stressed training.")]
>>> result = attribute(paras, load_gazetteer())
>>> [(s.speaker_id, s.verb, s.joint) for s in result.statements]
[('BIH', 'stressed', True), ('KEN', 'stressed', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import Gazetteer, trie_regex
from .sentences import sentence_at, sentence_spans

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


_NAME_TOKEN = r"(?:[A-Z][\w'’-]*|(?:dos|da|de|del|van|von|der|al|el|ben|bin|di|du|le|la)\b)"
_INTRODUCED = re.compile(r",\s+(?:[A-Z][a-z]*\.?\s+)?(?:\([a-z]+\)\s+)?((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)"
                         r"(?=[,.;]|\s+(?:was|is|had|has|on)\b)")
# Capitalized words that name institutions and places, never people.
_INSTITUTION_WORDS = {
    "United", "Nations", "Council", "Security", "Office", "Department", "Division", "Mission", "Group", "Committee",
    "Force", "Service", "Centre", "Center", "Programme", "Program", "Operations", "Officers", "Staff", "Republic",
    "Union", "Assembly", "Secretariat", "Agency", "Team", "Unit", "Units", "Commission", "Organization", "Fund",
    "State", "States", "Member", "Police", "Peacekeeping", "Academy", "Framework", "Strategy", "Initiative",
}
_APPOSITIVE_HINT = re.compile(r",\s+(?:[A-Z(][\w.()'’-]*\s+|(?:dos|da|de|del|van|von|der|al|el|bin|di|du|le|la)\s+){0,6}$")
_THE = re.compile(r"the\s+")
_LIST_SEP = re.compile(r",?\s+(?:as\s+well\s+as|and(?:\s+of)?)\s+|,\s+")
_UNKNOWN_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of|the|for|[A-Z][\w'’.-]*))*")
_ECHO = re.compile(r",\s+(?:as\s+)?(?:echoed|supported|joined)\s+by\s+the\s+representatives?\s+of\s+")
_ON_BEHALF = re.compile(r",\s+(?:speaking\s+)?(?:also\s+)?on\s+behalf\s+of\s+[^,]{3,120},\s*")
# Starts with a literal, so the regex engine can skip ahead; "the " before it is checked in code.
_REPRESENTATIVE = re.compile(r"representatives?\s+of\s+")
_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")
_CHAIR = (r"\b(?P<chair>[Tt]he\s+(?:Chair|Chairperson|Chairman|Chairwoman)"
         r"(?:\s+of\s+the\s+(?:(?:[A-Z][\w-]*|on|of|and|for|the)\s+)*?[A-Z][\w-]*)?)")
_TRAILING_CONNECTOR = re.compile(r"(?:[,;]\s*(?:while|whereas|and|but)?|\s+(?:while|whereas|and|but))\s*$")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@lru_cache(maxsize=8)
def _grammar(g: Gazetteer) -> "_Grammar":
    return _Grammar(g)


class _Grammar:
    """The compiled regular expressions of one gazetteer."""

    def __init__(self, g: Gazetteer) -> None:
        verbs = sorted({row["verb"] for row in g.verb_rows if row.get("verb")}, key=len, reverse=True)
        self.lemmas = {row["verb"]: row.get("lemma") or row["verb"] for row in g.verb_rows}
        verb_alt = "|".join(r"\s+".join(map(re.escape, v.split())) for v in verbs)
        adverbs = r"(?:(?:also|further|then|again|however|therefore|moreover|[a-z]+ly)\s+){0,2}"
        self.verb = re.compile(rf"\s*,?\s*{adverbs}(?P<verb>{verb_alt})\b")
        hon_alt = trie_regex(g.honorifics)
        self.honorific_names = re.compile(
            rf"\b(?<!-)(?P<hon>{hon_alt})(?<=\.|\w)\s+(?:\([a-z]+\)\s+)?"
            rf"(?P<name>(?:{_NAME_TOKEN}\s+){{0,3}}[A-Z][\w'’-]+)(?:\s+\((?P<country>[^)]{{2,80}})\))?(?=[\s,])")
        self.chair = re.compile(_CHAIR + self.verb.pattern)
        self.hon_prefix = re.compile(rf"^(?:(?:{hon_alt})\s+)+(?:\([a-z]+\)\s+)?")


def find_people(texts: list[str], g: Gazetteer) -> dict[str, _Person]:
    """People the report introduces or quotes, keyed by surname.

    The full name, title and organization come from an appositive such as
    ``the United Nations Police Adviser, Luís Carrilho,``; the chair is the
    person named next to "Chair".
    """
    grammar = _grammar(g)
    joined = "\n".join(texts)
    surnames: dict[str, str | None] = {}
    for m in grammar.honorific_names.finditer(joined):
        surname = m.group("name").split()[-1]
        if grammar.verb.match(joined, m.end()):
            surnames.setdefault(surname, m.group("hon"))
    people: dict[str, _Person] = {}
    for surname, hon in surnames.items():
        people[surname] = _introduce(surname, hon, joined, grammar, g)
    # People introduced by title ("..., the Police Adviser, Luís Carrilho, ..."), who may later speak by title.
    for m in _INTRODUCED.finditer(joined):
        tokens = m.group(1).split()
        if set(tokens) & _INSTITUTION_WORDS or g.entities.match(m.group(1), 0):
            continue
        surname = tokens[-1]
        if surname not in people:
            person = _introduce(surname, None, joined, grammar, g)
            if person.title:
                people[surname] = person
    # The signatory / elected chair, even if they never speak by name.
    for m in re.finditer(r"(?:\(Signed\)\s+|,\s+)((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)"
                         r"(?:,\s+was\s+(?:re-?)?elected\s+Chair|\s+Chair\b)", joined):
        surname = m.group(1).split()[-1]
        person = people.get(surname) or _introduce(surname, None, joined, grammar, g)
        person.is_chair = True
        people[surname] = person
    return people


def _introduce(surname: str, hon: str | None, text: str, grammar: _Grammar, g: Gazetteer) -> _Person:
    """Full name, title and organization of a person from an appositive ("the Director of X, Dr. Jo Bloggs,")."""
    for occurrence in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?=[,.;]|\s+(?:was|is|had|has|on|to)\b)", text):
        hint = _APPOSITIVE_HINT.search(text, max(0, occurrence.start() - 80), occurrence.start())
        if not hint:
            continue  # not "..., First Name Surname": no introduction here
        comma = hint.start()
        sentence_start = max(text.rfind(c, 0, comma) for c in ".;:\n") + 1
        before = text[sentence_start:comma]
        seg = re.split(r",\s+", before)[-1]
        seg = re.split(r"\b(?:included|including|by|were|was|are|is)\s+", seg)[-1]
        head = re.search(r"(?:^|\b(?:included|by|from|and|with|were|was|of|:)\s+)((?:the\s+|The\s+)?[A-Z][^,]*)$", seg)
        if not head:
            continue
        title_full = re.sub(r"^(?:the|The)\s+", "", head.group(1)).strip()
        if not title_full or (g.entities.match(title_full, 0) or ("",))[0].startswith("country:"):
            continue
        written = text[hint.start() + 1:occurrence.end()].strip()
        full = grammar.hon_prefix.sub("", written).strip()
        if not full[:1].isupper():
            continue
        hon_found = written[: len(written) - len(full)].strip() or None
        title, _, org = title_full.partition(" of ")
        org = re.sub(r"^the\s+", "", org) or None
        represents = next((m.key.split(":", 1)[1] for m in g.entities.finditer(title_full)
                           if m.key.startswith("country:")), None)
        return _Person(surname, full, hon or (re.sub(r"\s*\([a-z]+\)", "", hon_found) if hon_found else None),
                       title.strip(), org, represents_iso3=represents)
    return _Person(surname, surname, hon, None, None)


def _role_key(title: str) -> str:
    return " ".join(title.lower().split())


def _roles_of(p: _Person) -> set[str]:
    """How a person's title can be used alone: "the United Nations Police Adviser said", "the Police Adviser said"."""
    if not p.title:
        return set()
    full = _role_key(p.title + (f" of {p.organization}" if p.organization else ""))
    short = _role_key(p.title)
    roles = {full, short, short.removeprefix("united nations ")}
    return {r for r in roles if len(r.split()) >= 2 or r in {"director", "adviser", "commissioner"}}


def _role_index(people: dict[str, "_Person"], grammar: "_Grammar") -> tuple[dict[str, "_Person"], re.Pattern]:
    """Titles that name exactly one person (two Directors make "the Director" ambiguous), and their regex."""
    owners: dict[str, list[_Person]] = {}
    for p in people.values():
        if not p.is_chair:
            for role in _roles_of(p):
                owners.setdefault(role, []).append(p)
    roles = {role: ps[0] for role, ps in owners.items() if len(ps) == 1}
    body = "|".join(r"\s+".join(map(re.escape, r.split())) for r in sorted(roles, key=len, reverse=True))
    return roles, re.compile(rf"\b[Tt]he\s+(?P<role>(?i:{body or '(?!x)x'})){grammar.verb.pattern}")


def _parse_list(text: str, pos: int, g: Gazetteer) -> tuple[list[tuple[str, str, int, int]], int]:
    """Read ``A, B and the C`` at ``pos``: (kind, key-or-name, start, end) items and the end offset."""
    items: list[tuple[str, str, int, int]] = []
    p = pos
    while True:
        q = p
        art = _THE.match(text, q)
        if art:
            q = art.end()
        hit, kind = None, "state"
        entity = g.entities.match(text, q)  # one compiled matcher for every table
        if entity and entity[0].split(":", 1)[0] in ("country", "organization"):
            tag, key = entity[0].split(":", 1)
            hit, kind = (key, entity[1]), ("state" if tag == "country" else "org")
        if not hit:
            m = _UNKNOWN_NAME.match(text, q)
            if m:
                name = re.split(r"\s+and\s+", m.group())[0].rstrip()
                name = re.sub(r"\s+(?:of|the|for)$", "", name)
                hit, kind = (name, q + len(name)), "unknown"
        if not hit:
            break
        key, end = hit
        items.append((kind, key, q, end))
        p = end
        sep = _LIST_SEP.match(text, p)
        if not sep:
            break
        nxt = sep.end()
        art = _THE.match(text, nxt)
        probe = art.end() if art else nxt
        if probe < len(text) and text[probe].isupper():
            p = nxt
            continue
        break
    return items, p


def attribute(paragraphs: list[tuple[int, str]], g: Gazetteer, *,
              meeting_of: dict[int, str | None] | None = None,
              people: dict[str, _Person] | None = None) -> Attribution:
    """Find the statements of numbered paragraphs.

    Parameters
    ----------
    paragraphs : list of (para, text)
    g : Gazetteer
    meeting_of : dict, optional
        Paragraph number -> meeting id; continuation only happens inside a meeting.
        Without it, the whole list counts as one meeting.
    people : dict, optional
        Output of :func:`find_people` (computed from ``paragraphs`` if omitted).
    """
    grammar = _grammar(g)
    people = people if people is not None else find_people([t for _, t in paragraphs], g)
    chair = next((p for p in people.values() if p.is_chair), None)
    roles, role_regex = _role_index(people, grammar)
    speakers: dict[str, Speaker] = {}
    statements: list[Statement] = []
    name_spans: dict[int, list[tuple[int, int]]] = {}
    problems: list[dict] = []
    previous: tuple[int, list[Statement]] | None = None  # (para, statements of the last group)

    def person_speaker(p: _Person) -> str:
        sid = f"person:{_slug(p.surname)}"
        if sid not in speakers:
            speakers[sid] = Speaker(sid, p.full_name, "chair" if p.is_chair else "briefer", None,
                                    p.title, p.organization, p.honorific, p.represents_iso3)
        return sid

    def list_speaker(kind: str, key: str, para: int) -> str:
        if kind == "state":
            row = g.state(key)
            status = row.get("status", "member")
            sid = key
            if sid not in speakers:
                speakers[sid] = Speaker(sid, row["un_name"], "member_state" if status == "member" else "observer_state",
                                        key if status == "member" else None, "representative", None)
            return sid
        if kind == "org":
            row = g.org(key)
            sid = f"org:{key}"
            speakers.setdefault(sid, Speaker(sid, row.get("name") or key, "organization", None, "representative",
                                             row.get("name") or key))
            return sid
        sid = f"other:{_slug(key)}"
        if sid not in speakers:
            problems.append({"problem": "unknown_speaker", "para": para,
                             "message": f"speaker '{key}' is not in the reference tables (member_states.csv, "
                                        "organizations.csv); kept with kind 'other'"})
            speakers[sid] = Speaker(sid, key, "other", None, "representative", None)
        return sid

    for para, text in paragraphs:
        found: list[tuple[int, int, list[str], str, list[tuple[int, int]]]] = []  # start, verb_end, sids, verb, spans
        for m in _REPRESENTATIVE.finditer(text):
            the = _THE_BEFORE.search(text, max(0, m.start() - 6), m.start())
            if not the:
                continue
            items, end = _parse_list(text, m.end(), g)
            if not items:
                continue
            spans = [(s, e) for _, _, s, e in items]
            echo = _ECHO.match(text, end)
            if echo:
                more, end2 = _parse_list(text, echo.end(), g)
                if more and text.startswith(",", end2):
                    items += more
                    spans += [(s, e) for _, _, s, e in more]
                    end = end2 + 1
            behalf = _ON_BEHALF.match(text, end)
            if behalf:
                end = behalf.end()
            v = grammar.verb.match(text, end)
            if not v:
                continue
            sids = [list_speaker(kind, key, para) for kind, key, _, _ in items]
            found.append((the.start(), v.end(), sids, v.group("verb"), spans))
        for m in grammar.honorific_names.finditer(text):
            surname = m.group("name").split()[-1]
            v = grammar.verb.match(text, m.end())
            if not v:
                continue
            entity = g.entities.match(m.group("country").removeprefix("the "), 0) if m.group("country") else None
            state = (entity[0].split(":", 1)[1],) if entity and entity[0].startswith("country:") else None
            if state:  # "Mr. Smith (United Kingdom) said": the delegation speaks
                sid = list_speaker("state", state[0], para)
            elif surname in people:
                sid = person_speaker(people[surname])
            else:
                continue
            found.append((m.start(), v.end(), [sid], v.group("verb"), [(m.start(), m.end())]))
        for m in grammar.chair.finditer(text):
            v = grammar.verb.match(text, m.end("chair"))
            if chair:
                sid = person_speaker(chair)
            else:
                sid = "role:chair"
                speakers.setdefault(sid, Speaker(sid, "Chair", "chair"))
            found.append((m.start(), v.end(), [sid], v.group("verb"), [(m.start(), m.end("chair"))]))

        for m in role_regex.finditer(text):
            person = roles[_role_key(m.group("role"))]
            v = grammar.verb.match(text, m.end("role"))
            found.append((m.start(), v.end(), [person_speaker(person)], v.group("verb"), [(m.start(), m.end("role"))]))

        found.sort(key=lambda f: f[0])
        # drop overlapping finds (the same words read twice)
        kept = []
        for f in found:
            if kept and f[0] < kept[-1][1]:
                continue
            kept.append(f)
        if kept:
            name_spans[para] = [span for f in kept for span in f[4]]
            spans = sentence_spans(text)
            starts = []
            for i, f in enumerate(kept):
                s0, _ = sentence_at(spans, f[0])
                same_sentence_earlier = i > 0 and kept[i - 1][0] >= s0
                starts.append(f[0] if same_sentence_earlier else s0)
            group_stmts: list[Statement] = []
            for i, f in enumerate(kept):
                start = starts[i]
                end = starts[i + 1] if i + 1 < len(kept) else len(text)
                chunk = text[start:end].rstrip()
                trailing = _TRAILING_CONNECTOR.search(chunk, max(0, len(chunk) - 30))
                end = start + (trailing.start() if trailing else len(chunk))
                group_stmts = []
                for sid in f[2]:
                    st = Statement(para, i + 1, sid, f[3], grammar.lemmas.get(f[3]), start, end,
                                   len(f[2]) > 1, "explicit", text[start:end])
                    statements.append(st)
                    group_stmts.append(st)
            previous = (para, group_stmts)
        else:
            same_meeting = (
                previous is not None
                and previous[0] == para - 1
                and (meeting_of is None or (meeting_of.get(para) is not None
                                            and meeting_of.get(para) == meeting_of.get(previous[0])))
            )
            if same_meeting and previous is not None:
                group = []
                for prev in previous[1]:
                    st = Statement(para, 1, prev.speaker_id, None, None, 0, len(text), prev.joint,
                                   "continued", text)
                    statements.append(st)
                    group.append(st)
                previous = (para, group)
            else:
                previous = None
    return Attribution(speakers, statements, name_spans, problems)
