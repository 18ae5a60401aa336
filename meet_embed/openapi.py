"""OpenAPI pieces shared by the routes: documented error responses and tags."""

from __future__ import annotations

from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Components, SecurityScheme, Tag

from meet_embed.errors import ErrorBody

__all__ = ("SECURITY_COMPONENTS", "TAGS", "errors")

_DESCRIPTIONS = {
    400: "Bad request (for example an unknown share secret)",
    401: "Missing or invalid credentials",
    403: "The credentials do not carry the right for this",
    404: "Not found",
    409: "Conflicts with the current state",
    413: "Too large",
    416: "Range not satisfiable",
    422: "Invalid input; `details` lists each field",
    429: "Too many requests; see `Retry-After`",
    503: "A backing service is unavailable",
}


def errors(*codes: int) -> dict[int, ResponseSpec]:
    """Documented error responses; 400 (a body or parameter that cannot be read) is always among them."""
    return {
        c: ResponseSpec(data_container=ErrorBody, description=_DESCRIPTIONS[c]) for c in sorted({400, *codes})
    }


TAGS = [
    Tag(name="Rooms", description="Rooms and their recording settings"),
    Tag(name="Recordings", description="List, play, download, share and delete recordings"),
    Tag(name="Recording control", description="Start and stop recordings; upload captured media"),
    Tag(name="Auth", description="Member tokens in exchange for room link secrets"),
    Tag(name="Events", description="Live recording state of a room"),
]

SECURITY_COMPONENTS = Components(
    security_schemes={
        "apiKey": SecurityScheme(type="apiKey", name="X-API-KEY", security_scheme_in="header"),
        "memberToken": SecurityScheme(type="apiKey", name="X-Room-Member-Token", security_scheme_in="header"),
        "bearer": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT"),
    }
)
