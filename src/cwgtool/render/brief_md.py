"""The brief as Markdown, for wikis and e-mail: the same content as the HTML page, without pictures.

The stance bars become their counts, the heat map a table (one for named Member States, one
for unnamed groups). Document text is untrusted, so every value goes through :func:`md_escape`:
Markdown renders inline HTML, and a record saying ``<script>`` must stay text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from cwgtool.brief.model import STANCES
from cwgtool.render.brief_html import STYLE, short_label

if TYPE_CHECKING:
    import jinja2

    from cwgtool.brief.model import Brief

_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md_escape(value: object) -> str:
    """Text safe inside Markdown, table cells included: markup characters backslash-escaped,
    ``<`` and ``>`` as entities (so no HTML tag survives), line breaks as spaces."""
    text = "" if value is None else str(value)
    text = _SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


@cache
def environment() -> jinja2.Environment:
    import jinja2

    # Markdown is not HTML: autoescape would write &#39; for every apostrophe. Escaping is
    # explicit (``|md``) on every value taken from a document instead; a test checks it.
    env = jinja2.Environment(  # escaping is the md filter, see above
        loader=jinja2.PackageLoader("cwgtool", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.globals.update(STYLE=STYLE, STANCES=[str(s) for s in STANCES], short_label=short_label)
    return env


def render_md(brief: Brief) -> str:
    text = environment().get_template("brief/brief.md.j2").render(brief=brief)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


__all__ = ["md_escape", "render_md"]
