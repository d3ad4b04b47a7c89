"""competence forecasts: versioned runs, their rows, skill adjustments

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-28 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forecast_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_key", sa.String(length=40), nullable=False),
        sa.Column("group_key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("scenario", sa.String(length=40), nullable=False),
        sa.Column("scenario_label_nl", sa.String(length=200), nullable=False),
        sa.Column("scenario_label_en", sa.String(length=200), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("method", sa.String(length=80), nullable=False),
        sa.Column("inputs_hash", sa.String(length=64), nullable=False),
        sa.Column("base_year", sa.Integer(), nullable=False),
        sa.Column("horizon", sa.Integer(), nullable=False),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("config_json", sa.Text(), nullable=False),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_key"),
    )
    op.create_index("ix_forecast_run_created", "forecast_run", ["created_at"])
    op.create_index("ix_forecast_run_group_key", "forecast_run", ["group_key"])

    op.create_table(
        "forecast_series",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("is_forecast", sa.Boolean(), nullable=False),
        sa.Column("employment", sa.Float(), nullable=False),
        *[
            sa.Column(name, sa.Float(), nullable=True)
            for name in (
                "lo80",
                "hi80",
                "lo95",
                "hi95",
                "naive",
                "drift",
                "expansion",
                "replacement",
                "replacement_cohort",
                "replacement_separation",
                "openings",
                "demand_newcomers",
                "supply",
            )
        ],
        sa.ForeignKeyConstraint(["run_id"], ["forecast_run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "level", "code", "year"),
    )
    op.create_table(
        "forecast_mismatch",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=12), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("demand", sa.Float(), nullable=False),
        sa.Column("supply", sa.Float(), nullable=False),
        sa.Column("ratio", sa.Float(), nullable=True),
        sa.Column("band", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["forecast_run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "level", "code"),
    )
    op.create_table(
        "forecast_skill",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("skill_uri", sa.String(length=200), nullable=False),
        sa.Column("growth_pct", sa.Float(), nullable=False),
        sa.Column("degree", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("n_occupations", sa.Integer(), nullable=False),
        sa.Column("top_isco", sa.String(length=60), nullable=False),
        sa.Column("ratio", sa.Float(), nullable=True),
        sa.Column("band", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["forecast_run.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "skill_uri"),
    )
    op.create_table(
        "forecast_adjustment",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("skill_uri", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("degree_delta", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_forecast_adjustment_skill_uri", "forecast_adjustment", ["skill_uri"])


def downgrade() -> None:
    op.drop_index("ix_forecast_adjustment_skill_uri", table_name="forecast_adjustment")
    op.drop_table("forecast_adjustment")
    op.drop_table("forecast_skill")
    op.drop_table("forecast_mismatch")
    op.drop_table("forecast_series")
    op.drop_index("ix_forecast_run_group_key", table_name="forecast_run")
    op.drop_index("ix_forecast_run_created", table_name="forecast_run")
    op.drop_table("forecast_run")
