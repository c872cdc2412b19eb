"""`cwgtool schema`: the JSON Schema of `cwgtool parse` output."""

from __future__ import annotations

import json

from cwgtool import api
from cwgtool.cli.common import OUTPUT, emit


def schema(output: str | None = OUTPUT) -> None:
    """Print the JSON Schema (draft 2020-12) that `cwgtool parse --format json` output follows."""
    emit(json.dumps(api.schema(), indent=2, ensure_ascii=False) + "\n", output)
