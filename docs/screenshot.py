"""Take the README's screenshot of the article brief: ``python docs/screenshot.py REPORTS_DIR [SLUG]``.

Opens ``REPORTS_DIR/SLUG/index.html`` (default: the seed article's brief) in Debian's headless ``chromium`` through
playwright, with the network blocked as in the browser tests (``tests/support/browser_support.py``; no browser is
downloaded), captures the page from the top to the end of the dashboard at 960 px wide, and writes
``docs/brief.png`` reduced to a 128-colour palette (a screenshot of text and flat charts loses nothing visible).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "support"))

from browser_support import PageCheck, file_url, visit_pages  # noqa: E402


def main(reports: str, slug: str = "seed-us-immigration-enforcement") -> Path:
    from PIL import Image

    page_file = Path(reports) / slug / "index.html"
    raw = HERE / ".brief-raw.png"
    target = HERE / "brief.png"

    def shoot(page, check: PageCheck) -> None:
        page.set_viewport_size({"width": 960, "height": 900})
        page.wait_for_timeout(200)
        bottom = page.evaluate("() => document.querySelector('.al-dash').getBoundingClientRect().bottom + 16")
        page.screenshot(path=str(raw), full_page=True, clip={"x": 0, "y": 0, "width": 960, "height": bottom})

    visit_pages([PageCheck(url=file_url(page_file))], shoot)
    with Image.open(raw) as im:
        im.convert("RGB").quantize(colors=128, method=Image.Quantize.MAXCOVERAGE).save(target, optimize=True)
    raw.unlink()
    return target


if __name__ == "__main__":
    print(main(*sys.argv[1:]))
