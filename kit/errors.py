"""The kit's own exceptions.

Every error a user can meet while loading a report is a :class:`ReportError`
that names the file and, where it makes sense, the line or paragraph, so a
trainer can open the file and see the problem.

A message is an English template marked with :func:`kit.i18n.N_` (so Babel
extracts it into the catalogues) and its parameters, kept apart until the error
is shown: ``str(err)`` is the English message, ``err.localized("fr")`` the same
message in French (« ligne 3 » for "line 3").
"""

from __future__ import annotations

import string
from typing import Any

from .i18n import N_, format_number, normalize, semicolon, translator

__all__ = ["LayoutError", "Message", "NotAReportError", "ReportError", "SourceError", "ValidationError", "require"]

# TRANSLATORS: where an error is, after the file name: "notes.md, line 3: ..."
_LINE = N_("line {line}")
# TRANSLATORS: where an error is: "notes.md, line 3, paragraph 2: ..."
_PARA = N_("paragraph {para}")
# TRANSLATORS: an error message after its place (file, line, paragraph); French puts a no-break space before the colon.
_PLACED = N_("{where}: {message}")


class ReportError(Exception):
    """A report could not be read or parsed.

    Parameters
    ----------
    message : str
        What is wrong, in plain words: an English template marked with ``N_``
        whose ``{name}`` placeholders are filled from ``params`` (``str.format``
        syntax; ``{size:,}`` groups digits as the language does). A message
        without parameters is used as it is, braces included.
    source : str, optional
        The file (or a label such as ``"<string>"``) the problem is in.
    line : int, optional
        1-based line number in the text the kit read.
    para : int, optional
        The paragraph number as printed in the report.
    **params
        The values of the template's placeholders (file names, numbers,
        quoted text: data, never translated).

    Attributes
    ----------
    template : str
        The English template, as marked for translation.
    params : dict
        Its parameters.
    message : str
        The English message (the template filled in), without the place.

    Examples
    --------
    >>> err = ReportError("no numbered paragraphs", source="empty.txt", line=1)
    >>> str(err)
    'empty.txt, line 1: no numbered paragraphs'
    >>> err = SourceError(N_("the file is empty"), source="notes.md", line=1)
    >>> err.localized("fr")
    'notes.md, ligne 1\\xa0: le fichier est vide'
    >>> err.localized("en") == str(err)
    True
    >>> big = SourceError(N_("the file is larger than a report can be ({size:,} bytes; the kit reads at most "
    ...                      "{limit:,}); is this the right file?"), source="x.txt", size=12345678, limit=10000000)
    >>> str(big)
    'x.txt: the file is larger than a report can be (12,345,678 bytes; the kit reads at most 10,000,000); is this the right file?'
    >>> print(big.localized("fr").replace("\\u202f", " ").replace("\\xa0", " "))
    x.txt : le fichier est plus gros qu'un rapport ne peut l'être (12 345 678 octets ; le kit lit au plus 10 000 000) ; est-ce le bon fichier ?
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        para: int | None = None,
        **params: Any,
    ) -> None:
        self.template = message
        self.params = params
        self.message = str(Message(message, **params))
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

    def localized(self, lang: Any = None, *, source: bool = True) -> str:
        """The message in ``lang`` (the kit's current language when ``None``), with its place.

        English is exactly ``str(err)``. A message the catalogue does not know
        (an old-style message built before it was raised) comes back as it is;
        only its place ("line 3", « ligne 3 ») is translated. ``source=False``
        leaves out the file name (for a page that shows it apart), keeping the
        line and paragraph.

        >>> LayoutError(N_("no tables"), source="a.md", line=3).localized("fr", source=False)
        'ligne 3\\xa0: aucun tableau'
        """
        code = normalize(lang)
        if code == "en" and source:
            return str(self)
        gettext = translator(code).gettext
        message = Message(self.template, **self.params).localized(code)
        where = []
        if self.source and source:
            where.append(str(self.source))
        if self.line is not None:
            where.append(gettext(_LINE).format(line=self.line))
        if self.para is not None:
            where.append(gettext(_PARA).format(para=self.para))
        if not where:
            return message
        return gettext(_PLACED).format(where=", ".join(where), message=message)


class Message:
    """A message kept as an English template and its parameters, to be shown in any language.

    The part of an error that is itself a message (one of the problems a
    :class:`ValidationError` lists) is a ``Message``; a list of them as a
    parameter is shown joined with semicolons.

    Examples
    --------
    >>> m = Message(N_("two files give the same report_id: {ids}"), ids=["a", "b"])
    >>> str(m)
    "two files give the same report_id: ['a', 'b']"
    >>> m.localized("fr")
    "deux fichiers donnent le même report_id\\xa0: ['a', 'b']"
    >>> str(Message("{errors}", errors=[Message(N_("no tables")), Message(N_("no tables"))]))
    'no tables; no tables'
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return _Formatter("en").format(self.template, **self.params) if self.params else self.template

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def localized(self, lang: Any = None) -> str:
        """The message in ``lang`` (the kit's current language when ``None``); English is ``str(message)``."""
        code = normalize(lang)
        if code == "en":
            return str(self)
        text = translator(code).gettext(self.template) if self.template else self.template
        return _Formatter(code).format(text, **self.params) if self.params else text


class _Formatter(string.Formatter):
    """``str.format`` in a language: ``{n:,}`` groups digits as it writes numbers ("1,000", « 1 000 »), a
    :class:`Message` is shown in it, and a list of messages is joined with its semicolon."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return value.localized(self.lang)
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
            return semicolon(self.lang).join(v.localized(self.lang) for v in value)
        if format_spec == "," and isinstance(value, int) and not isinstance(value, bool):  # "1,000", « 1 000 »
            return format_number(value, self.lang)
        return super().format_field(value, format_spec)


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


def require(module: str, what: str, extra: str) -> Any:
    """Import an optional dependency, or raise a :class:`SourceError` that says which extra installs it.

    >>> require("json", "JSON", "export").__name__
    'json'
    >>> require("no_such_module_here", "Word (.docx)", "export")
    Traceback (most recent call last):
    ...
    kit.errors.SourceError: writing Word (.docx) needs the Python package no_such_module_here: pip install 'peacekeeping-briefing-kit[export]'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise SourceError(N_("writing {what} needs the Python package {module}: "
                             "pip install 'peacekeeping-briefing-kit[{extra}]'"),
                          what=what, module=module, extra=extra) from None
