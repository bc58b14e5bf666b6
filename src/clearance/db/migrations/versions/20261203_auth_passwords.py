"""auth: users' passwords for the web pages (argon2id hashes).

Revision ID: 20261203_auth_passwords
Revises: 0001_foundation
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_auth_passwords"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("auth_passwords",)
depends_on: str | Sequence[str] | None = "0002_auth_users"


def upgrade() -> None:
    op.create_table(
        "user_passwords",
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(200), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_passwords"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_user_passwords_user_id_users"),
    )


def downgrade() -> None:
    op.drop_table("user_passwords")
