"""The demo clinic page at http://localhost:8080/ (`make run` starts it beside Rasa and the actions).

Serves web/demo/ at / and the built widget at /widget.js. In production the clinic's own site
serves its page and the bot's host serves widget.js; this is only the stand-in clinic site.
/rasa-webchat.html is the same bot in botfront's rasa-webchat (web/node_modules, a devDependency), as
a clinic that already embeds that widget has it (tests/browser checks that it works).
    python -m web.serve [--port 8080] [--bind 127.0.0.1] [--bot-url http://localhost:5005]
"""

import argparse
import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent
DEMO = WEB / "demo"
WIDGET = WEB / "dist" / "widget.js"
RASA_WEBCHAT = WEB / "node_modules" / "rasa-webchat" / "lib" / "index.js"
DEMO_BOT_URL = "http://localhost:5005"  # what web/demo/index.html says in data-server


class DemoHandler(SimpleHTTPRequestHandler):
    bot_url = DEMO_BOT_URL

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path in ("/", "/index.html", "/rasa-webchat.html"):
            page = (DEMO / ("index.html" if path == "/" else path[1:])).read_text(encoding="utf-8")
            self.reply(page.replace(DEMO_BOT_URL, self.bot_url).encode(), "text/html; charset=utf-8")
        elif path == "/widget.js":
            self.reply(WIDGET.read_bytes(), "text/javascript; charset=utf-8")
        elif path == "/rasa-webchat.js" and RASA_WEBCHAT.exists():
            self.reply(RASA_WEBCHAT.read_bytes(), "text/javascript; charset=utf-8")
        else:
            super().do_GET()  # other files of web/demo/ only

    def reply(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # quiet: one line per error only
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


def make_server(port: int, bind: str = "127.0.0.1", bot_url: str = DEMO_BOT_URL) -> ThreadingHTTPServer:
    handler = type("Handler", (DemoHandler,), {"bot_url": bot_url.rstrip("/")})
    return ThreadingHTTPServer((bind, port), functools.partial(handler, directory=str(DEMO)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--bot-url", default=DEMO_BOT_URL)
    args = parser.parse_args()
    server = make_server(args.port, args.bind, args.bot_url)
    print(f"Demo clinic page: http://localhost:{args.port}/ (bot at {args.bot_url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
