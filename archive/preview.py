"""Serve the built site on this computer, as a static host would, for editors to preview."""

from __future__ import annotations

import gzip
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

from .build import build_site, built_for, site_settings
from .paths import OUTPUT, SETTINGS
from .ports import port_busy


def preview_addresses(host: str, port: int) -> dict[str, str]:
    """Return the address settings that make a build's every address the preview's own."""
    url = f"http://{host}:{port}"
    # pelicanconf.py's SITEURL names the default port; PUBLIC_SITEURL was copied from it.
    return {"SITEURL": url, "PUBLIC_SITEURL": url}


def build_for_preview(
    host: str, port: int, *, lenient: bool = False, output: Path = OUTPUT, **overrides: Any
) -> Path:
    """Build the site into ``output`` for the preview at http://host:port/ (see build_site)."""
    addresses = preview_addresses(host, port)
    return build_site(SETTINGS, lenient=lenient, OUTPUT_PATH=str(output), **addresses, **overrides)


def built_for_preview(output: Path, host: str, port: int, **overrides: Any) -> bool:
    """Return True if ``output`` holds a site built for the preview at http://host:port/."""
    cache = Path(site_settings(SETTINGS, **overrides)["CACHE_PATH"])
    return built_for(output, cache) == preview_addresses(host, port)


# Text that every static host compresses; the preview does too, so that what Lighthouse
# weighs on a simulated slow link is what a reader would download.
COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt", ".atom"}


class PreviewHandler(ComplexHTTPRequestHandler):
    """Pelican's preview handler, answering a missing page with the site's 404 page."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's method name
        """Serve the page, or the 404 page with status 404 (Pelican's closes silently)."""
        requested = self.path.split("?", 1)[0].split("#", 1)[0]
        found = self.get_path_that_exists(requested)
        if found is None:
            not_found = Path(self.base_path) / "404.html"
            self.send_page(404, not_found.read_bytes() if not_found.exists() else b"Not found")
            return
        file = Path(self.translate_path(found))
        if file.is_dir() and found.endswith("/"):
            # A folder without its slash is left to the parent, which redirects to it.
            file = file / "index.html"
        if (
            file.is_file()
            and file.suffix in COMPRESSED_SUFFIXES
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            self.send_page(200, file.read_bytes(), self.guess_type(str(file)), compress=True)
            return
        super().do_GET()

    def send_page(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        *,
        compress: bool = False,
    ) -> None:
        """Send ``body`` with ``status``, gzip-compressed if ``compress``."""
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class PreviewServer(RootedHTTPServer):
    """Pelican's rooted server, quiet when a browser leaves before its page is sent."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Report an error as http.server does, unless the reader closed the connection."""
        # A browser that moves on, or a test's page that closes, drops its other requests:
        # a broken pipe there is no fault of the site, and its traceback looks like one.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def serve(output: Path, host: str, port: int) -> None:
    """Serve ``output`` at http://host:port/ until interrupted."""
    try:
        httpd = PreviewServer(str(output), (host, port), PreviewHandler)
    except OSError as error:
        raise port_busy(
            host,
            port,
            error,
            "another preview may be running, or choose another port: "
            f"python3 dev.py serve --port {port + 1}",
        ) from None
    with httpd:
        print(f"Serving {output.name}/ at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")


class ThreadedRootedServer(ThreadingMixIn, PreviewServer):
    """Pelican's rooted server, one thread per request: checkers fetch many pages at once."""

    daemon_threads = True


@contextmanager
def served(output: Path) -> Iterator[str]:
    """Serve ``output`` as the preview does, on a free local port; yield its base URL."""
    # A handler class of its own: RootedHTTPServer stores the folder on the class, so two
    # servers sharing PreviewHandler would both serve the folder of the last one started.
    handler = type("FolderHandler", (PreviewHandler,), {})
    with in_background(ThreadedRootedServer(str(output), ("127.0.0.1", 0), handler)) as httpd:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"


@contextmanager
def in_background(server: Any) -> Iterator[Any]:
    """Run a socketserver-style ``server`` in a thread for the block, then shut it down."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
