"""The list diff's table rows as HTML, written once per row when a pair's diff is first shown
and kept with it (presentation only: what ``diff.html`` shows of the core's
:class:`~clearance.diff.snapshots.EntityRef` and :class:`~clearance.diff.snapshots.EntityChange`).
Plain string building with :func:`markupsafe.escape` on every value: a row costs microseconds,
so the whole diff of a pair is written in well under a second and every page of it is a join.
"""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup, escape

from clearance.diff.snapshots import EntityChange, EntityRef
from clearance.web.deps import PREFIX, show


def entity_link(entity_id: str, caption: str) -> str:
    href = f"{PREFIX}/entities/{quote(entity_id, safe='/')}"
    return f'<a href="{escape(href)}">{escape(caption or entity_id)}</a>'


def entity_row(kind: str, row: EntityRef) -> Markup:
    """A row of the added or removed table (an added entity links to its page)."""
    name = entity_link(row.id, row.name) if kind == "added" else str(escape(row.name))
    return Markup(
        f"<tr><td>{name}</td><td><code>{escape(row.id)}</code></td><td>{escape(row.schema)}</td>"
        f"<td>{escape(row.listed_on or '')}</td><td>{escape(', '.join(row.programs))}</td></tr>\n"
    )


def _values(values: tuple[object, ...], tag: str) -> str:
    return "<br>".join(f"<{tag}>{escape(show(v))}</{tag}>" for v in values)


def changed_rows(row: EntityChange) -> Markup:
    """The ``<tbody>`` of a changed entity: one line per changed field."""
    lines = []
    for i, change in enumerate(row.changes):
        head = ""
        if i == 0:
            head = (
                f'<th scope="rowgroup" rowspan="{len(row.changes)}">'
                f"{entity_link(row.id, row.name)}<br><code>{escape(row.id)}</code></th>"
            )
        field = escape(change.field.replace("_", " "))
        if change.added or change.removed:
            values = (
                f"<td>{_values(change.removed, 'del')}</td><td>{_values(change.added, 'ins')}</td>"
            )
        else:
            values = f"<td>{escape(show(change.old))}</td><td>{escape(show(change.new))}</td>"
        lines.append(f"<tr>{head}<td>{field}</td>{values}</tr>")
    return Markup("<tbody>\n" + "\n".join(lines) + "\n</tbody>\n")
