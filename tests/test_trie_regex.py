"""``trie_regex(..., not_after=...)`` matches exactly what a leading lookbehind does, only faster.

The kit's name regexes (the gazetteer's matchers, the people of a report, the honorifics) check "no word
character before the name" after the name's first character, so that the regex engine can skip to the places
where a name may start (``kit.gazetteer.trie_regex``). These tests compare the two forms: same matches, at
every position, on invented names and texts and on the bundled report.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.gazetteer import load_gazetteer, trie_regex
from kit.report import DEFAULT_REPORT

# Characters of names and texts: letters (accented, capital), and what the trie treats specially.
_NAME_CHARS = "abAB éÉ'’-."
_TEXT_CHARS = _NAME_CHARS + ",;\n(x_1"
_NOT_AFTER = [r"[\w-]", r"\w", r"[\w'’-]", r"[\w'’.-]"]  # the classes the kit uses

names = st.lists(st.text(_NAME_CHARS, min_size=1, max_size=6), min_size=1, max_size=6)


def _both(surfaces: list[str], not_after: str, special: dict[str, str] | None = None) -> tuple[re.Pattern, ...]:
    plain = re.compile(rf"(?<!{not_after})(?:{trie_regex(surfaces, special)})(?!\w)")
    skipping = re.compile(rf"(?:{trie_regex(surfaces, special, not_after=not_after)})(?!\w)")
    return plain, skipping


def _same(plain: re.Pattern, skipping: re.Pattern, text: str) -> None:
    assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), skipping.match(text, pos)
        assert (a and a.span()) == (b and b.span()), pos


@settings(max_examples=300, deadline=None)
@given(names, st.lists(st.text(_TEXT_CHARS, max_size=4), max_size=8), st.sampled_from(_NOT_AFTER), st.data())
def test_not_after_is_the_leading_lookbehind(surfaces, fillers, not_after, data):
    # a text made of the names themselves and characters around them, so that names touch words and each other
    pieces = [data.draw(st.sampled_from(surfaces)) + filler for filler in fillers]
    text = "".join(pieces)
    for special in (None, {"'": "['’]"}):
        _same(*_both(surfaces, not_after, special), text)


def test_empty_name_and_no_name():
    """An empty surface keeps the lookbehind in front (it matches nowhere but there); no surface matches nothing."""
    assert trie_regex(["", "Mali"], not_after=r"\w").startswith(r"(?<!\w)")
    assert re.search(trie_regex([], not_after=r"\w"), "Mali") is None


def test_gazetteer_matchers_find_what_a_lookbehind_finds():
    """Every matcher of both languages, on the bundled report: the same names at the same places."""
    text = DEFAULT_REPORT.read_text(encoding="utf-8")
    for lang in ("en", "fr"):
        g = load_gazetteer(lang=lang)
        for matcher in (g.entities, g.countries, g.missions, g.orgs, g.places):
            plain = re.compile(rf"(?<![\w-])(?:{trie_regex([matcher._norm(k) for k in matcher.names])})(?![\w-])")
            assert [m.span() for m in matcher.regex.finditer(text)] == [m.span() for m in plain.finditer(text)]
