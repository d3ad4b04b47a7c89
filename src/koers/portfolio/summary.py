"""A printable one-page summary of the portfolio (bijlage bij een cv), as self-contained HTML.

No template engine and nothing loaded from the internet: the page carries its own print CSS
(A4, one page for up to about 40 skills; longer lists are cut with a count of what is left).
The PDF version is drawn by the adapter in ``koers.services.portfolio`` from the same data
(:func:`summary_data`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from html import escape

from koers.portfolio.model import HistoryKind, Portfolio, SkillConfidence

MAX_SKILLS = 40

Translate = Callable[..., str]
"""``translate(message_id, **params)`` in the reader's language (ids ``summary.*`` and the
contributions' reasons); the edge passes one bound to that language (``koers.i18n.translator``)."""


@dataclass(frozen=True, slots=True)
class SummaryRow:
    label: str
    confidence: float
    source: str
    last_used: str


@dataclass(frozen=True, slots=True)
class SummaryData:
    """What the one-page summary shows, in display form (shared by HTML and PDF)."""

    title: str
    name: str
    made: str
    sample: bool
    current: str
    targets: tuple[str, ...]
    skills: tuple[SummaryRow, ...]
    more: int
    jobs: tuple[str, ...]
    learning: tuple[str, ...]
    lang: str


def _period(start: date | None, end: date | None, translate: Translate) -> str:
    left = str(start.year) if start else "?"
    right = str(end.year) if end else translate("summary.now")
    return f"{left}–{right}"


def summary_data(
    portfolio: Portfolio,
    confidences: Mapping[str, SkillConfidence],
    labels: Mapping[str, str],
    as_of: date,
    translate: Translate,
    lang: str = "nl",
) -> SummaryData:
    """Collect the summary's content: strongest skills first, jobs and learning newest first."""
    ranked = sorted(confidences.values(), key=lambda c: (-c.confidence, c.skill_uri))
    source_of = {c.skill_uri: c for c in portfolio.claims}
    rows = []
    for conf in ranked[:MAX_SKILLS]:
        claim = source_of.get(conf.skill_uri)
        if claim is not None:
            source = claim.source.name or claim.source.actor_type.value
        elif conf.contributions:
            reason = conf.contributions[0].reason
            source = translate(reason.code, **reason.values)
        else:
            source = ""
        rows.append(
            SummaryRow(
                labels.get(conf.skill_uri, conf.skill_uri),
                conf.confidence,
                source,
                conf.last_used.isoformat() if conf.last_used else translate("summary.unknown"),
            )
        )

    def newest(kind: HistoryKind) -> tuple[str, ...]:
        entries = [h for h in portfolio.history if h.kind is kind]
        entries.sort(key=lambda h: (h.end or date.max, h.start or date.min), reverse=True)
        out = []
        for h in entries:
            name = h.title or labels.get(h.occupation_uri, h.occupation_uri)
            where = f", {h.organisation}" if h.organisation else ""
            out.append(f"{_period(h.start, h.end, translate)}  {name}{where}")
        return tuple(out[:12])

    return SummaryData(
        title=translate("summary.title"),
        name=portfolio.person.display_name,
        made=translate("summary.made", date=as_of.isoformat()),
        sample=portfolio.sample,
        current=labels.get(portfolio.current_occupation, portfolio.current_occupation),
        targets=tuple(labels.get(t, t) for t in portfolio.targets),
        skills=tuple(rows),
        more=max(0, len(ranked) - MAX_SKILLS),
        jobs=newest(HistoryKind.JOB),
        learning=newest(HistoryKind.LEARNING),
        lang=lang,
    )


_CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: system-ui, sans-serif; font-size: 10pt; color: #111; margin: 0 auto;
       max-width: 190mm; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm;
     border-bottom: 1px solid #999; }
.sample { border: 2px solid #b00; color: #b00; padding: 1.5mm 3mm; font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.6mm 1.5mm; vertical-align: top; }
th { border-bottom: 1px solid #555; font-size: 9pt; }
td.num { white-space: nowrap; }
.bar { display: inline-block; height: 2.2mm; background: #1f5f99; vertical-align: middle; }
.muted { color: #555; font-size: 8.5pt; }
ul { margin: 0; padding-left: 5mm; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def to_html(data: SummaryData, translate: Translate) -> str:
    """A complete, self-contained HTML page (print CSS included) with the summary."""
    lang = data.lang
    e = escape
    parts = [
        "<!doctype html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f"<title>{e(data.title)}{' – ' + e(data.name) if data.name else ''}</title>",
        f"<style>{_CSS}</style></head><body><main>",
    ]
    if data.sample:
        parts.append(f'<p class="sample" role="note">{e(translate("summary.sample"))}</p>')
    parts.append(f"<h1>{e(data.title)}{': ' + e(data.name) if data.name else ''}</h1>")
    parts.append(f'<p class="muted">{e(data.made)}</p>')
    if data.current or data.targets:
        parts.append("<dl>")
        if data.current:
            parts.append(f"<dt>{e(translate('summary.current'))}</dt><dd>{e(data.current)}</dd>")
        if data.targets:
            parts.append(
                f"<dt>{e(translate('summary.targets'))}</dt><dd>{e(', '.join(data.targets))}</dd>"
            )
        parts.append("</dl>")
    parts.append(f"<h2>{e(translate('summary.skills'))}</h2>")
    parts.append(
        "<table><thead><tr>"
        f'<th scope="col">{e(translate("summary.skill"))}</th>'
        f'<th scope="col">{e(translate("summary.confidence"))}</th>'
        f'<th scope="col">{e(translate("summary.source"))}</th>'
        f'<th scope="col">{e(translate("summary.last_used"))}</th>'
        "</tr></thead><tbody>"
    )
    for row in data.skills:
        pct = round(row.confidence * 100)
        parts.append(
            f"<tr><td>{e(row.label)}</td>"
            f'<td class="num"><span class="bar" style="width:{pct // 4}mm" aria-hidden="true">'
            f"</span> {pct}%</td><td>{e(row.source)}</td>"
            f'<td class="num">{e(row.last_used)}</td></tr>'
        )
    parts.append("</tbody></table>")
    if data.more:
        parts.append(f'<p class="muted">{e(translate("summary.more", n=data.more))}</p>')
    for key, items in (("jobs", data.jobs), ("learning", data.learning)):
        if items:
            parts.append(f"<h2>{e(translate('summary.' + key))}</h2><ul>")
            parts.extend(f"<li>{e(item)}</li>" for item in items)
            parts.append("</ul>")
    parts.append(f'<p class="muted">{e(translate("summary.legend"))}</p>')
    parts.append("</main></body></html>")
    return "\n".join(parts)
