"""Inline SVG charts for the analyst pages: pure functions from numbers to markup.

Server-side, no JavaScript and nothing from the internet. Every chart carries a ``<title>`` and
a ``<desc>`` (``aria-labelledby``); the page puts a data table with the same numbers after it.
Colours and line styles come from CSS classes (``templates/analyst/analyst.css``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from koers.forecast import OutlookPoint

WIDTH, HEIGHT = 640, 280
MARGIN = {"left": 78, "right": 16, "top": 16, "bottom": 34}


def fmt_number(value: float | None, lang: str, digits: int = 0) -> str:
    """Thousands separators as each language writes them (nl: 2.719.600; en: 2,719,600)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "nl":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def _scale(lo: float, hi: float, a: float, b: float) -> Callable[[float], float]:
    span = hi - lo or 1.0

    def f(v: float) -> float:
        return a + (v - lo) / span * (b - a)

    return f


def _nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    magnitude = 10 ** math.floor(math.log10(raw))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), default=raw)
    start = math.ceil(lo / step) * step
    ticks = []
    value = start
    while value <= hi + 1e-9:
        ticks.append(value)
        value += step
    return ticks


def line_chart(
    points: Sequence[OutlookPoint], chart_id: str, title: str, desc: str, lang: str
) -> Markup:
    """Employment, history and forecast, with 80 % and 95 % interval bands (inline SVG)."""
    if not points:
        return Markup("")
    values = [p.employment for p in points]
    for p in points:
        values += [v for v in (p.lo95, p.hi95, p.naive, p.drift) if v is not None]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.05 or 1.0
    lo, hi = lo - pad, hi + pad
    years = [p.year for p in points]
    x = _scale(years[0], years[-1], MARGIN["left"], WIDTH - MARGIN["right"])
    y = _scale(lo, hi, HEIGHT - MARGIN["bottom"], MARGIN["top"])
    parts: list[str] = []
    for tick in _nice_ticks(lo, hi):
        parts.append(
            f'<line x1="{MARGIN["left"]}" x2="{WIDTH - MARGIN["right"]}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" class="grid"/>'
            f'<text x="{MARGIN["left"] - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{escape(fmt_number(tick, lang))}</text>"
        )
    step = max(1, round(len(years) / 8))
    for year in years[::step]:
        parts.append(
            f'<text x="{x(year):.1f}" y="{HEIGHT - 10}" text-anchor="middle">{year}</text>'
        )
    forecast = [p for p in points if p.is_forecast]
    history = [p for p in points if not p.is_forecast]
    if forecast and history:
        anchor = history[-1]
        for level, css in ((95, "band95"), (80, "band80")):
            upper = [(anchor.year, anchor.employment)] + [
                (p.year, getattr(p, f"hi{level}") or p.employment) for p in forecast
            ]
            lower = [(anchor.year, anchor.employment)] + [
                (p.year, getattr(p, f"lo{level}") or p.employment) for p in forecast
            ]
            polygon = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in upper + lower[::-1])
            parts.append(f'<polygon points="{polygon}" class="{css}"/>')
        for name, css in (("naive", "naive"), ("drift", "drift")):
            series = [(anchor.year, anchor.employment)] + [
                (p.year, getattr(p, name)) for p in forecast if getattr(p, name) is not None
            ]
            if len(series) > 1:
                path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in series)
                parts.append(f'<polyline points="{path}" class="{css}"/>')
        path = " ".join(f"{x(p.year):.1f},{y(p.employment):.1f}" for p in [anchor, *forecast])
        parts.append(f'<polyline points="{path}" class="forecast"/>')
    if history:
        path = " ".join(f"{x(p.year):.1f},{y(p.employment):.1f}" for p in history)
        parts.append(f'<polyline points="{path}" class="history"/>')
    return _svg(chart_id, title, desc, "".join(parts))


def bar_chart(
    years: Sequence[int],
    series: Sequence[tuple[str, str, Sequence[float]]],
    chart_id: str,
    title: str,
    desc: str,
    lang: str,
) -> Markup:
    """Stacked bars per year (positive parts up, negative down from zero)."""
    if not years:
        return Markup("")
    ups = [sum(max(v[i], 0.0) for _, _, v in series) for i in range(len(years))]
    downs = [sum(min(v[i], 0.0) for _, _, v in series) for i in range(len(years))]
    lo, hi = min([0.0, *downs]), max([0.0, *ups])
    hi = hi + (hi - lo) * 0.05 or 1.0
    y = _scale(lo, hi, HEIGHT - MARGIN["bottom"], MARGIN["top"])
    slot = (WIDTH - MARGIN["left"] - MARGIN["right"]) / len(years)
    parts: list[str] = []
    for tick in _nice_ticks(lo, hi):
        parts.append(
            f'<line x1="{MARGIN["left"]}" x2="{WIDTH - MARGIN["right"]}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" class="grid"/>'
            f'<text x="{MARGIN["left"] - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{escape(fmt_number(tick, lang))}</text>"
        )
    for i, year in enumerate(years):
        left = MARGIN["left"] + i * slot + slot * 0.15
        up, down = 0.0, 0.0
        for _, css, values in series:
            v = values[i]
            base = up if v >= 0 else down
            top, bottom = (base + v, base) if v >= 0 else (base, base + v)
            parts.append(
                f'<rect x="{left:.1f}" y="{y(top):.1f}" width="{slot * 0.7:.1f}" '
                f'height="{max(y(bottom) - y(top), 0.0):.1f}" class="{css}"/>'
            )
            if v >= 0:
                up += v
            else:
                down += v
        if len(years) <= 12 or i % 2 == 0:
            parts.append(
                f'<text x="{left + slot * 0.35:.1f}" y="{HEIGHT - 10}" '
                f'text-anchor="middle">{year}</text>'
            )
    parts.append(
        f'<line x1="{MARGIN["left"]}" x2="{WIDTH - MARGIN["right"]}" y1="{y(0):.1f}" '
        f'y2="{y(0):.1f}" class="axis"/>'
    )
    return _svg(chart_id, title, desc, "".join(parts))


def pair_chart(
    items: Sequence[tuple[str, float, str]], chart_id: str, title: str, desc: str, lang: str
) -> Markup:
    """Horizontal bars to compare a few amounts (e.g. demand and supply)."""
    top = max([v for _, v, _ in items] + [1.0])
    height = 40 + 44 * len(items)
    left, right = 190, WIDTH - 90
    parts = []
    for i, (label, value, css) in enumerate(items):
        y0 = 20 + i * 44
        width = max(value, 0.0) / top * (right - left)
        parts.append(
            f'<text x="{left - 8}" y="{y0 + 20}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{left}" y="{y0}" width="{width:.1f}" height="28" class="{css}"/>'
            f'<text x="{left + width + 6:.1f}" y="{y0 + 20}">{escape(fmt_number(value, lang))}'
            "</text>"
        )
    return _svg(chart_id, title, desc, "".join(parts), height)


def _svg(chart_id: str, title: str, desc: str, body: str, height: int = HEIGHT) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>{body}</svg>'
    )
