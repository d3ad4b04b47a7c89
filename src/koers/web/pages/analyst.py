"""The analyst space ``/analist``: outlooks, tension, competences, back-tests (aggregate data).

Charts are inline SVG built on the server by :mod:`koers.web.charts` (no JavaScript, nothing
from the internet).
Every chart has a ``<title>`` and ``<desc>`` and is followed by a data table with the same
numbers, so screen-reader users and keyboard users get everything.

The pages show aggregate, non-personal data and stay open; storing an adjustment needs a
signed-in ``analyst`` (others see why the form is not there).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from koers.errors import KoersError
from koers.forecast import NACE_A38, TOTAL, OutlookPoint, RunInfo, UnknownRun, degree_key
from koers.http.deps import ForecastDep, TaxonomyDep
from koers.http.limits import HeavyKind, ServerBusy, run_heavy
from koers.http.security import AnalystAccount, CsrfForm
from koers.http.uploads import MAX_CSV_ROWS, MAX_CSV_UPLOAD, read_upload
from koers.i18n import translate
from koers.services.tables import read_table
from koers.taxonomy import ConceptKind
from koers.web.charts import bar_chart, fmt_number, line_chart, pair_chart
from koers.web.render import language, render

router = APIRouter(prefix="/analist", include_in_schema=False)

_CSS = (resources.files("koers.web") / "templates" / "analyst" / "analyst.css").read_text("utf-8")


# -- formatting ----------------------------------------------------------------------------------


def fmt_pct(value: float | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else ""
    return f"{sign}{fmt_number(value, lang, digits)} %"


def sector_name(code: str, lang: str) -> str:
    if code == TOTAL:
        return translate("analyst.total", lang)
    names = NACE_A38.get(code)
    return names[0 if lang == "nl" else 1] if names else code


# -- charts --------------------------------------------------------------------------------------


def demand_chart(forecast: Sequence[OutlookPoint], title: str, lang: str) -> Markup:
    """Replacement beside expansion demand per forecast year (vervangings- en uitbreidingsvraag)."""
    return bar_chart(
        [p.year for p in forecast],
        [
            (
                translate("analyst.replacement", lang),
                "replacement",
                [p.replacement or 0.0 for p in forecast],
            ),
            (
                translate("analyst.expansion", lang),
                "expansion",
                [p.expansion or 0.0 for p in forecast],
            ),
        ],
        "demand",
        title,
        translate("analyst.chart.demand.desc", lang),
        lang,
    )


# -- context helpers -----------------------------------------------------------------------------


def _runs(forecast: Any, run: str | None, scenario: str | None) -> tuple[RunInfo, list[RunInfo]]:
    group = forecast.scenarios(run)
    chosen = next(
        (r for r in group if r.scenario == scenario), next(r for r in group if r.is_default)
    )
    return chosen, group


def _common(request: Request, run: RunInfo | None, group: list[RunInfo]) -> dict[str, Any]:
    lang = language(request)
    return {
        "run": run,
        "group": group,
        "num": lambda v, d=0: fmt_number(v, lang, d),
        "pct": lambda v, d=1: fmt_pct(v, lang, d),
        "sector_name": lambda c: sector_name(c, lang),
        "degree_key": lambda d: degree_key(int(d)) if d is not None else "unknown",
        "scenario_label": lambda r: r.scenario_label_nl if lang == "nl" else r.scenario_label_en,
    }


def _no_run(request: Request) -> HTMLResponse:
    return render(request, "analyst/no_run.html", {"run": None, "group": []}, status_code=200)


def _backtest_rows(run: RunInfo, series: str | None = None) -> list[dict[str, Any]]:
    backtest = run.summary.get("backtest", {})
    sectors = backtest.get("sectors", {}) if isinstance(backtest, dict) else {}
    if not isinstance(sectors, dict) or "overall" not in sectors:
        return []
    if series is None:
        metrics = sectors["overall"]
    else:
        found = [s for s in sectors.get("series", []) if s.get("unique_id") == series]
        if not found:
            return []
        metrics = {k: v for k, v in found[0].items() if k != "unique_id"}
    return [{"method": name, **values} for name, values in metrics.items()]


def _points_table(points: Sequence[OutlookPoint]) -> list[OutlookPoint]:
    return list(points)


# -- pages ---------------------------------------------------------------------------------------


@router.get("/analyst.css")
def stylesheet() -> Response:
    """Layout and chart styles (served from here so that no inline style is needed)."""
    return Response(_CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    forecast: ForecastDep,
    run: Annotated[str | None, Query(max_length=60)] = None,
    scenario: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    try:
        chosen, group = _runs(forecast, run, scenario)
    except UnknownRun:
        return _no_run(request)
    lang = language(request)
    total = forecast.outlook(chosen, "sector", TOTAL)
    sectors = [r for r in forecast.overview(chosen, "sector") if r["code"] != TOTAL]
    fc = [p for p in total.points if p.is_forecast]
    chart = line_chart(
        total.points,
        "total",
        translate("analyst.chart.total", lang),
        translate(
            "analyst.chart.total.desc",
            lang,
            start=fmt_number(total.points[0].employment, lang),
            base=fmt_number(
                next(
                    p for p in total.points if not p.is_forecast and p.year == chosen.base_year
                ).employment,
                lang,
            ),
            end=fmt_number(fc[-1].employment if fc else None, lang),
            lo=fmt_number(fc[-1].lo80 if fc else None, lang),
            hi=fmt_number(fc[-1].hi80 if fc else None, lang),
        ),
        lang,
    )
    bars = demand_chart(fc, translate("analyst.chart.demand", lang), lang)
    return render(
        request,
        "analyst/overview.html",
        {
            **_common(request, chosen, group),
            "total": total,
            "forecast_points": fc,
            "sectors": sorted(sectors, key=lambda r: -(r["employment_base"] or 0)),
            "chart": chart,
            "bars": bars,
            "backtest": _backtest_rows(chosen),
            "shares_backtest": dict(chosen.summary.get("backtest") or {}).get("shares", {}),  # type: ignore[call-overload]
            "notes": chosen.summary.get("notes", []),
            "supply_groups": chosen.summary.get("supply_groups", []),
        },
    )


@router.get("/sector/{code}", response_class=HTMLResponse)
def sector_page(
    request: Request,
    forecast: ForecastDep,
    code: str,
    run: Annotated[str | None, Query(max_length=60)] = None,
    scenario: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    try:
        chosen, group = _runs(forecast, run, scenario)
    except UnknownRun:
        return _no_run(request)
    lang = language(request)
    found = forecast.outlook(chosen, "sector", code)
    return _unit_page(request, forecast, chosen, group, found, sector_name(code, lang), lang)


@router.get("/beroepen", response_class=HTMLResponse)
def occupations_page(
    request: Request,
    forecast: ForecastDep,
    run: Annotated[str | None, Query(max_length=60)] = None,
    scenario: Annotated[str | None, Query(max_length=40)] = None,
    sort: Annotated[str, Query(pattern="^(code|growth|openings|prospects)$")] = "openings",
) -> HTMLResponse:
    try:
        chosen, group = _runs(forecast, run, scenario)
    except UnknownRun:
        return _no_run(request)
    lang = language(request)
    rows = forecast.overview(chosen, "occupation")
    labels = forecast.isco_labels([r["code"] for r in rows], lang)
    keys = {
        "code": lambda r: r["code"],
        "growth": lambda r: -(r["growth_pct"] or -1e9),
        "openings": lambda r: -(r.get("openings") or 0.0),
        "prospects": lambda r: (
            r["prospects"].ratio if r["prospects"] and r["prospects"].ratio is not None else 1e9
        ),
    }
    rows.sort(key=keys[sort])
    return render(
        request,
        "analyst/occupations.html",
        {**_common(request, chosen, group), "rows": rows, "labels": labels, "sort": sort},
    )


@router.get("/beroep/{code}", response_class=HTMLResponse)
def occupation_page(
    request: Request,
    forecast: ForecastDep,
    code: str,
    run: Annotated[str | None, Query(max_length=60)] = None,
    scenario: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    try:
        chosen, group = _runs(forecast, run, scenario)
    except UnknownRun:
        return _no_run(request)
    lang = language(request)
    found = forecast.outlook(chosen, "occupation", code)
    name = forecast.isco_labels([code], lang).get(code, code)
    return _unit_page(request, forecast, chosen, group, found, f"{code} {name}", lang)


def _unit_page(
    request: Request,
    forecast: Any,
    run: RunInfo,
    group: list[RunInfo],
    found: Any,
    name: str,
    lang: str,
) -> HTMLResponse:
    fc = [p for p in found.points if p.is_forecast]
    hist = [p for p in found.points if not p.is_forecast]
    chart = line_chart(
        found.points,
        "outlook",
        translate("analyst.chart.unit", lang, name=name),
        translate(
            "analyst.chart.unit.desc",
            lang,
            name=name,
            base=fmt_number(hist[-1].employment if hist else None, lang),
            end=fmt_number(fc[-1].employment if fc else None, lang),
            lo=fmt_number(fc[-1].lo80 if fc else None, lang),
            hi=fmt_number(fc[-1].hi80 if fc else None, lang),
        ),
        lang,
    )
    bars = demand_chart(fc, translate("analyst.chart.demand.unit", lang, name=name), lang)
    supply_chart = Markup("")
    if found.prospects is not None:
        p = found.prospects
        supply_chart = pair_chart(
            [
                (translate("analyst.demand_newcomers", lang), p.demand, "expansion"),
                (translate("analyst.supply", lang), p.supply, "supply"),
            ],
            "supply-demand",
            translate("analyst.chart.supply", lang, name=name),
            translate(
                "analyst.chart.supply.desc",
                lang,
                demand=fmt_number(p.demand, lang),
                supply=fmt_number(p.supply, lang),
            ),
            lang,
        )
    return render(
        request,
        "analyst/unit.html",
        {
            **_common(request, run, group),
            "outlook": found,
            "name": name,
            "forecast_points": fc,
            "chart": chart,
            "bars": bars,
            "supply_chart": supply_chart,
            "backtest": _backtest_rows(run, found.code) if found.level == "sector" else [],
            "backtest_overall": _backtest_rows(run),
        },
    )


@router.get("/spanning", response_class=HTMLResponse)
def tension_page(
    request: Request,
    forecast: ForecastDep,
    period: Annotated[str | None, Query(max_length=40)] = None,
    filter_period: Annotated[str | None, Query(max_length=40)] = None,
    min_vacancies: Annotated[int, Query(ge=0, le=100000)] = 50,
    top: Annotated[int, Query(ge=1, le=500)] = 20,
) -> HTMLResponse:
    ranking, facts = forecast.tension(None, period, filter_period, min_vacancies, top, wait=False)
    return _tension_render(request, ranking, facts, min_vacancies, top)


@router.post("/spanning", response_class=HTMLResponse)
async def tension_upload_page(
    request: Request,
    forecast: ForecastDep,
    file: Annotated[UploadFile, File()],
    period: Annotated[str, Form(max_length=40)] = "",
    filter_period: Annotated[str, Form(max_length=40)] = "",
    min_vacancies: Annotated[int, Form(ge=0, le=100000)] = 50,
    top: Annotated[int, Form(ge=1, le=500)] = 20,
) -> HTMLResponse:
    name = file.filename or "upload.csv"
    try:
        data = await read_upload(file, MAX_CSV_UPLOAD)

        def rank() -> tuple[Any, dict[str, Any]]:
            counts = read_table(data, name, max_bytes=MAX_CSV_UPLOAD, max_rows=MAX_CSV_ROWS).frame
            return forecast.tension(
                counts, period or None, filter_period or None, min_vacancies, top, name, wait=False
            )

        ranking, facts = await run_heavy(request, HeavyKind.TABLE, rank)
    except ServerBusy:
        raise  # the busy page with Retry-After, not a problem with the file
    except KoersError as exc:
        ranking, facts = forecast.tension(None, None, None, 50, 20, wait=False)
        return _tension_render(request, ranking, facts, 50, 20, error=exc.message)
    return _tension_render(request, ranking, facts, min_vacancies, top)


def _tension_render(
    request: Request,
    ranking: Any,
    facts: dict[str, Any],
    min_vacancies: int,
    top: int,
    error: str | None = None,
) -> HTMLResponse:
    return render(
        request,
        "analyst/tension.html",
        {
            **_common(request, None, []),
            "ranking": ranking,
            "facts": facts,
            "min_vacancies": min_vacancies,
            "top": top,
            "error": error,
        },
        status_code=422 if error else 200,
    )


@router.get("/competenties", response_class=HTMLResponse)
def skills_page(
    request: Request,
    forecast: ForecastDep,
    taxonomy: TaxonomyDep,
    q: Annotated[str, Query(max_length=200)] = "",
    uri: Annotated[str, Query(max_length=200)] = "",
    run: Annotated[str | None, Query(max_length=60)] = None,
    scenario: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    try:
        chosen, group = _runs(forecast, run, scenario)
    except UnknownRun:
        return _no_run(request)
    lang = language(request)
    loaded = taxonomy.is_loaded()
    hits = taxonomy.search(q, lang=lang, limit=15) if q.strip() and loaded else []
    hit_uris = [h.uri for h in hits if h.kind is ConceptKind.SKILL]
    indicators = forecast.skill_indicators(chosen, hit_uris) if hit_uris else {}
    detail: dict[str, Any] | None = None
    if uri:
        concept = taxonomy.detail(uri, lang)
        if concept.ref.kind is ConceptKind.SKILL:
            try:
                found = forecast.skill_indicator(chosen, concept.ref.uri)
            except KoersError:
                found = None
            detail = {"concept": concept, "indicator": found}
            if found:
                detail["isco"] = forecast.isco_labels(found["top_isco"], lang)
        elif concept.ref.kind is ConceptKind.OCCUPATION:
            skills = [s.uri for s in concept.essential_skills]
            detail = {
                "concept": concept,
                "skills": forecast.skill_indicators(chosen, skills),
            }
            try:
                isco = concept.isco_group.code if concept.isco_group else ""
                detail["outlook"] = forecast.outlook(chosen, "occupation", isco)
            except KoersError:
                detail["outlook"] = None
    extremes = forecast.skill_extremes(chosen, 8) if not q and not uri else None
    labels: dict[str, str] = {}
    if extremes:
        refs = [u for u, _ in extremes["growing"] + extremes["declining"]]
        labels = forecast.concept_labels(refs, lang)
    return render(
        request,
        "analyst/skills.html",
        {
            **_common(request, chosen, group),
            "q": q,
            "hits": hits,
            "indicators": indicators,
            "detail": detail,
            "extremes": extremes,
            "labels": labels,
            "loaded": loaded,
            "today": date.today().isoformat(),
        },
    )


@router.post("/competenties/aanpassing", response_class=HTMLResponse)
def add_adjustment_page(
    request: Request,
    forecast: ForecastDep,
    _analyst: AnalystAccount,
    _csrf: CsrfForm,
    uri: Annotated[str, Form(max_length=200)],
    source: Annotated[str, Form(pattern="^(employer_survey|expert_panel)$")],
    kind: Annotated[str, Form(pattern="^(ex_ante|ex_post)$")],
    author: Annotated[str, Form(min_length=1, max_length=200)],
    made_on: Annotated[date, Form()],
    reason: Annotated[str, Form(min_length=1, max_length=4000)],
    degree_delta: Annotated[int, Form(ge=-4, le=4)] = 0,
) -> Response:
    """Store an adjustment, then show the skill again (post/redirect/get)."""
    forecast.add_adjustment(
        uri, source, kind, degree_delta if kind == "ex_ante" else 0, author, made_on, reason
    )
    from urllib.parse import urlencode

    return RedirectResponse(
        f"/analist/competenties?{urlencode({'uri': uri})}#aanpassingen", status_code=303
    )


@router.get("/backtest", response_class=HTMLResponse)
def backtest_page(
    request: Request,
    forecast: ForecastDep,
    run: Annotated[str | None, Query(max_length=60)] = None,
    scenario: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    try:
        chosen, group = _runs(forecast, run, scenario)
    except UnknownRun:
        return _no_run(request)
    backtest = chosen.summary.get("backtest", {})
    sectors = backtest.get("sectors", {}) if isinstance(backtest, dict) else {}
    return render(
        request,
        "analyst/backtest.html",
        {
            **_common(request, chosen, group),
            "overall": _backtest_rows(chosen),
            "series": sectors.get("series", []) if isinstance(sectors, dict) else [],
            "meta": sectors if isinstance(sectors, dict) else {},
            "shares": backtest.get("shares", {}) if isinstance(backtest, dict) else {},
        },
    )
