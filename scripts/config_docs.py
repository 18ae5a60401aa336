"""Write docs/configuration.md from MeetEmbedConfig's fields and docstrings (run after changing them)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from meet_embed.config import ENV_PREFIX, MeetEmbedConfig

ROOT = Path(__file__).resolve().parent.parent


def field_docs() -> dict[str, str]:
    tree = ast.parse((ROOT / "meet_embed" / "config.py").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MeetEmbedConfig")
    docs: dict[str, str] = {}
    body = cls.body
    for node, following in zip(body, [*body[1:], None], strict=True):
        documented = isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and documented:
            docs[node.target.id] = " ".join(str(following.value.value).split())  # type: ignore[union-attr]
    return docs


def main() -> None:
    docs = field_docs()
    defaults = MeetEmbedConfig()
    lines = [
        "# Configuration",
        "",
        "Every field of `MeetEmbedConfig` can be given in code or as an environment variable "
        f"`{ENV_PREFIX}<FIELD>` (`MeetEmbedConfig.from_env()`; keyword arguments win). Lists are "
        "comma-separated, dictionaries are JSON, hooks are `module:function` strings. Generated from the "
        "source by `scripts/config_docs.py`.",
        "",
        "| field | environment variable | default | what it does |",
        "|---|---|---|---|",
    ]
    for f in dataclasses.fields(MeetEmbedConfig):
        value = getattr(defaults, f.name)
        if f.name in ("data_dir",):
            default = "`.meet-embed`"
        elif value in (None, (), {}, ""):
            default = "(none)"
        else:
            default = f"`{value!r}`" if not isinstance(value, str) else f"`{value}`"
        doc = docs.get(f.name, "").replace("|", "\\|")
        lines.append(f"| `{f.name}` | `{ENV_PREFIX}{f.name.upper()}` | {default} | {doc} |")
    (ROOT / "docs" / "configuration.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
