"""Rewrite the participant notebooks of this folder from their one source, ``kit/teaching/workshop_source.py``.

English notebooks go here, the French ones (same cells, prose from the French catalogue ``kit/locale/fr``) in
``fr/``. The trainer's solutions are not written here (participants open this folder): make them with
``kit solutions --out DIR [--lang fr]``. After editing the source (and the catalogue), rebuild, execute and compare::

    python notebooks/workshop/build_notebooks.py
    jupyter nbconvert --to notebook --execute --inplace --NotebookClient.store_widget_state=False \
        notebooks/workshop/*.ipynb notebooks/workshop/fr/*.ipynb
    pytest notebooks/workshop
"""

from pathlib import Path

from kit.teaching.workshop_source import LANG_FOLDERS, build_participants

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    for lang, folder in LANG_FOLDERS.items():
        for p in build_participants(here / folder, lang):
            print(f"wrote {p}")
