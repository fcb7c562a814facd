"""Response models derived from the library's record dataclasses, so they cannot drift.

`record_model` gives a pydantic model the record's fields in order, with their types and the
descriptions in their metadata (`riftwatch.events.records.described`); a field added to the
record appears in /openapi.json without an edit here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, get_type_hints

from pydantic import BaseModel, Field, create_model


def record_model(
    record: type[Any],
    name: str,
    *,
    module: str,
    doc: str | None = None,
    types: Mapping[str, Any] | None = None,
    extra: Mapping[str, tuple[Any, Any]] | None = None,
) -> type[BaseModel]:
    """A model named `name` with every field of the dataclass `record`, then `extra`.

    `types` replaces the record's type of a field where its JSON differs (a nested record's
    model, an ISO date string); `module` is the one the model is published from, as the
    OpenAPI schema names clashing models after it.
    """
    replaced = dict(types or {})
    fields = dataclasses.fields(record)
    unknown = replaced.keys() - {f.name for f in fields}
    if unknown:
        raise TypeError(f"{record.__name__} has no field {', '.join(sorted(unknown))}")
    hints = get_type_hints(record)
    definitions: dict[str, Any] = {
        f.name: (
            replaced.get(f.name, hints[f.name]),
            Field(description=f.metadata.get("description")),
        )
        for f in fields
    }
    definitions.update(extra or {})
    return create_model(name, __module__=module, __doc__=doc, **definitions)
