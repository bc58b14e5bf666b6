"""auth: users and their API keys.

Revision ID: 0002_auth_users
Revises: 0001_foundation
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_auth_users"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("auth",)
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "user_keys",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created", TZ, nullable=False),
        sa.Column("revoked", TZ, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_user_keys"),
        sa.UniqueConstraint("sha256", name="uq_user_keys_sha256"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_user_keys_user_id_users"),
    )
    op.create_index("ix_user_keys_user_id", "user_keys", ["user_id"])


def downgrade() -> None:
    op.drop_table("user_keys")
    op.drop_table("users")
