#!/usr/bin/env python3
"""Writes assets/methodology.html (the site's "How it is computed" page, copied by Trunk) from
docs/methodology.md: headings, paragraphs, lists, tables, indented code, `code`, **bold**.
Run after editing the Markdown: python3 scripts/methodology-html.py
With --check it writes nothing and exits 1 when the committed page differs (scripts/test.sh runs it)."""
import html, re, pathlib, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
md = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8").splitlines()

def inline(s):
    s = html.escape(s, quote=False)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", s)
    s = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", s)
    return s

out, para, i = [], [], 0
def flush():
    if para:
        out.append("<p>" + inline(" ".join(para)) + "</p>")
        para.clear()
while i < len(md):
    line = md[i]
    if line.startswith("#"):
        flush()
        level = len(line) - len(line.lstrip("#"))
        text = line[level:].strip()
        anchor = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        out.append(f'<h{level} id="{anchor}">{inline(text)}</h{level}>')
    elif line.startswith("    "):
        flush()
        block = []
        while i < len(md) and (md[i].startswith("    ") or not md[i].strip()):
            block.append(md[i][4:])
            i += 1
        out.append("<pre><code>" + html.escape("\n".join(block).rstrip()) + "</code></pre>")
        continue
    elif line.startswith("| "):
        flush()
        rows = []
        while i < len(md) and md[i].startswith("|"):
            rows.append([c.strip() for c in md[i].strip().strip("|").split("|")])
            i += 1
        head, body = rows[0], [r for r in rows[2:]]
        out.append('<div class="wrap"><table><thead><tr>' + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr></thead><tbody>"
                   + "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in body) + "</tbody></table></div>")
        continue
    elif not line.strip():
        flush()
    else:
        para.append(line.strip())
    i += 1
flush()

page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>How it is computed — KV Scope</title>
<link rel="icon" href="data:," />
<!-- Generated from docs/methodology.md by scripts/methodology-html.py: edit the Markdown. -->
<style>
:root {{ color-scheme: light dark; --fg: #1c1f23; --bg: #fff; --muted: #5a6168; --accent: #0072b2; --border: #d5d9de; --surface: #f5f6f8; }}
@media (prefers-color-scheme: dark) {{ :root {{ --fg: #e6e8ea; --bg: #121416; --muted: #a0a7ae; --accent: #56b4e9; --border: #3a4047; --surface: #1a1d20; }} }}
:root[data-kvs-theme="light"] {{ color-scheme: light; --fg: #1c1f23; --bg: #fff; --muted: #5a6168; --accent: #0072b2; --border: #d5d9de; --surface: #f5f6f8; }}
:root[data-kvs-theme="dark"] {{ color-scheme: dark; --fg: #e6e8ea; --bg: #121416; --muted: #a0a7ae; --accent: #56b4e9; --border: #3a4047; --surface: #1a1d20; }}
body {{ margin: 0 auto; max-width: 50rem; padding: 1rem 1.25rem 3rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }}
a {{ color: var(--accent); }} h1 {{ font-size: 1.7rem; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; }}
code, pre {{ font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; }}
pre {{ overflow-x: auto; padding: 0.75rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }}
.wrap {{ overflow-x: auto; }} table {{ border-collapse: collapse; font-size: 0.9rem; }} th, td {{ border-bottom: 1px solid var(--border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}
:focus-visible {{ outline: 3px solid #e69f00; outline-offset: 2px; }}
</style>
<script>try {{ const t = localStorage.getItem('kvs-theme'); if (t) document.documentElement.setAttribute('data-kvs-theme', t); }} catch (e) {{}}</script>
</head>
<body>
<p><a href="./">← Back to KV Scope</a></p>
{chr(10).join(out)}
<p><a href="./">← Back to KV Scope</a></p>
</body>
</html>
"""
target = ROOT / "assets" / "methodology.html"
if "--check" in sys.argv[1:]:
    if not target.exists() or target.read_text(encoding="utf-8") != page:
        sys.exit("assets/methodology.html is not docs/methodology.md rendered: run python3 scripts/methodology-html.py")
else:
    target.write_text(page, encoding="utf-8")
