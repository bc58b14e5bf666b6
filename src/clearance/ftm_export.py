"""FollowTheMoney export through the ``followthemoney`` package (the ``[ftm]`` extra).

:func:`ftm_entities` builds each record of :func:`clearance.ftm.ftm_records` as an FtM entity
proxy of its schema: every value goes through the property's own type (countries, dates,
identifiers cleaned and checked as FtM does), so whatever is written validates against the FtM
schema (e.g. a 95-character Monero address is no valid FtM ``publicKey``). A
value FtM refuses for its property is not dropped: it is kept in ``notes`` (``prop: value``)
where the schema has notes, else reported in ``rejected``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from clearance.extras import require
from clearance.ftm import ftm_records
from clearance.model import Entity


def ftm_entities(entity: Entity, rejected: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every FtM record of ``entity``, built and cleaned by followthemoney."""
    require("ftm", "FollowTheMoney export (`clearance export --ftm`)")
    from followthemoney import model

    for record in ftm_records(entity):
        schema = model.get(record["schema"])
        if schema is None:
            raise ValueError(f"{record['id']}: FtM has no schema {record['schema']!r}")
        proxy = model.make_entity(schema)
        proxy.id = record["id"]
        kept: list[str] = []
        for name, values in record["properties"].items():
            prop = schema.get(name)
            for value in values:
                cleaned = prop.type.clean(value) if prop is not None else None
                if prop is not None and cleaned is not None and prop.type.validate(cleaned):
                    proxy.add(prop, cleaned, cleaned=True)
                else:
                    kept.append(f"{name}: {value}")
        if kept and schema.get("notes") is not None:
            proxy.add("notes", kept)
        elif kept and rejected is not None:
            rejected.extend(f"{record['id']} {text}" for text in kept)
        data = proxy.to_dict()
        if record.get("datasets"):
            data["datasets"] = list(record["datasets"])
        yield data
