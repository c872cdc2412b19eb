"""``cwgtool link`` as rows and as a terminal page: one contribution joined to its records.

The rows are flat (counts instead of nested lists) so that csv and tsv keep one line per
contribution; the page (``--symbol`` on a terminal) shows one contribution in full.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cwgtool.link import ContributionLink


def link_row(item: ContributionLink) -> dict[str, Any]:
    """One flat row per contribution: its positions counted by stance, its records listed."""
    positions = [p for d in item.discussions for p in d.positions]
    stances = Counter(str(p.stance) for p in positions)
    return {
        "symbol": item.symbol,
        "meeting": item.meeting,
        "status": str(item.status),
        "type": item.type,
        "revision": item.revision,
        "submitters": [s.model_dump() for s in item.submitters],
        "title": item.title,
        "topics": [t.title for t in item.topics],
        "actions": len(item.actions),
        "records": [d.record for d in item.discussions],
        "sections": [d.section for d in item.discussions],
        "positions": len(positions),
        "stances": "; ".join(f"{k} {v}" for k, v in sorted(stances.items())),
        "files": item.files,
        "kind": item.kind,
        "cited_by": item.cited_by,
    }


def print_link(item: ContributionLink) -> None:
    """One contribution on the terminal: its document, its topics and actions, and per record
    the positions taken on it and the outcome of its topics."""
    from rich.console import Console

    from cwgtool.render.table import print_table
    from cwgtool.render.terminal import markup_safe as safe

    console = Console()
    who = ", ".join(f"{s.name} ({s.iso3})" if s.iso3 else s.name for s in item.submitters) or "?"
    console.print(f"[bold]{safe(item.symbol)}[/bold]{f' ({safe(item.revision)})' if item.revision else ''} — {item.status}")
    console.print(safe(f"{item.title or '(no title)'}\nby {who}; files: {', '.join(item.files) or 'none'}"))
    if item.topics:
        print_table([{"title": t.title, "questions": t.questions, "section": t.section} for t in item.topics], title="Proposed topics")
    if item.actions:
        print_table([{"id": a.id, "actor": a.actor, "addressee": a.addressee, "text": a.text} for a in item.actions], title="Action requested")
    for d in item.discussions:
        rows = [{"actor": p.actor, "stance": str(p.stance), "members": p.members, "text": p.text} for p in d.positions]
        print_table(rows, title=f"Positions in {d.record} §{d.section or '?'}")
        for t in d.topics:
            if t.outcome:
                console.print(safe(f"Outcome ({t.title}): {t.outcome}"))


__all__ = ["link_row", "print_link"]
