"""An OCRmyPDF plugin (loaded by ``ocrmypdf --plugin PATH``, in OCRmyPDF's own Python, never
imported by caselib): reports progress on stderr as lines that ``ocr.py`` reads,

    \\x1ecaselib-progress <TAB> stage <TAB> done <TAB> total <TAB> unit_scale

OCRmyPDF turns its own progress bars off when stderr is not a terminal, but still drives
the progress bar class a plugin supplies; this one writes a line per update instead.
"""

from __future__ import annotations

import sys

from ocrmypdf import hookimpl

PREFIX = "\x1ecaselib-progress"  # ocr.py's _PROGRESS


class LineProgress:
    """A tqdm-like progress "bar" that prints one line per update."""

    def __init__(self, *args, total=None, desc=None, unit_scale=1, **kwargs):
        self.total = total or 0
        self.desc = desc or ""
        self.unit_scale = unit_scale if isinstance(unit_scale, (int, float)) else 1
        self.done = 0

    def __enter__(self):
        self._emit()
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n=1, *, completed=None):
        self.done = completed if completed is not None else self.done + (n or 0)
        self._emit()

    def _emit(self):
        desc = str(self.desc).replace("\t", " ").replace("\n", " ")
        sys.stderr.write(f"{PREFIX}\t{desc}\t{self.done}\t{self.total}\t{self.unit_scale}\n")
        sys.stderr.flush()


@hookimpl
def get_progressbar_class():
    return LineProgress
