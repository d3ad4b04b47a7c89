"""audit retention: the database lets a prune remove audit entries older than a recorded cutoff

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-28 12:00:00

The audit log stays append-only: UPDATE is always refused, TRUNCATE too (PostgreSQL). A DELETE
passes only for a row whose ``at`` lies before the cutoff in the one-row ``audit_retention``
table. ``koers audit prune`` sets that cutoff, deletes and clears it again in one transaction,
so outside a prune the cutoff is NULL and every DELETE is refused. The cutoff itself may never
lie less than 365 days in the past (checked by a trigger), so even a caller that sets it by
hand cannot remove entries younger than a year. Every prune appends a row to ``audit_prune``,
which is append-only in the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)

MIN_CUTOFF_DAYS = 365
"""The youngest cutoff the database accepts; ``Settings.audit_retention_days`` has the same floor."""

APPEND_ONLY = "audit_entry is append-only"

PG_DELETE_GUARD = f"""
CREATE OR REPLACE FUNCTION koers_audit_delete_guard() RETURNS trigger AS $$
DECLARE
    cutoff_at timestamptz;
BEGIN
    SELECT cutoff INTO cutoff_at FROM audit_retention WHERE id = 1;
    IF cutoff_at IS NOT NULL AND OLD.at < cutoff_at THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '{APPEND_ONLY}: only entries older than the retention cutoff may be removed';
END;
$$ LANGUAGE plpgsql
"""

PG_CUTOFF_FLOOR = f"""
CREATE OR REPLACE FUNCTION koers_audit_cutoff_floor() RETURNS trigger AS $$
BEGIN
    IF NEW.id <> 1 THEN
        RAISE EXCEPTION 'audit_retention has one row';
    END IF;
    IF NEW.cutoff IS NOT NULL AND NEW.cutoff > now() - interval '{MIN_CUTOFF_DAYS} days' THEN
        RAISE EXCEPTION 'audit retention cutoff must lie at least {MIN_CUTOFF_DAYS} days back';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql
"""

PG_PRUNE_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION koers_audit_prune_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_prune is append-only';
END;
$$ LANGUAGE plpgsql
"""

# SQLite stores DateTime as 'YYYY-MM-DD HH:MM:SS.ffffff' text in UTC; this expression has the
# same shape, so text comparison orders like time.
SQLITE_FLOOR = f"strftime('%Y-%m-%d %H:%M:%f', 'now', '-{MIN_CUTOFF_DAYS} days')"
SQLITE_CUTOFF = "(SELECT cutoff FROM audit_retention WHERE id = 1)"
# Text of another shape (an ISO 'T', a number) would compare wrongly: refuse it as a cutoff.
SQLITE_TS_SHAPE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]*"


def upgrade() -> None:
    op.create_table(
        "audit_retention",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("cutoff", TS, nullable=True),
        sa.CheckConstraint("id = 1", name="ck_audit_retention_one_row"),
    )
    op.execute("INSERT INTO audit_retention (id, cutoff) VALUES (1, NULL)")
    op.create_table(
        "audit_prune",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("cutoff", TS, nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        # 0002 guarded UPDATE and DELETE with one trigger; split it so DELETE gets the cutoff
        # check while UPDATE (and TRUNCATE) keep the unconditional refusal.
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute(
            "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION koers_audit_append_only()"
        )
        op.execute(PG_DELETE_GUARD)
        op.execute(
            "CREATE TRIGGER audit_entry_retention_delete BEFORE DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION koers_audit_delete_guard()"
        )
        op.execute(PG_CUTOFF_FLOOR)
        op.execute(
            "CREATE TRIGGER audit_retention_floor BEFORE INSERT OR UPDATE ON audit_retention "
            "FOR EACH ROW EXECUTE FUNCTION koers_audit_cutoff_floor()"
        )
        op.execute(PG_PRUNE_APPEND_ONLY)
        op.execute(
            "CREATE TRIGGER audit_prune_append_only BEFORE UPDATE OR DELETE ON audit_prune "
            "FOR EACH ROW EXECUTE FUNCTION koers_audit_prune_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_prune_no_truncate BEFORE TRUNCATE ON audit_prune "
            "FOR EACH STATEMENT EXECUTE FUNCTION koers_audit_prune_append_only()"
        )
    elif dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        # A missing row or a NULL cutoff refuses too: the comparison then yields NULL.
        op.execute(
            "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
            f"WHEN {SQLITE_CUTOFF} IS NULL OR OLD.at >= {SQLITE_CUTOFF} "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}: only entries older than the retention "
            "cutoff may be removed'); END"
        )
        for event in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER audit_retention_floor_{event.lower()} BEFORE {event} "
                f"ON audit_retention WHEN NEW.cutoff IS NOT NULL "
                f"AND (NEW.cutoff > {SQLITE_FLOOR} OR NEW.cutoff NOT GLOB '{SQLITE_TS_SHAPE}') "
                "BEGIN SELECT RAISE(ABORT, 'audit retention cutoff must lie at least "
                f"{MIN_CUTOFF_DAYS} days back'); END"
            )
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_prune_no_{event.lower()} BEFORE {event} ON audit_prune "
                "BEGIN SELECT RAISE(ABORT, 'audit_prune is append-only'); END"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_prune_no_truncate ON audit_prune")
        op.execute("DROP TRIGGER IF EXISTS audit_prune_append_only ON audit_prune")
        op.execute("DROP TRIGGER IF EXISTS audit_retention_floor ON audit_retention")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_retention_delete ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS koers_audit_prune_append_only()")
        op.execute("DROP FUNCTION IF EXISTS koers_audit_cutoff_floor()")
        op.execute("DROP FUNCTION IF EXISTS koers_audit_delete_guard()")
        # Back to 0002: one trigger refuses UPDATE and DELETE unconditionally.
        op.execute(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION koers_audit_append_only()"
        )
    elif dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_prune_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_prune_no_delete")
        op.execute("DROP TRIGGER IF EXISTS audit_retention_floor_insert")
        op.execute("DROP TRIGGER IF EXISTS audit_retention_floor_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        op.execute(
            "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        )
    op.drop_table("audit_prune")
    op.drop_table("audit_retention")
