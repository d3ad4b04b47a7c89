"""ORM tables of competence forecasts: versioned runs, their rows, and skill adjustments.

One ``forecast_run`` row per scenario of an invocation (``group_key`` ties the scenarios of
one ``koers forecast run`` together). Rows are aggregate, non-personal data. The only names
stored are the authors of employer-survey and expert-panel adjustments, which are shown beside
the adjusted value and never logged.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from koers.store.db import Base
from koers.store.personal_data import not_personal

AGGREGATE = "aggregate labour-market forecasts (no person)"
ADJUSTMENT = (
    "an analyst's adjustment of a skill indicator; its author is a free-text attribution (a name"
    " or an organisation) shown publicly beside the value and linked to no account"
)


class ForecastRunRow(Base):
    """A versioned forecast run of one scenario (inputs hash, method, scenario, created at)."""

    __tablename__ = "forecast_run"
    __table_args__ = (Index("ix_forecast_run_created", "created_at"), not_personal(AGGREGATE))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_key: Mapped[str] = mapped_column(String(40), unique=True)
    group_key: Mapped[str] = mapped_column(String(40), index=True)
    label: Mapped[str] = mapped_column(String(200))
    scenario: Mapped[str] = mapped_column(String(40))
    scenario_label_nl: Mapped[str] = mapped_column(String(200), default="")
    scenario_label_en: Mapped[str] = mapped_column(String(200), default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    method: Mapped[str] = mapped_column(String(80))
    inputs_hash: Mapped[str] = mapped_column(String(64))
    base_year: Mapped[int] = mapped_column(Integer)
    horizon: Mapped[int] = mapped_column(Integer)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    config_json: Mapped[str] = mapped_column(Text, default="{}")
    summary_json: Mapped[str] = mapped_column(Text, default="{}")
    """Back-test, notes, input file names and tension ranking (JSON)."""


def _run_fk() -> ForeignKey:
    return ForeignKey("forecast_run.id", ondelete="CASCADE")


class ForecastSeriesRow(Base):
    """Employment, interval bounds and demand per sector or occupation and year."""

    __tablename__ = "forecast_series"
    __table_args__ = not_personal(AGGREGATE)

    run_id: Mapped[int] = mapped_column(Integer, _run_fk(), primary_key=True)
    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    """``sector`` (NACE; ``TOTAL`` for the total) or ``occupation`` (ISCO-08)."""
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    is_forecast: Mapped[bool] = mapped_column(Boolean)
    employment: Mapped[float] = mapped_column(Float)
    lo80: Mapped[float | None] = mapped_column(Float, nullable=True)
    hi80: Mapped[float | None] = mapped_column(Float, nullable=True)
    lo95: Mapped[float | None] = mapped_column(Float, nullable=True)
    hi95: Mapped[float | None] = mapped_column(Float, nullable=True)
    naive: Mapped[float | None] = mapped_column(Float, nullable=True)
    drift: Mapped[float | None] = mapped_column(Float, nullable=True)
    expansion: Mapped[float | None] = mapped_column(Float, nullable=True)
    replacement: Mapped[float | None] = mapped_column(Float, nullable=True)
    replacement_cohort: Mapped[float | None] = mapped_column(Float, nullable=True)
    replacement_separation: Mapped[float | None] = mapped_column(Float, nullable=True)
    openings: Mapped[float | None] = mapped_column(Float, nullable=True)
    demand_newcomers: Mapped[float | None] = mapped_column(Float, nullable=True)
    supply: Mapped[float | None] = mapped_column(Float, nullable=True)


class ForecastMismatchRow(Base):
    """Expected newcomers' demand vs supply per occupation or sector, with a prospects band."""

    __tablename__ = "forecast_mismatch"
    __table_args__ = not_personal(AGGREGATE)

    run_id: Mapped[int] = mapped_column(Integer, _run_fk(), primary_key=True)
    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    demand: Mapped[float] = mapped_column(Float)
    supply: Mapped[float] = mapped_column(Float)
    ratio: Mapped[float | None] = mapped_column(Float, nullable=True)
    band: Mapped[str] = mapped_column(String(20))


class ForecastSkillRow(Base):
    """Growth indicator of one ESCO skill in one run (and its competence-level prospects)."""

    __tablename__ = "forecast_skill"
    __table_args__ = not_personal(AGGREGATE)

    run_id: Mapped[int] = mapped_column(Integer, _run_fk(), primary_key=True)
    skill_uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    growth_pct: Mapped[float] = mapped_column(Float)
    degree: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float)
    n_occupations: Mapped[int] = mapped_column(Integer)
    top_isco: Mapped[str] = mapped_column(String(60), default="")
    ratio: Mapped[float | None] = mapped_column(Float, nullable=True)
    band: Mapped[str | None] = mapped_column(String(20), nullable=True)


class ForecastAdjustmentRow(Base):
    """An employer-survey or expert-panel adjustment of a skill indicator."""

    __tablename__ = "forecast_adjustment"
    __table_args__ = not_personal(ADJUSTMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    skill_uri: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))
    degree_delta: Mapped[int] = mapped_column(Integer, default=0)
    author: Mapped[str] = mapped_column(String(200))
    made_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


FORECAST_RUN_TABLES = [ForecastSkillRow, ForecastMismatchRow, ForecastSeriesRow]
"""Child tables of a run, in safe delete order."""
