"""The kit's languages: gettext catalogues for its messages, Babel for dates and numbers.

English is the source language; each other language has a catalogue ``kit/locale/<lang>/LC_MESSAGES/kit.po``
(package data, with its compiled ``kit.mo``). Text marked for translation is extracted with Babel, with the
mapping in ``kit/locale/babel.cfg``::

    pybabel extract -F kit/locale/babel.cfg -o kit/locale/kit.pot kit
    pybabel update -i kit/locale/kit.pot -d kit/locale -D kit     # then translate the new entries
    pybabel compile -d kit/locale -D kit

(``tests/test_i18n.py`` fails when a marked string is missing from a catalogue, untranslated, or the ``.mo`` is
older than its ``.po``.) Translation at run time needs only the standard library's :mod:`gettext`; Babel is
imported only to format a date or a number in a language other than English, so ``import kit`` stays light.

A language is named as people and browsers write it: ``"fr"``, ``"fr-FR"``, ``"fr_CA"`` all mean French; a
language the kit does not know means English. The languages are those of :mod:`kit.language` (English, French
and any defined by a data file), and a language's catalogue may also sit in the reference folder
(``KIT_REFERENCE_DIR/locale/<lang>/LC_MESSAGES/kit.mo``), beside its language file. The process default is
``$KIT_LANG`` (``kit serve --lang``), else English; :func:`set_language` changes it (the French workshop notebooks do).

Examples
--------
>>> normalize("fr-FR"), normalize("fr_CA"), normalize("de"), normalize(None)
('fr', 'fr', 'en', 'en')
>>> translator("fr").gettext("Key messages")
'Messages clés'
>>> format_date("2021-04-13", "fr"), format_date("2021-12-01", "fr"), format_date("2021-04-13")
('13 avril 2021', '1er décembre 2021', '13 April 2021')
>>> format_number(1000, "fr") == "1\\u202f000", format_number(1000)
(True, '1,000')
>>> and_list(["Chine", "Inde", "Maroc"], "fr"), and_list(["China", "India"]), "Body" + colon("fr")
('Chine, Inde et Maroc', 'China and India', 'Body\\xa0:')
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import os
from functools import lru_cache
from typing import Any

from .language import LANGUAGES as _REGISTRY
from .language import language as _language
from .paths import REFERENCE_DIR, catalogue

__all__ = [
    "LANGUAGES",
    "DOMAIN",
    "LANG_ENV",
    "normalize",
    "set_language",
    "get_language",
    "translator",
    "gettext",
    "ngettext",
    "N_",
    "format_date",
    "format_number",
    "and_list",
    "colon",
    "semicolon",
    "language_names",
    "preferred_language",
    "format_month_abbr",
]

#: The languages the kit speaks (:data:`kit.language.LANGUAGES`); the first is the source language of the messages.
LANGUAGES = tuple(_REGISTRY)
#: The gettext domain: ``kit/locale/<lang>/LC_MESSAGES/kit.mo``.
DOMAIN = "kit"
#: Environment variable giving the process's default language.
LANG_ENV = "KIT_LANG"

_current: str | None = None


def normalize(lang: Any = None) -> str:
    """The kit's code for a language tag: ``"fr-FR"`` -> ``"fr"``; unknown -> ``"en"``; ``None`` -> the default."""
    if lang is None or (isinstance(lang, str) and not lang.strip()):
        return get_language()
    code = str(lang).strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in _REGISTRY else LANGUAGES[0]


def get_language() -> str:
    """The process default: set by :func:`set_language`, else ``$KIT_LANG``, else English."""
    if _current:
        return _current
    env = os.environ.get(LANG_ENV, "")
    return normalize(env) if env.strip() else LANGUAGES[0]


def set_language(lang: Any) -> str:
    """Make ``lang`` the default language of this process (the checker's messages, notes); returns its code."""
    global _current
    _current = normalize(lang) if lang is not None else None
    return get_language()


def translator(lang: Any = None) -> _gettext.NullTranslations:
    """The translations of ``lang``: the compiled catalogue, or identity for English (and any string missing)."""
    return _translator(normalize(lang))


@lru_cache(maxsize=None)
def _translator(code: str) -> _gettext.NullTranslations:
    if code == LANGUAGES[0]:
        return _gettext.NullTranslations()
    for mo in (catalogue(code, DOMAIN), REFERENCE_DIR / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.mo"):
        try:  # the kit's catalogues, then a trainer's
            with mo.open("rb") as f:
                return _gettext.GNUTranslations(f)
        except OSError:
            continue
    return _gettext.NullTranslations()  # a language whose catalogue is not compiled: English


def gettext(message: str, lang: Any = None) -> str:
    """``message`` in ``lang`` (the default language when ``None``)."""
    return translator(normalize(lang)).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: Any = None) -> str:
    """The singular or plural form of a message for ``n``, in ``lang``."""
    return translator(normalize(lang)).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (it is translated where it is shown)."""
    return message


def _as_date(value: Any) -> _dt.date | None:
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    if not isinstance(value, _dt.date) or type(value).__name__ == "NaTType":
        return None
    return value


def format_date(value: Any, lang: Any = "en") -> str:
    """A date as a reader writes it: ``"13 April 2021"``, ``"13 avril 2021"`` (``"1er décembre 2021"``).

    Accepts :class:`datetime.date`, ``datetime``, a pandas ``Timestamp`` or ISO text; empty for a missing date
    (None, NaT, NaN, ""); text that is not a date comes back as it is. English needs no Babel; the other languages
    use Babel's CLDR month names.
    """
    d = _as_date(value)
    if d is None:
        return value.strip() if isinstance(value, str) else ""
    code = normalize(lang)
    if code == LANGUAGES[0]:
        return f"{d.day} {_month(code, d.month)} {d.year}"
    from babel.dates import format_date as _babel_date

    text = _babel_date(_dt.date(d.year, d.month, d.day), format=_language(code).date_format, locale=code)
    first = _language(code).first_day  # « 1er décembre »: the first of the month as the language writes it
    return first + text[1:] if first and d.day == 1 else text


def _month(code: str, month: int) -> str:
    """A month's name in the source language, as running text writes it ("April")."""
    L = _language(code)
    name = L.months[month - 1]
    return name.capitalize() if L.months_capitalized else name


def format_month_abbr(d: _dt.date, lang: Any = "en") -> str:
    """A month's short name, as a time axis labels it: "Apr" (English needs no Babel), « avr. » (Babel's CLDR).

    >>> import datetime
    >>> april = datetime.date(2021, 4, 13)
    >>> format_month_abbr(april), format_month_abbr(april, "fr")
    ('Apr', 'avr.')
    """
    code = normalize(lang)
    if code == LANGUAGES[0]:
        return _month(code, d.month)[:3]
    from babel.dates import format_date as _babel_date

    return _babel_date(d, "MMM", locale=code)


def format_number(n: Any, lang: Any = "en") -> str:
    """A number with the language's grouping: ``"1,000"``, ``"1 000"`` (Babel's narrow no-break space in French).

    The one way the kit writes a count for people; a whole number in English needs no Babel.

    >>> format_number(12345), format_number(12345, "fr") == "12\u202f345", format_number(7, "fr")
    ('12,345', True, '7')
    """
    code = normalize(lang)
    if code == LANGUAGES[0] and isinstance(n, int) and not isinstance(n, bool):
        return f"{n:,}"  # what Babel's English locale gives
    from babel.numbers import format_decimal

    return format_decimal(n, locale=code)


def and_list(items: Any, lang: Any = "en") -> str:
    """Names joined as a sentence lists them: "A, B and C" ("A, B et C")."""
    items = [str(i) for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    # TRANSLATORS: the last two names of a list: "{rest} and {last}" ("China, India and Morocco").
    return translator(lang).gettext("{rest} and {last}").format(rest=", ".join(items[:-1]), last=items[-1])


def language_names() -> tuple[tuple[str, str], ...]:
    """Each language the kit speaks with its own name, as a language menu shows it (:attr:`Language.name`).

    >>> language_names()[:2]
    (('en', 'English'), ('fr', 'Français'))
    """
    return tuple((code, L.name or code) for code, L in _REGISTRY.items())


def colon(lang: Any = "en") -> str:
    """The colon after a label: ``":"``; in French with its no-break space before it (``"\\u00a0:"``)."""
    return _language(normalize(lang)).colon


def semicolon(lang: Any = "en") -> str:
    """The separator of a list of clauses: ``"; "``; in French ``"\\u00a0; "``."""
    return _language(normalize(lang)).semicolon


def preferred_language(accept: str | None) -> str | None:
    """The first language of a browser's ``Accept-Language`` header that the kit speaks, by the header's
    weights (``q=``); None when it names none of them.

    >>> preferred_language("de-DE,fr;q=0.8,en;q=0.5"), preferred_language("de"), preferred_language(None)
    ('fr', None, None)
    """
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        tag, _sep, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        code = tag.strip().replace("_", "-").split("-")[0].lower()
        if code in _REGISTRY and weight > 0:
            ranked.append((-weight, i, code))
    return min(ranked)[2] if ranked else None
