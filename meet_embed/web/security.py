"""Headers every page carries: a strict Content-Security-Policy and framing limited to the host's origins."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ("page_headers",)


def page_headers(frame_ancestors: Sequence[str], connect_src: Sequence[str] = ()) -> dict[str, str]:
    ancestors = " ".join(["'self'", *frame_ancestors])
    connect = " ".join(["'self'", *connect_src])
    csp = "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' blob: data:",
            "media-src 'self' blob:",
            f"connect-src {connect}",
            "font-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            f"frame-ancestors {ancestors}",
        )
    )
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }
