"""The forms of real UN documents the kit does not read yet: these tests fail until it does.

Each row of ``tests/fixtures/real_forms/open.csv`` is a check of ``tests/test_real_forms.py`` that the kit did
not pass when the forms were collected: a speaker it does not find in its paragraph (``finds``), or a
paragraph where it finds someone no reader marks (``no_one_else``). When the kit reads a form, its test here
passes: move the row out of ``open.csv`` so that ``tests/test_real_forms.py`` keeps checking it.
"""

from __future__ import annotations

import pytest

from .test_real_forms import check_finds, check_no_one_else, finds_cases, paragraph_cases


@pytest.mark.parametrize("row", finds_cases(open_ones=True))
def test_finds_the_speaker_of_each_form(row):
    check_finds(row)


@pytest.mark.parametrize("key", paragraph_cases(open_ones=True))
def test_no_one_else_speaks_in_the_paragraph(key):
    check_no_one_else(key)
