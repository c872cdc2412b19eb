"""cwgtool: ITU Council Working Group records and contributions as structured data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from cwgtool.model import Document


def parse(path: Any, **options: Any) -> Document:
    """Parse one document (path, or "-" for stdin) into the model. See :func:`cwgtool.api.parse`."""
    from cwgtool.api import parse as _parse

    return _parse(path, **options)


__all__ = ["__version__", "parse"]
