"""FastAPI host app that mounts meet-embed's ASGI app: ``python -m examples.fastapi_app``."""
