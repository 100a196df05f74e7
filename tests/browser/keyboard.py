"""Moving keyboard focus in a test page and reading where it is, without races.

Material moves things after a page loads (it scrolls the sidebars to the current page on an
animation frame) and after scrolling (toc.follow scrolls the table of contents smoothly, 250 ms
later). A single read right after a key press sees whichever happened first, so:
- `settle` waits, bounded, until no scroll position has changed for a few frames;
- `tab` presses Tab and waits, bounded, until the newly focused element is on screen.
The test contexts also ask for reduced motion (conftest.new_page), which guide.css honours.
"""

from __future__ import annotations

import contextlib

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

SETTLE = """([frames, limit]) => new Promise(resolve => {
  const positions = () => [scrollX, scrollY,
    ...[...document.querySelectorAll('.md-sidebar__scrollwrap')].map(e => e.scrollTop)].join();
  const start = performance.now();
  let last = positions(), still = 0;
  const tick = () => {
    const now = positions();
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= frames || performance.now() - start > limit) resolve(still >= frames);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""

# True once the focused element (or the body, when focus has left the page) is on screen.
FOCUS_ON_SCREEN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return true;
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
         && box.top < innerHeight && box.left < innerWidth;
}"""


def settle(page: Page, frames: int = 3, limit_ms: int = 3000) -> None:
    """Wait until nothing has scrolled for `frames` animation frames (at most `limit_ms`)."""
    page.evaluate(SETTLE, [frames, limit_ms])


def tab(page: Page, report: str, timeout_ms: int = 2000):
    """Press Tab, then return `report` (a JavaScript function) evaluated once the newly focused
    element is on screen. Usually it is at once (one round trip); otherwise poll for at most
    `timeout_ms` and report anyway, so the caller's own check says what is wrong."""
    page.keyboard.press("Tab")
    on_screen, result = page.evaluate(f"() => [({FOCUS_ON_SCREEN})(), ({report})()]")
    if on_screen:
        return result
    with contextlib.suppress(PlaywrightError):
        page.wait_for_function(FOCUS_ON_SCREEN, polling="raf", timeout=timeout_ms)
    return page.evaluate(report)
