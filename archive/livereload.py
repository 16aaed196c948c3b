"""Preview while editing: rebuild on every saved change and reload the page in the browser."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from http.server import ThreadingHTTPServer
from pathlib import Path

import watchfiles

from .paths import OUTPUT, ROOT
from .ports import port_busy
from .preview import PreviewHandler, build_for_preview

# What the preview watches: the briefings, the theme, the plugins, the settings.
WATCHED = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py")
EVENTS = "/__livereload/events"
SCRIPT = "/__livereload/reload.js"
# A file of its own (the site's CSP forbids inline scripts): reload when a build succeeds.
RELOAD_JS = (
    b'new EventSource("/__livereload/events")'
    b'.addEventListener("reload", () => location.reload());\n'
)
SCRIPT_TAG = f'<script src="{SCRIPT}" defer></script>'.encode()


class Reloads:
    """Counts good builds; each request for events waits for the next one."""

    def __init__(self) -> None:
        self.generation = 0
        self._changed = threading.Condition()

    def announce(self) -> None:
        """Tell every waiting page that a new build is in place."""
        with self._changed:
            self.generation += 1
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """Return the generation once it is past ``seen``, or after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation > seen, timeout)
            return self.generation


class LiveHandler(PreviewHandler):
    """The preview handler, plus the reload script in every page and an event stream."""

    reloads: Reloads

    def do_GET(self) -> None:  # noqa: N802 - http.server's method name
        """Serve the event stream, the reload script, or a page with the script added."""
        requested = self.path.split("?", 1)[0].split("#", 1)[0]
        if requested == EVENTS:
            self._stream_reloads()
            return
        if requested == SCRIPT:
            self._send(200, RELOAD_JS, "text/javascript")
            return
        found = self.get_path_that_exists(requested)
        if found is None or not found.endswith(".html"):
            super().do_GET()
            return
        html = Path(self.translate_path(found)).read_bytes()
        self._send(200, html.replace(b"</head>", SCRIPT_TAG + b"</head>", 1), "text/html")

    def send_page(self, status: int, body: bytes) -> None:
        """Send an HTML page (the 404 page too) with the reload script."""
        self._send(status, body.replace(b"</head>", SCRIPT_TAG + b"</head>", 1), "text/html")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        # Always the newest build: a page rebuilt within a second must not come from cache.
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _stream_reloads(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.reloads.generation
        try:
            while True:
                now = self.reloads.wait(seen, timeout=15)
                # A comment line every 15 s keeps the connection open through proxies.
                message = b"event: reload\ndata: built\n\n" if now > seen else b": waiting\n\n"
                self.wfile.write(message)
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            return


class LiveServer(ThreadingHTTPServer):
    """A threaded preview server: each open page holds one event stream."""

    daemon_threads = True

    def __init__(self, output: Path, address: tuple[str, int], reloads: Reloads) -> None:
        handler = type("LiveSiteHandler", (LiveHandler,), {"base_path": str(output)})
        handler.reloads = reloads
        super().__init__(address, handler)


def rebuild(host: str, port: int) -> bool:
    """Build the site in a fresh Python (so changed plugins and settings count); True if good."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "archive.livereload", host, str(port)], cwd=ROOT, check=False
    )
    seconds = time.monotonic() - started
    if result.returncode:
        print(f"Not rebuilt ({seconds:.1f} s): still serving the last good build.", flush=True)
        return False
    print(f"Rebuilt in {seconds:.1f} s; open pages reload.", flush=True)
    return True


def build_once(host: str, port: int) -> int:
    """Build for the preview at http://host:port/ as `invoke build` does; return an exit code."""
    from .build import BuildError
    from .report import problems_listed

    with problems_listed():
        try:
            build_for_preview(host, port)
        except BuildError as error:
            failed = len(error.errors)
            print(f"Build failed with {failed} error(s); {OUTPUT.name}/ was left as it was.")
            return 1
    return 0


def _relevant(change: watchfiles.Change, path: str) -> bool:
    # Editors' swap and backup files change too, but mean nothing to the build.
    name = Path(path).name
    return not (name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp")))


def watch_and_rebuild(
    reloads: Reloads,
    watched: Iterable[Path],
    stop: threading.Event,
    address: tuple[str, int],
) -> None:
    """Build for ``address`` once watching, then after each burst of changes; announce good ones.

    The first build starts only after the watcher's first report (empty after 0.2 s), so a
    change saved while the first build runs is never missed; all builds run one at a time.
    """
    built = False
    for changes in watchfiles.watch(
        *watched,
        watch_filter=_relevant,
        stop_event=stop,
        yield_on_timeout=True,
        rust_timeout=200,
    ):
        if built and not changes:
            continue
        built = True
        if rebuild(*address):
            reloads.announce()


def live_preview(host: str, port: int, output: Path = OUTPUT) -> None:
    """Build, serve ``output`` at http://host:port/, and rebuild and reload on every change."""
    reloads = Reloads()
    try:
        server = LiveServer(output, (host, port), reloads)
    except OSError as error:
        raise port_busy(
            host, port, error, f"choose another port: python3 dev.py livereload --port {port + 1}"
        ) from None
    stop = threading.Event()
    watched = [ROOT / name for name in WATCHED if (ROOT / name).exists()]
    watcher = threading.Thread(
        target=watch_and_rebuild, args=(reloads, watched, stop, (host, port))
    )
    watcher.start()
    print(f"Live preview at http://{host}:{port}/ once built (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.")
    finally:
        stop.set()
        server.server_close()
        watcher.join()


if __name__ == "__main__":
    # `rebuild` runs this in a fresh Python: python -m archive.livereload HOST PORT
    sys.exit(build_once(sys.argv[1], int(sys.argv[2])))
