"""One Markdown escape for the whole kit: :func:`kit.exports.escape_markdown`.

The briefing note (``kit note``), the apps' Markdown downloads and the exports escape report text with the same
function, so ``<script>`` or ``*`` in a report is shown as written wherever the kit writes Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kit.exports import escape_markdown

ROOT = Path(__file__).resolve().parent.parent
SPECIAL = set("\\`*_[]<>#|~")


@given(st.text(alphabet=st.sampled_from(sorted(SPECIAL) + list("ab <>1 é\n")), max_size=40))
def test_every_markup_character_is_escaped_and_nothing_is_lost(text):
    escaped = escape_markdown(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.S) == text  # unescaping gives the text back
    assert not SPECIAL & set(re.sub(r"\\.", "", escaped, flags=re.S))  # no markup character left bare


def test_the_note_and_the_apps_escape_alike():
    """The briefing note and the apps' Markdown download write a hostile title the same way."""
    import dataclasses

    from kit.teaching.note import build_note
    from kit.teaching.note_render import markdown_lines
    from kit.views import app_report
    from kit.views.queries import note_markdown

    hostile = "A <script>*note*</script> [x](y) #1"
    r = app_report()
    note = dataclasses.replace(build_note(r), title=hostile)
    assert markdown_lines(note)[0] == note_markdown(r, hostile, []).splitlines()[0] == "# " + escape_markdown(hostile)


def test_no_other_module_defines_a_markdown_escape():
    """The escape's character class is written once, in kit/exports.py."""
    owners = [
        p.relative_to(ROOT).as_posix() for p in (ROOT / "kit").rglob("*.py") if "<>#|~" in p.read_text(encoding="utf-8")
    ]
    assert owners == ["kit/exports.py"]
