"""The forms of real UN documents the kit does not read yet: which of them it reads now.

Each row of ``tests/fixtures/real_forms/open.csv`` is a check of ``tests/test_real_forms.py`` that the kit did
not pass when the forms were collected from real documents (``benchmarks/real_documents/``): a speaker it does
not find in its paragraph (``finds``), or a paragraph where it finds someone no reader marks (``no_one_else``).
This is a measurement, not part of the test suite (a suite that is red by design would block every change):
run it after a parser change, and move each row it reports as read out of ``open.csv``, so that
``tests/test_real_forms.py`` keeps checking it from then on.

Run: ``python benchmarks/real_forms_open.py``.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_real_forms import check_finds, check_no_one_else, finds_cases, paragraph_cases


def main() -> int:
    warnings.simplefilter("ignore")
    cases = [("finds", p.values[0], check_finds) for p in finds_cases(open_ones=True)]
    cases += [("no_one_else", p.values[0], check_no_one_else) for p in paragraph_cases(open_ones=True)]
    read = []
    for what, case, check in cases:
        try:
            check(case)
        except AssertionError as e:
            where = case if what == "no_one_else" else (case["file"], case["para"], case["speaker_id"])
            print(f"open  {what:12} {where}: {e}")
        else:
            read.append((what, case))
    print(
        f"\n{len(cases) - len(read)} of {len(cases)} open forms still not read; {len(read)} read now "
        "(move their rows out of tests/fixtures/real_forms/open.csv)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
