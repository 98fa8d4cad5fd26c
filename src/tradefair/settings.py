"""Django settings, read from the environment.

With no variables set, tradefair runs embedded: a SQLite file under ``var/``, tasks inline,
local-memory cache. ``DATABASE_URL`` and ``REDIS_URL`` switch to PostgreSQL, Celery and Redis.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("TRADEFAIR_DATA_DIR", Path.cwd() / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "tradefair-insecure-development-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "tradefair.accounts",
    "tradefair.expos",
    "tradefair.floorplan",
    "tradefair.trade",
    "tradefair.organisations",
    "tradefair.booths",
    "tradefair.programme",
    "tradefair.matchmaking",
    "tradefair.catalogue",
    "tradefair.deals",
    "tradefair.registration",
    "tradefair.bulletin",
    "tradefair.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tradefair.accounts.admin_clock.AdminClockMiddleware",
    "tradefair.accounts.languages.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lock-out into the lock-out answer
]

ROOT_URLCONF = "tradefair.urls"
WSGI_APPLICATION = "tradefair.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tradefair.matchmaking.context_processors.portals",
            ],
        },
    }
]

_sqlite_default = f"sqlite:///{DATA_DIR / 'tradefair.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _sqlite_default))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets the web server read while the demo loader or an import writes.
    DATABASES["default"]["OPTIONS"]["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # A writer that meets another's lock waits for it (the scheduler's write-back and
    # publishing hold it for a second or two) instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"]["timeout"] = int(os.environ.get("SQLITE_BUSY_TIMEOUT", "60"))
else:
    # Persistent connections pay off under gunicorn's long-lived threads; Django's development
    # server (``tradefair demo``) starts a thread per request, and kept connections would pile
    # up until PostgreSQL refuses more ("too many clients", found by tests/faults).
    DATABASES["default"]["CONN_MAX_AGE"] = int(
        os.environ.get("CONN_MAX_AGE", "0" if DEBUG else "60")
    )
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Pages run small queries: a parallel plan's workers cost more to start than they save and
    # take the cores the web processes need (the directory's two-letter searches on the demo:
    # 37 -> 23 ms of query time without them). A DATABASE_URL with its own ?options= wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        "-c max_parallel_workers_per_gather="
        + os.environ.get("TRADEFAIR_PG_PARALLEL_WORKERS", "0"),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Long work (scheduling runs, publishing) always runs in a worker process, never in a request.
# Without Redis the broker is a folder under the data dir: no server, the same task functions,
# and ``tradefair demo`` starts the worker (``tradefair worker``) beside the web server.
TASK_QUEUE_DIR = DATA_DIR / "tasks"
CELERY_RESULT_BACKEND: str | None = REDIS_URL or None
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
else:
    CELERY_BROKER_URL = "filesystem://"
    # Kombu's folder transport with whole messages (task_folder explains the race it closes).
    CELERY_BROKER_TRANSPORT = "tradefair.task_folder:Transport"
    for _folder in ("queue", "control"):
        (TASK_QUEUE_DIR / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(TASK_QUEUE_DIR / "queue"),
        "data_folder_out": str(TASK_QUEUE_DIR / "queue"),
        "control_folder": str(TASK_QUEUE_DIR / "control"),
    }
# Inline execution is for the test suite only (tests/settings.py turns it on).
CELERY_TASK_ALWAYS_EAGER = False
# A running job whose worker gave no sign of life for this long is marked failed.
TASK_HEARTBEAT_TIMEOUT = int(os.environ.get("TRADEFAIR_TASK_TIMEOUT", "60"))
# Meetings a scheduling run stages per transaction: each batch holds SQLite's write lock for
# about 0.1 s at the default; smaller batches give other writers more chances in between.
SCHEDULE_STAGE_BATCH = int(os.environ.get("TRADEFAIR_STAGE_BATCH", "5000"))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged after it ran, so a worker killed mid-task leaves it to be redelivered
# (the services are idempotent and a claimed run is not run twice).
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

LANGUAGE_CODE = "en"
# The fair's languages: China's and those of the ASEAN members with most exhibitors and buyers
# (docs/translation-glossary.md keeps their trade words consistent).
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    ("vi", _("Vietnamese")),
    ("th", _("Thai")),
    ("id", _("Indonesian")),
    ("ms", _("Malay")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded pictures: files under the data dir in the embedded default (served by the app at
# MEDIA_URL), or an S3-compatible bucket (AWS, MinIO, Ceph, Aliyun OSS…) through
# django-storages when TRADEFAIR_S3_BUCKET is set; its credentials come from the usual
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables.
S3_BUCKET = os.environ.get("TRADEFAIR_S3_BUCKET", "")
MEDIA_STORAGE: dict[str, Any] = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("TRADEFAIR_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("TRADEFAIR_S3_REGION") or None,
            "custom_domain": os.environ.get("TRADEFAIR_MEDIA_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
# Uploads larger than this go to a temporary file instead of memory; pictures are refused above
# 8 MB by the catalogue's service (catalogue/services/pictures.py).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# In development WhiteNoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"

# Password guessing (django-axes, see accounts/services/lockout.py): five wrong passwords for one
# address from one IP lock that pair out of every log-in (form, admin, API token) for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "tradefair.accounts.services.lockout.attempted_address"
AXES_RESET_ON_SUCCESS = True
# Tries while locked out do not push the end further away, so "try again in 15 minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # only failures count: no row written per successful log-in
AXES_LOCKOUT_CALLABLE = "tradefair.accounts.views.locked_out"

if not DEBUG:
    SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

# Mail: printed to the console in development; SMTP from the environment in production.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tradefair <noreply@localhost>")
# Services build the links in e-mails without a request to read the host from: they prefix this.
SITE_URL = os.environ.get("TRADEFAIR_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Request bodies other than file uploads (forms, JSON) larger than this are refused; the
# import form limits the size of uploaded files itself.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
