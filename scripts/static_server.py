#!/usr/bin/env python3
"""A static file server like `python3 -m http.server`, plus `Access-Control-Allow-Origin: *`,
and optionally gzip like a real static host.

Static hosts such as GitHub Pages send that header; the KV Scope widget needs it when a host page
frames it with `sandbox="allow-scripts"` and no `allow-same-origin` (an opaque origin loads the
module script and the .wasm in CORS mode). Used by the end-to-end tests.

`--gzip`: answers a request that accepts gzip with `Content-Encoding: gzip`, as GitHub Pages,
Netlify or nginx with `gzip_static` do: the `.gz` file written beside the asset when there is one
(scripts/precompress.mjs), else the file compressed at level 9 (kept in memory). Used by the
load-time benchmark (tests/bench/load.mjs), so bytes on the wire are what a reader pays.

Usage: static_server.py PORT [--bind ADDR] [--directory DIR] [--gzip]
"""
import argparse
import functools
import gzip
import http.server
import io
import os

# Types a static host compresses (what Trunk's dist/ holds).
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    gzip_on = False
    cache = {}

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def send_head(self):
        if not self.gzip_on or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        body = self.gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def gzipped(self, path):
        mtime = os.path.getmtime(path)
        hit = self.cache.get(path)
        if hit and hit[0] == mtime:
            return hit[1]
        pre = path + ".gz"
        if os.path.isfile(pre) and os.path.getmtime(pre) >= mtime:
            with open(pre, "rb") as f:
                body = f.read()
        else:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), compresslevel=9, mtime=0)
        self.cache[path] = (mtime, body)
        return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--directory", default=".")
    ap.add_argument("--gzip", action="store_true", help="serve gzip-encoded responses like a static host")
    a = ap.parse_args()
    Handler.gzip_on = a.gzip
    handler = functools.partial(Handler, directory=a.directory)
    with http.server.ThreadingHTTPServer((a.bind, a.port), handler) as srv:
        print(f"Serving {a.directory} on http://{a.bind}:{a.port}/ (CORS: *{', gzip' if a.gzip else ''})", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
