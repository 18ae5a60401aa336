"""meet-embed's own Jinja2 environment, so its pages render whether or not the host has a template engine."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from meet_embed.web.static import static_url

__all__ = ("TEMPLATES_DIR", "render")


def _templates_dir() -> Path:
    # In a wheel the templates sit inside the package; in a source checkout they are the top-level folder.
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


TEMPLATES_DIR = _templates_dir()


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["static_url"] = static_url
    return env


def render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)
