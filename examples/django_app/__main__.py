"""``python -m examples.django_app [--host 127.0.0.1] [--port 8003] [--data-dir PATH]``"""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn

from examples.common import announce, parse_args


def main() -> None:
    args = parse_args(
        "python -m examples.django_app",
        "Django (ASGI) host app; /meet/... goes to meet-embed.",
        default_port=8003,
        default_data_dir=Path(__file__).parent / "data",
    )
    os.environ["DJANGO_EXAMPLE_DATA_DIR"] = str(args.data_dir)  # read by settings.py
    announce("Django", args.host, args.port)
    uvicorn.run("examples.django_app.asgi:application", host=args.host, port=args.port, lifespan="on")


if __name__ == "__main__":
    main()
