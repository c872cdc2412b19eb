"""`cwgtool schema`: the JSON Schema of `cwgtool parse` output."""

from __future__ import annotations

import json

from cwgtool.cli import app
from cwgtool.cli.common import OUTPUT, emit


@app.command("schema")
def schema_cmd(output: str | None = OUTPUT) -> None:
    """Print the JSON Schema (draft 2020-12) that `cwgtool parse --format json` output follows."""
    from cwgtool.model import json_schema

    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **json_schema()}
    emit(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output)
