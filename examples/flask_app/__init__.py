"""Flask (WSGI) host app; meet-embed mounted at /meet through a2wsgi: ``python -m examples.flask_app``."""
