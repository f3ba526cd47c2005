"""Tables on a PDF page, for reading it page by page.

Two kinds are found. A *ruled* table is a set of horizontal and vertical rules that cross
each other (Word, WPS and LibreOffice draw cell borders as such lines or thin rectangles):
the rules give the grid, a missing rule between two cells merges them (colspan/rowspan),
and each glyph goes to the cell under its centre, so a line of text crossing a rule is cut
there. An *aligned* table has no rules (python-docx's default table, an OCR'd scan): at least
two consecutive rows of three or more cells separated by wide gaps, whose cells line up in
columns that every row fills. Two-column page layouts never qualify (two cells per row).

The functions take the page's text lines in reading order (any dataclass with ``text``,
``x0``, ``x1``, ``y0``, ``y1``, ``size`` and ``pieces`` of ``(x0, text, x1)``) and its ruling
segments ``(horizontal, position, start, end)``, and return the page as runs of lines (still
to be made paragraphs) and tables, in reading order.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .model import PageTable
from .normalize import join_lines

Segment = tuple[bool, float, float, float]  # (horizontal, position, start, end)

_TOL = 2.0  # points: rules this close are one rule; a rule this far off still meets another
_CELL_GAP = 1.5  # a gap wider than this many character sizes separates two cells of a row
_ROW_GAP = 2.0  # rows of an aligned table are at most this many character sizes apart
_MIN_COLUMNS = 3  # for an aligned table


@dataclass
class _Grid:
    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom (PDF y grows upwards)
    horizontal: list[Segment]
    vertical: list[Segment]
    owner: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    cells: dict[tuple[int, int], list[tuple[Any, list]]] = field(default_factory=dict)

    @property
    def top(self) -> float:
        return self.ys[0]

    def contains(self, x: float, y: float) -> bool:
        return (
            self.xs[0] - _TOL <= x <= self.xs[-1] + _TOL
            and self.ys[-1] - _TOL <= y <= self.ys[0] + _TOL
        )

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        column = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right([-y for y in self.ys], -y) - 1, 0), len(self.ys) - 2)
        return self.owner[(row, column)]


def layout_items(lines: list, segments: list[Segment]) -> list[list | PageTable]:
    """The page in reading order: runs of text lines and the tables between them."""
    tables: list[tuple[float, PageTable]] = []
    grids = _ruled_grids(segments)
    if grids:
        lines = _fill(grids, lines)
        tables.extend((g.top, _grid_table(g)) for g in grids if g.cells)
    lines, aligned = _aligned_tables(lines)
    tables.extend(aligned)
    if not tables:
        return [lines] if lines else []
    pending = sorted(tables, key=lambda t: -t[0])
    out: list[list | PageTable] = []
    run: list = []
    for line in lines:
        while pending and pending[0][0] >= line.y1 - _TOL:
            if run:
                out.append(run)
                run = []
            out.append(pending.pop(0)[1])
        run.append(line)
    if run:
        out.append(run)
    out.extend(table for _top, table in pending)
    return out


# -- ruled tables --------------------------------------------------------------------------


def _ruled_grids(segments: list[Segment]) -> list[_Grid]:
    horizontal = _merge([s for s in segments if s[0]])
    vertical = _merge([s for s in segments if not s[0]])
    if not horizontal or not vertical:
        return []
    everything = horizontal + vertical
    parent = list(range(len(everything)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical, len(horizontal)):
            if _meet(h, v):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i, segment in enumerate(everything):
        groups.setdefault(find(i), []).append(segment)
    grids = []
    for group in groups.values():
        hs = [s for s in group if s[0]]
        vs = [s for s in group if not s[0]]
        xs = _positions(vs)
        ys = sorted(_positions(hs), reverse=True)
        if len(xs) < 2 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) < 2:
            continue  # a lone frame around a paragraph or a picture is not a table
        grid = _Grid(xs, ys, hs, vs)
        _merge_cells(grid)
        grids.append(grid)
    return grids


def _merge(segments: list[Segment]) -> list[Segment]:
    """Collinear pieces of one rule (touching or overlapping) as one segment."""
    out: list[Segment] = []
    for horizontal, pos, start, end in sorted(segments, key=lambda s: (round(s[1]), s[2])):
        if out and abs(out[-1][1] - pos) <= _TOL and start <= out[-1][3] + _TOL:
            last = out[-1]
            out[-1] = (horizontal, last[1], last[2], max(last[3], end))
        else:
            out.append((horizontal, pos, start, end))
    return out


def _meet(h: Segment, v: Segment) -> bool:
    return h[2] - _TOL <= v[1] <= h[3] + _TOL and v[2] - _TOL <= h[1] <= v[3] + _TOL


def _positions(segments: list[Segment]) -> list[float]:
    values: list[float] = []
    for pos in sorted(s[1] for s in segments):
        if not values or pos - values[-1] > _TOL:
            values.append(pos)
    return values


def _covers(segments: list[Segment], pos: float, at: float) -> bool:
    return any(abs(s[1] - pos) <= _TOL and s[2] - _TOL <= at <= s[3] + _TOL for s in segments)


def _merge_cells(grid: _Grid) -> None:
    """Cells with no rule between them are one cell; ``owner`` maps every grid cell to the
    top-left cell of the merged cell it belongs to."""
    rows, columns = len(grid.ys) - 1, len(grid.xs) - 1
    parent = {(r, c): (r, c) for r in range(rows) for c in range(columns)}

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the top-left one stays the owner

    for r in range(rows):
        middle = (grid.ys[r] + grid.ys[r + 1]) / 2
        for c in range(columns - 1):
            if not _covers(grid.vertical, grid.xs[c + 1], middle):
                union((r, c), (r, c + 1))
    for c in range(columns):
        middle = (grid.xs[c] + grid.xs[c + 1]) / 2
        for r in range(rows - 1):
            if not _covers(grid.horizontal, grid.ys[r + 1], middle):
                union((r, c), (r + 1, c))
    grid.owner = {cell: find(cell) for cell in parent}


def _fill(grids: list[_Grid], lines: list) -> list:
    """Put every glyph inside a grid into its cell; return the lines (or what is left of
    them) outside all grids."""
    rest = []
    for line in lines:
        middle = (line.y0 + line.y1) / 2
        outside = []
        for piece in line.pieces or [(line.x0, line.text, line.x1)]:
            centre = (piece[0] + piece[2]) / 2
            grid = next((g for g in grids if g.contains(centre, middle)), None)
            if grid is None:
                outside.append(piece)
                continue
            entries = grid.cells.setdefault(grid.cell_at(centre, middle), [])
            if not entries or entries[-1][0] is not line:
                entries.append((line, []))
            entries[-1][1].append(piece)
        if len(outside) == len(line.pieces or [None]):
            rest.append(line)
        elif any(not p[1].isspace() for p in outside):
            rest.append(_rest_of(line, outside))
    for grid in grids:
        if not any(_text_of(entries) for entries in grid.cells.values()):
            grid.cells = {}  # a drawing made of lines, not a table
    return rest


def _rest_of(line, pieces: list) -> Any:
    shown = [p for p in pieces if not p[1].isspace()]
    text = "".join(p[1] for p in pieces).strip()
    return dataclasses.replace(
        line, text=text, pieces=pieces, x0=min(p[0] for p in shown), x1=max(p[2] for p in shown)
    )


def _text_of(entries: list[tuple[Any, list]]) -> str:
    """A cell's text: its lines top to bottom, each line's pieces left to right, joined
    without a space at a CJK seam."""
    text = ""
    ordered = sorted(entries, key=lambda e: (-round((e[0].y0 + e[0].y1) / 2), e[1][0][0]))
    for _line, pieces in ordered:
        part = "".join(p[1] for p in sorted(pieces, key=lambda p: p[0])).strip()
        text = join_lines(text, part)
    return text


def _grid_table(grid: _Grid) -> PageTable:
    rows, columns = len(grid.ys) - 1, len(grid.xs) - 1
    extent: dict[tuple[int, int], tuple[int, int]] = {}
    for (r, c), owner in grid.owner.items():
        last_r, last_c = extent.get(owner, owner)
        extent[owner] = (max(last_r, r), max(last_c, c))
    out: list[list[tuple[str, int, int]]] = []
    for r in range(rows):
        row = []
        for c in range(columns):
            if grid.owner[(r, c)] != (r, c):
                continue
            last_r, last_c = extent[(r, c)]
            text = _text_of(grid.cells.get((r, c), []))
            row.append((text, last_r - r + 1, last_c - c + 1))
        out.append(row)
    return PageTable(out)


# -- aligned tables (no rules) -------------------------------------------------------------


@dataclass
class _Band:
    lines: list
    cells: list[tuple[float, float, str]]  # (x0, x1, text), left to right
    y0: float
    y1: float
    size: float


def _aligned_tables(lines: list) -> tuple[list, list[tuple[float, PageTable]]]:
    bands = _bands(lines)
    used: set[int] = set()
    tables: list[tuple[float, PageTable]] = []
    i = 0
    while i < len(bands):
        run = [bands[i]]
        columns = _columns(run) if len(bands[i].cells) >= _MIN_COLUMNS else None
        j = i + 1
        while columns is not None and j < len(bands):
            band, last = bands[j], run[-1]
            if len(band.cells) < _MIN_COLUMNS or last.y0 - band.y1 > _ROW_GAP * last.size:
                break
            wider = _columns(run + [band])
            if wider is None:
                break
            run.append(band)
            columns = wider
            j += 1
        if columns is not None and len(run) >= 2 and _every_column_shared(run, columns):
            tables.append((max(b.y1 for b in run), _band_table(run, columns)))
            used.update(id(line) for band in run for line in band.lines)
            i = j
        else:
            i += 1
    return [line for line in lines if id(line) not in used], tables


def _bands(lines: list) -> list[_Band]:
    """Lines sharing a baseline, top to bottom, with the cells they show."""
    bands: list[_Band] = []
    for line in sorted(lines, key=lambda ln: -(ln.y0 + ln.y1) / 2):
        middle = (line.y0 + line.y1) / 2
        band = bands[-1] if bands else None
        if band is not None and abs((band.y0 + band.y1) / 2 - middle) <= 0.35 * min(
            band.size, line.size
        ):
            band.lines.append(line)
            band.cells.extend(_cells(line))
            band.cells.sort()
            band.y0, band.y1 = min(band.y0, line.y0), max(band.y1, line.y1)
        else:
            bands.append(_Band([line], _cells(line), line.y0, line.y1, line.size))
    for band in bands:
        for a, b in zip(band.cells, band.cells[1:], strict=False):
            if b[0] < a[1]:
                band.cells = []  # overlapping text on one baseline: not a row of cells
                break
    return bands


def _cells(line) -> list[tuple[float, float, str]]:
    """The line cut at gaps wider than ``_CELL_GAP`` character sizes."""
    cells: list[list] = []
    for x0, text, x1 in line.pieces or [(line.x0, line.text, line.x1)]:
        if text.isspace():
            if cells:
                cells[-1][2] += text
            continue
        if cells and x0 - cells[-1][1] <= _CELL_GAP * line.size:
            cells[-1][1] = max(cells[-1][1], x1)
            cells[-1][2] += text
        else:
            cells.append([x0, x1, text])
    return [(a, b, t.strip()) for a, b, t in cells]


def _columns(run: list[_Band]) -> list[tuple[float, float]] | None:
    """Column extents where every row's cells fall into distinct columns, else ``None``."""
    spans = sorted((c[0], c[1]) for band in run for c in band.cells)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    for band in run:
        taken = [_column_of(cell, columns) for cell in band.cells]
        if len(set(taken)) != len(taken):
            return None
    return [(a, b) for a, b in columns]


def _column_of(cell: tuple[float, float, str], columns) -> int:
    return next(i for i, (a, b) in enumerate(columns) if a <= cell[0] < b or a == cell[0])


def _every_column_shared(run: list[_Band], columns) -> bool:
    if len(columns) < _MIN_COLUMNS:
        return False
    counts = [0] * len(columns)
    for band in run:
        for cell in band.cells:
            counts[_column_of(cell, columns)] += 1
    return min(counts) >= 2


def _band_table(run: list[_Band], columns) -> PageTable:
    rows = []
    for band in run:
        texts = [""] * len(columns)
        for cell in band.cells:
            texts[_column_of(cell, columns)] = cell[2]
        rows.append([(text, 1, 1) for text in texts])
    return PageTable(rows)
