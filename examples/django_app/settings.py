"""Settings of the Django example: no database (users in memory, sessions in signed cookies)."""

from __future__ import annotations

import os
from pathlib import Path

from examples.common import host_secret

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("DJANGO_EXAMPLE_DATA_DIR") or BASE_DIR / "data").resolve()

SECRET_KEY = host_secret(DATA_DIR)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = ["examples.django_app"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "examples.django_app.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES: dict[str, dict[str, str]] = {}
# Sessions live in a cookie signed with SECRET_KEY; meet-embed's admin hook reads it with the same engine.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
SESSION_COOKIE_SAMESITE = "Lax"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.ScryptPasswordHasher"]
USE_TZ = True

# Where meet-embed answers (see asgi.py, which routes it there).
MEET_EMBED_PATH = "/meet"
