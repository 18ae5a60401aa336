"""``python -m examples.litestar_app [--host 127.0.0.1] [--port 8001] [--data-dir PATH]``"""

from __future__ import annotations

from pathlib import Path

import uvicorn

from examples.common import announce, parse_args
from examples.litestar_app.app import create_host_app


def main() -> None:
    args = parse_args(
        "python -m examples.litestar_app",
        "Litestar host app with meet-embed as a plugin.",
        default_port=8001,
        default_data_dir=Path(__file__).parent / "data",
    )
    app = create_host_app(args.data_dir)
    announce("Litestar", args.host, args.port)
    uvicorn.run(app, host=args.host, port=args.port, lifespan="on", log_level="info")


if __name__ == "__main__":
    main()
