#!/usr/bin/env python3
"""A static file server like `python3 -m http.server`, plus `Access-Control-Allow-Origin: *`.

Static hosts such as GitHub Pages send that header; the KV Scope widget needs it when a host page
frames it with `sandbox="allow-scripts"` and no `allow-same-origin` (an opaque origin loads the
module script and the .wasm in CORS mode). Used by the end-to-end tests.

Usage: static_server.py PORT [--bind ADDR] [--directory DIR]
"""
import argparse
import functools
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--directory", default=".")
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.directory)
    with http.server.ThreadingHTTPServer((a.bind, a.port), handler) as srv:
        print(f"Serving {a.directory} on http://{a.bind}:{a.port}/ (CORS: *)", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
