"""Settings for every environment, read from environment variables (see .env.example)."""

from pathlib import Path

import environ

SRC_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = SRC_DIR.parents[1] if (SRC_DIR.parents[1] / "pyproject.toml").exists() else Path.cwd()
VAR_DIR = PROJECT_DIR / "var"

env = environ.Env()
environ.Env.read_env(PROJECT_DIR / ".env", overwrite=False)

DEBUG = env.bool("REDRESS_DEBUG", default=False)
# The demo and tests run without a secret in the environment; production refuses to start
# without one (see production.py).
SECRET_KEY = env.str("REDRESS_SECRET_KEY", default="insecure-local-development-key-change-me")
ALLOWED_HOSTS = env.list("REDRESS_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("REDRESS_CSRF_TRUSTED_ORIGINS", default=[])

SCHEME_NAME = env.str("REDRESS_SCHEME_NAME", default="Local Services Ombudsman")
# The public phone line, offered wherever the online service cannot help.
SCHEME_PHONE = env.str("REDRESS_SCHEME_PHONE", default="0306 999 0123")
# How many reverse proxies stand in front of the app (0: REMOTE_ADDR is the visitor's).
INTAKE_TRUSTED_PROXIES = env.int("INTAKE_TRUSTED_PROXIES", default=0)
# Complaint submissions allowed per network address per hour (spam resistance, no CAPTCHA).
INTAKE_SUBMISSIONS_PER_ADDRESS = env.int("INTAKE_SUBMISSIONS_PER_ADDRESS", default=10)
# How long before a session ends the complaint form warns that it is about to.
INTAKE_SESSION_WARNING_SECONDS = env.int("INTAKE_SESSION_WARNING_SECONDS", default=300)
ACCESSIBILITY_CONTACT_EMAIL = env.str(
    "ACCESSIBILITY_CONTACT_EMAIL", default="accessibility@ombudsman.example"
)
DATA_PROTECTION_CONTACT_EMAIL = env.str(
    "DATA_PROTECTION_CONTACT_EMAIL", default="dataprotection@ombudsman.example"
)
# The jurisdiction whose bank holidays make the working-day calendar.
HOLIDAYS_COUNTRY = env.str("REDRESS_HOLIDAYS_COUNTRY", default="GB")
HOLIDAYS_SUBDIVISION = env.str("REDRESS_HOLIDAYS_SUBDIVISION", default="ENG")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "redress.frontend",
    "redress.accounts",
    "redress.organisations",
    "redress.casework",
    "redress.audit",
    "redress.intake",
    "redress.notifications",
    "redress.portal",
    "redress.assessment",
    "redress.investigation",
    "redress.decisions",
    "redress.remedies",
    "redress.compliance",
    "redress.demo",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "redress.config.urls"
WSGI_APPLICATION = "redress.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "redress.frontend.jinja.AppTemplatesJinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "redress.frontend.jinja.environment"},
    },
    {
        # The Django admin keeps its own templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'redress.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Reuse a connection across requests (a new PostgreSQL backend per request costs more CPU
# than most pages); health checks drop one the server closed. `?conn_max_age=` in
# DATABASE_URL wins.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("REDRESS_DB_CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo's web process and a generator run side by side.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "casework:workqueue"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_AGE = env.int("REDRESS_SESSION_SECONDS", default=8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "redress.frontend.views.csrf_failure"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Only production collects static files; elsewhere whitenoise serves them from the apps.
STATIC_ROOT: Path | None = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the apps (no collectstatic) except in production.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = env.path("REDRESS_FILES_DIR", default=VAR_DIR / "files")

EMAIL_BACKEND = env.str(
    "REDRESS_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("REDRESS_FROM_EMAIL", default="casework@ombudsman.example")

# Background work (letters, PDFs). The demo and tests run tasks at once, in the request;
# production sets the database backend and runs `redress db_worker` on as many hosts as needed.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "REDRESS_TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("REDRESS_LOG_LEVEL", default="INFO")},
}

# Workqueues page through at most this many cases per page.
WORKQUEUE_PAGE_SIZE = 25
