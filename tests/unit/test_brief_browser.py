"""The HTML brief in a real browser: headless Chromium from the system packages, driven over the
DevTools pipe (tests/unit/headless.py).

Checked: no request leaves the page (the only request is the page's own file), no console error,
the stance bars and the heat map are drawn (their shapes have size, and the screenshot has
their colours where they are), and a screenshot is kept as a test artifact in the test's tmp
path. ``CWGTOOL_REGEN_SCREENSHOT=1`` also writes it to docs/brief.png, and the heat map to
docs/brief-map.png (look at them before committing). Skips, saying why, where no Chromium is installed; `.ci/run` installs it where it can.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

import cwgtool
from cwgtool.brief import build_brief
from cwgtool.render.brief_html import STYLE, render_html
from tests.conftest import FIXTURES, ROOT
from tests.unit.headless import Chromium, find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium found (/usr/bin/chromium): install it with `apt-get install chromium`; .ci/run does so when it runs as root",
)

GEOMETRY = """(() => {
  const box = el => { const r = el.getBoundingClientRect(); return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}; };
  const segments = [...document.querySelectorAll('svg.stance-bar rect.segment')];
  const cells = [...document.querySelectorAll('svg.heat-map g.cell rect')];
  return {
    segments: segments.map(box), cells: cells.map(box),
    fills: [...new Set(segments.concat(cells).map(r => getComputedStyle(r).fill))],
    firstBar: box(document.querySelector('svg.stance-bar')),
    map: box(document.querySelector('svg.heat-map')),
    mapArea: (() => { const top = box(document.querySelector('#stance-map h2')), map = box(document.querySelector('svg.heat-map'));
      return {x: top.x - 10, y: top.y - 10, width: Math.max(top.width, map.width) + 20, height: map.y + map.height - top.y + 20}; })(),
  };
})()"""


def colour_share(png: bytes, hex_colour: str, tolerance: int = 12) -> float:
    """Share of the picture's pixels within ``tolerance`` of ``hex_colour``."""
    image = pytest.importorskip("PIL.Image").open(io.BytesIO(png)).convert("RGB")
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    data = image.tobytes()
    pixels = [data[i : i + 3] for i in range(0, len(data), 3)]
    close = sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, want, strict=True)))
    return close / len(pixels)


def test_brief_page_in_headless_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # file names on the page as a user gives them (the picture goes in docs/)
    docs = [cwgtool.parse(f"fixtures/records/{case}/{case}.txt") for case in ("cwg14", "cwg16")]
    brief = build_brief(docs, member="USA")
    page_file = tmp_path / "brief.html"
    page_file.write_text(render_html(brief), encoding="utf-8")

    with Chromium(CHROMIUM, tmp_path / "profile") as browser:  # type: ignore[arg-type]
        page = browser.open(page_file.as_uri())
        geometry = page.evaluate(GEOMETRY)
        shot = page.screenshot()
        bar_png = page.screenshot(geometry["firstBar"])
        map_png = page.screenshot(geometry["map"])
        map_area_png = page.screenshot(geometry["mapArea"])
        report = page.report()

    artifact = tmp_path / "brief.png"
    artifact.write_bytes(shot)
    (tmp_path / "brief-map.png").write_bytes(map_area_png)
    print(f"screenshots: {artifact}, {tmp_path / 'brief-map.png'}")
    if os.environ.get("CWGTOOL_REGEN_SCREENSHOT") == "1":
        for name in ("brief.png", "brief-map.png"):
            shutil.copyfile(tmp_path / name, ROOT / "docs" / name)

    assert report.requests == [page_file.as_uri()]
    assert report.console_errors == []

    drawn_segments = sum(1 for m in brief.meetings for c in m.contributions for g in c.stances.groups if g.count)
    drawn_segments += sum(1 for m in brief.meetings if m.other for g in m.other.groups if g.count)
    assert len(geometry["segments"]) == drawn_segments
    assert all(b["width"] > 0 and b["height"] > 0 for b in geometry["segments"])
    assert brief.stance_map is not None
    assert len(geometry["cells"]) == sum(len(r.cells) for r in brief.stance_map.members + brief.stance_map.groups)
    assert all(b["width"] > 0 and b["height"] > 0 for b in geometry["cells"])
    assert all(f.startswith('url("#pat-') for f in geometry["fills"]), geometry["fills"]  # patterns resolved, not "none"
    # the first bar (CWG-Internet-14/2: 1 support, 1 clarify) shows the support colour;
    # the heat map shows support (most cells) and the United States' oppose cells
    assert colour_share(bar_png, STYLE["support"]["colour"]) > 0.05
    assert colour_share(map_png, STYLE["support"]["colour"]) > 0.01
    assert colour_share(map_png, STYLE["oppose"]["colour"]) > 0.001
    assert len(shot) > 10_000


def test_the_checks_see_a_request_and_a_console_error(tmp_path: Path) -> None:
    """Control: the same watcher reports a page that asks for a file and one that CSP blocks."""
    html = (render_html(build_brief([cwgtool.parse(FIXTURES / "records" / "cwg16" / "cwg16.txt")]))
            .replace("</body>", '<img alt="" src="http://127.0.0.1:9/leak.png"></body>'))
    blocked = tmp_path / "blocked.html"
    blocked.write_text(html, encoding="utf-8")
    loose = tmp_path / "loose.html"
    loose.write_text(f'<!DOCTYPE html><title>x</title><img alt="" src="{(tmp_path / "missing.png").as_uri()}">', encoding="utf-8")
    with Chromium(CHROMIUM, tmp_path / "profile") as browser:  # type: ignore[arg-type]
        first = browser.open(blocked.as_uri()).report()
        second = browser.open(loose.as_uri()).report()
    assert any("Content Security Policy" in e for e in first.console_errors), first
    assert "http://127.0.0.1:9/leak.png" in first.requests  # attempts are seen, even those CSP blocks
    assert (tmp_path / "missing.png").as_uri() in second.requests
