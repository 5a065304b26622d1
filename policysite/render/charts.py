"""Static SVG charts written at build time: no script, sized by a viewBox so
they shrink to a phone's width, each with its numbers as a table beside it
(the chart is an image with a name; the table is what a screen reader and a
reader who wants the digits read).

- bars: one bar per place (the year's GDP growth targets on 目标对比), a
  range drawn from its low to its high end;
- years: a place's target (a hollow mark, a bar for a range) and result
  (a filled dot) by year on its 承诺兑现 page.
"""

from __future__ import annotations

from html import escape

WIDTH = 360          # viewBox units; the SVG is drawn at the column's width, at most 560 px
LABEL = 92           # room for a place's name left of the bars
ROW = 22
FONT = 12


def number(value: float) -> str:
    return f"{value:g}"


def bars(title: str, rows: list[tuple[str, float, float, str]], table_below: str = "") -> str:
    """Horizontal bars, one per (label, low, high, text as written), on a scale from 0; their
    numbers in a table of their own, or `table_below` says where the page already lists them."""
    if not rows:
        return ""
    top = max(high for _, _, high, _ in rows) or 1
    scale = (WIDTH - LABEL - 64) / top
    height = ROW * len(rows) + 8
    # Bytes count: a year's chart has a bar per report, so each row is three short elements
    # (labels right-aligned by their group, bars and ranges styled by the stylesheet).
    labels, bars_, values = [], [], []
    for n, (label, low, high, written) in enumerate(rows):
        y = 4 + n * ROW
        labels.append(f'<text x="{LABEL - 6}" y="{y + 15}">{escape(label[:7])}</text>')
        bars_.append(f'<path d="M{LABEL} {y + 4}h{low * scale:.0f}v{ROW - 8}H{LABEL}z"/>')
        if high > low:
            bars_.append(f'<path class="chart-range" d="M{LABEL + low * scale:.0f} {y + 4}h{(high - low) * scale:.0f}'
                         f'v{ROW - 8}h-{(high - low) * scale:.0f}z"/>')
        values.append(f'<text x="{LABEL + high * scale + 4:.0f}" y="{y + 15}">{escape(written)}</text>')
    marks = ['<g text-anchor="end">', *labels, '</g><g class="chart-bar">', *bars_, "</g>", *values]
    svg = svg_element(title, height, marks)
    if not table_below:
        return figure(svg, title, data_table(["地区", "目标"], [[label, written] for label, _, _, written in rows]))
    # The same numbers are a column of the table below the chart: said, not repeated (a year's page stays small).
    return f'<figure class="chart-figure">{svg}<figcaption>{escape(title)}：{escape(table_below)}</figcaption></figure>'



def years(title: str, points: list[tuple[str, float | None, float | None, str, float | None, str]]) -> str:
    """A place's targets and results by year: (year, target low, target high, target as written,
    result, result as written); a missing number is None. The scale spans the numbers shown
    (a dot chart needs no zero), with a line at its bottom and top value."""
    values = [v for _, low, high, _, result, _ in points for v in (low, high, result) if v is not None]
    if not points or not values:
        return ""
    floor, ceiling = int(min(values)) - 1, int(max(values)) + 1
    left, top, bottom = 40, 28, 150
    step = (WIDTH - left - 90) / max(1, len(points) - 1)  # room right of the last point for its result

    def y(value: float) -> float:
        return bottom - (value - floor) / (ceiling - floor) * (bottom - top)

    def x(n: int) -> float:
        return left + 24 + n * step if len(points) > 1 else (left + WIDTH) / 2

    marks = [f'<circle class="chart-target" cx="{left + 4}" cy="10" r="4"/><text x="{left + 12}" y="14">目标</text>',
             f'<circle class="chart-result" cx="{left + 60}" cy="10" r="4"/><text x="{left + 68}" y="14">结果</text>']
    for level in (floor, ceiling):
        marks.append(f'<line class="chart-axis" x1="{left}" y1="{y(level):.1f}" x2="{WIDTH - 4}" y2="{y(level):.1f}"/>'
                     f'<text x="{left - 4}" y="{y(level) + 4:.1f}" text-anchor="end">{number(level)}</text>')
    for n, (year, low, high, written, result, shown) in enumerate(points):
        marks.append(f'<text x="{x(n):.1f}" y="{bottom + 18}" text-anchor="middle">{escape(year)}年</text>')
        if low is not None and high is not None and high > low:
            marks.append(f'<rect class="chart-range" x="{x(n) - 6:.1f}" y="{y(high):.1f}" width="12" height="{y(low) - y(high):.1f}"/>')
        elif low is not None:
            marks.append(f'<circle class="chart-target" cx="{x(n):.1f}" cy="{y(low):.1f}" r="5"/>')
        if low is not None:
            marks.append(f'<text x="{x(n) - 10:.1f}" y="{y(high if high is not None else low) + 4:.1f}" '
                         f'text-anchor="end">{escape(written)}</text>')
        if result is not None:
            marks.append(f'<circle class="chart-result" cx="{x(n):.1f}" cy="{y(result):.1f}" r="4"/>'
                         f'<text x="{x(n) + 10:.1f}" y="{y(result) + 4:.1f}">{escape(shown)}</text>')
    svg = svg_element(title, bottom + 26, marks)
    table = data_table(["年份", "目标", "结果"], [[year, target or "—", shown or "—"] for year, _, _, target, _, shown in points])
    return figure(svg, title, table)


def svg_element(title: str, height: int, marks: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
            f'aria-label="{escape(title)}" font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(title)}</title>" + "".join(marks) + "</svg>")


def data_table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="chart-data"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>'


def figure(svg: str, title: str, table: str) -> str:
    """The chart with its caption, and its numbers as a table a click away."""
    return (f'<figure class="chart-figure">{svg}<figcaption>{escape(title)}</figcaption>'
            f"<details><summary>图中数字</summary>{table}</details></figure>")
