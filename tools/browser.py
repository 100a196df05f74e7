"""Find a Chromium for Playwright and serve a built site on localhost.

Playwright's own browser download does not work everywhere, so a Chromium that is
already installed wins: $CHROMIUM_PATH, then the usual system paths. Only when none
exists do we let Playwright use its own (installed by `playwright install chromium`).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SYSTEM_CHROMIUMS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# Without these, Chromium phones home at start, which a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def find_chromium() -> str | None:
    """Path of a system Chromium, or None to use Playwright's bundled browser."""
    candidate = os.environ.get("CHROMIUM_PATH")
    if candidate:
        if not Path(candidate).exists():
            raise FileNotFoundError(f"CHROMIUM_PATH={candidate} does not exist; unset it or fix the path.")
        return candidate
    for path in SYSTEM_CHROMIUMS:
        if Path(path).exists():
            return path
    return shutil.which("chromium")


def launch_options() -> dict:
    options: dict = {"args": CHROMIUM_ARGS, "headless": True}
    chromium = find_chromium()
    if chromium:
        options["executable_path"] = chromium
    return options


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a connection early (a new page is opened) is no error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
