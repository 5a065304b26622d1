"""Serve a built site the way a static host does: gzip for text, cache headers.

    python bench/static_server.py site/ [--port 8000]

Lighthouse and the size figures measure what a reader downloads, so the
server compresses HTML, CSS, JS, JSON, SVG and XML when the browser accepts
gzip, as GitHub Pages, Netlify or nginx with `gzip on` do.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with gzip, a one-hour cache and the site's 404 page, quiet."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            return self.send_not_found_page()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()) or not self.path.split("?")[0].endswith(("/", path.name)):
            return super().send_head()
        body = compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def send_not_found_page(self):
        """The site's 404.html with status 404, as static hosts do (also under a sub-path)."""
        root = Path(self.directory)
        first = self.path.lstrip("/").split("/", 1)[0]
        for page in ([root / first / "404.html"] if first else []) + [root / "404.html"]:
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
        self.send_error(404)
        return None

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


@functools.lru_cache(maxsize=4096)
def compressed(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


@contextlib.contextmanager
def serving(folder: Path, port: int = 0):
    """Serve folder on 127.0.0.1 in a thread; yields the base URL."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serving(args.folder, args.port) as base:
        print(f"serving {args.folder} at {base} (gzip)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
