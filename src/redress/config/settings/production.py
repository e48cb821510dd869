"""Production overlay: secure cookies, HSTS, compressed static files, a real secret."""

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR, env

DEBUG = False
SECRET_KEY = env.str("REDRESS_SECRET_KEY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("REDRESS_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("REDRESS_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
WHITENOISE_USE_FINDERS = False
STATIC_ROOT = env.path("REDRESS_STATIC_ROOT", default=VAR_DIR / "static")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
