"""Rewrite the participant notebooks of this folder from their one source, ``kit/teaching/workshop_source.py``.

The trainer's solutions are not written here (participants open this folder): make them with
``kit solutions --out DIR``. After editing the source, rebuild, execute and compare::

    python notebooks/workshop/build_notebooks.py
    jupyter nbconvert --to notebook --execute --inplace --NotebookClient.store_widget_state=False notebooks/workshop/*.ipynb
    pytest notebooks/workshop
"""

from pathlib import Path

from kit.teaching.workshop_source import build_participants

if __name__ == "__main__":
    for p in build_participants(Path(__file__).resolve().parent):
        print(f"wrote {p}")
