"""The kit's message catalogues (package data): ``<lang>/LC_MESSAGES/kit.po`` and its compiled ``kit.mo``.

Read by :mod:`kit.i18n`; ``babel.cfg`` is the Babel extraction mapping. No code lives here.
"""
