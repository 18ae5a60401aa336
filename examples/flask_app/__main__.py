"""``python -m examples.flask_app [--host 127.0.0.1] [--port 8004] [--data-dir PATH] [--server waitress]``

Served by werkzeug's threaded server (the one ``flask run`` uses) or by waitress (``pip install
waitress``). Each open event stream (the recording indicator of a room page) holds one thread for as long
as it is open: give waitress enough threads (``--threads``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from examples.common import announce, parse_args
from examples.flask_app.app import create_host_app


def server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", choices=["werkzeug", "waitress"], default="werkzeug")
    parser.add_argument("--threads", type=int, default=32, help="waitress worker threads (default: 32)")


def main() -> None:
    args = parse_args(
        "python -m examples.flask_app",
        "Flask (WSGI) host app with meet-embed mounted at /meet through a2wsgi.",
        default_port=8004,
        default_data_dir=Path(__file__).parent / "data",
        extra=server_options,
    )
    app = create_host_app(args.data_dir)
    announce(f"Flask ({args.server})", args.host, args.port)
    if args.server == "waitress":
        from waitress import serve

        serve(app, host=args.host, port=args.port, threads=args.threads)
    else:
        from werkzeug.serving import run_simple

        # threaded: one thread per connection. No reloader: it would start meet-embed twice.
        run_simple(args.host, args.port, app, threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
