"""Django (ASGI) host app; ``/meet/…`` goes to meet-embed: ``python -m examples.django_app``."""
