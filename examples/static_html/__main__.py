"""``python -m examples.static_html [--meet-port 8005] [--page-port 8090] [--no-cors]``

Two origins on loopback: meet-embed's standalone app on ``--meet-port`` (seeded with the example room),
and this folder's plain ``index.html`` served by ``http.server`` on ``--page-port``. meet-embed is
configured to let that page use it from the browser (``cors_origins``) and frame its pages
(``frame_ancestors``); ``--no-cors`` leaves both out, to see the browser refuse.
"""

from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvicorn

from examples.common import Seeded
from meet_embed import MeetEmbedConfig, create_app, mint_member_token

HERE = Path(__file__).resolve().parent


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m examples.static_html", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--meet-port", type=int, default=8005, help="meet-embed's port (default: %(default)s)"
    )
    parser.add_argument("--page-port", type=int, default=8090, help="the page's port (default: %(default)s)")
    parser.add_argument("--data-dir", type=Path, default=HERE / "data")
    parser.add_argument(
        "--no-cors", action="store_true", help="leave cors_origins and frame_ancestors empty (refused)"
    )
    args = parser.parse_args()

    page_origin = f"http://{args.host}:{args.page_port}"
    meet_url = f"http://{args.host}:{args.meet_port}/meet"
    allowed = [] if args.no_cors else [page_origin]
    config = MeetEmbedConfig(
        data_dir=args.data_dir.resolve() / "meet",
        cors_origins=allowed,  # the page's scripts may call meet-embed (module, API, event stream)
        frame_ancestors=allowed,  # the page may show meet-embed's pages in an iframe
        public_url=f"http://{args.host}:{args.meet_port}",
    )
    seeded = Seeded()

    def announce() -> None:
        room = seeded.room
        print(f"meet-embed on {meet_url} (cors_origins={allowed}, frame_ancestors={allowed})", flush=True)
        for role in ("moderator", "speaker"):
            token = mint_member_token(config, room.room_id, role, name=f"Static page {role}")
            fragment = urlencode(
                {"meet": meet_url, "room": room.room_id, "token": token, "secret": room.secret_for(role)}
            )
            print(f"{role:>9}: {page_origin}/#{fragment}", flush=True)

    meet = create_app(config, on_startup=[seeded.on_startup, announce])

    handler = functools.partial(QuietHandler, directory=str(HERE))
    pages = ThreadingHTTPServer((args.host, args.page_port), handler)
    threading.Thread(target=pages.serve_forever, name="static-pages", daemon=True).start()
    print(f"static page on {page_origin}/", flush=True)
    try:
        uvicorn.run(meet, host=args.host, port=args.meet_port, lifespan="on", log_level="warning")
    finally:
        pages.shutdown()


if __name__ == "__main__":
    main()
