"""Litestar host app with meet-embed as a plugin: ``python -m examples.litestar_app``."""
