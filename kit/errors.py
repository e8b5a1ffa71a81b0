"""The kit's own exceptions.

Every error a user can meet while loading a report is a :class:`ReportError`
that names the file and, where it makes sense, the line or paragraph, so a
trainer can open the file and see the problem.
"""

from __future__ import annotations


class ReportError(Exception):
    """A report could not be read or parsed.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    source : str, optional
        The file (or a label such as ``"<string>"``) the problem is in.
    line : int, optional
        1-based line number in the text the kit read.
    para : int, optional
        The paragraph number as printed in the report.

    Examples
    --------
    >>> err = ReportError("no numbered paragraphs", source="empty.txt", line=1)
    >>> str(err)
    'empty.txt, line 1: no numbered paragraphs'
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        para: int | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.para = para
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.source:
            where.append(str(self.source))
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.para is not None:
            where.append(f"paragraph {self.para}")
        return (", ".join(where) + ": " + self.message) if where else self.message


class SourceError(ReportError):
    """The file cannot be turned into text (missing, empty, binary, bad encoding, unreadable PDF)."""


class LayoutError(ReportError):
    """The text is not a report of this kind (no numbered paragraphs, truncated, broken numbering)."""


class ValidationError(ReportError):
    """The parsed tables are inconsistent with each other or with the text."""


class NotAReportError(LayoutError):
    """The text has numbered paragraphs but is not a report of reported speech (no meeting, no attributed speech).

    A note, minutes, a list, or a report in a language the kit does not read yet.
    """
