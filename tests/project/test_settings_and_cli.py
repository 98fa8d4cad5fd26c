"""The project runs from the environment: embedded by default, production checks clean."""

import os
import secrets
import subprocess
import sys

import pytest

from tradefair.cli import ALIASES


def _tradefair(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The browser tests allow sync ORM calls inside Playwright's loop; a real process must not.
    env = {k: v for k, v in env.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    # The real runtime's settings, not the suite's (which run tasks inline).
    env["DJANGO_SETTINGS_MODULE"] = "tradefair.settings"
    return subprocess.run(
        [sys.executable, "-m", "tradefair", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_are_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "expo.example.org",
        "TRADEFAIR_DATA_DIR": str(tmp_path),
    }
    result = _tradefair("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "DEBUG": "0", "TRADEFAIR_DATA_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    result = _tradefair("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_without_environment_the_database_is_a_sqlite_file_under_the_data_dir(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["TRADEFAIR_DATA_DIR"] = str(tmp_path)
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['NAME']);"
        "print(settings.CELERY_TASK_ALWAYS_EAGER)"
    )
    result = _tradefair("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [str(tmp_path / "tradefair.sqlite3"), "False"]


@pytest.mark.parametrize(("alias", "command"), sorted(ALIASES.items()))
def test_cli_aliases_name_real_commands(alias, command):
    from django.core.management import get_commands

    assert command in get_commands(), f"tradefair {alias} maps to a missing command"


def test_tasks_go_to_a_worker_through_a_folder_without_redis_and_through_redis_with_it(tmp_path):
    code = (
        "from tradefair.celery_app import app;"
        "print(app.conf.task_always_eager, app.conf.broker_url,"
        " app.conf.broker_transport_options.get('data_folder_in'),"
        " type(app.connection_for_write().transport).__module__)"
    )
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env["TRADEFAIR_DATA_DIR"] = str(tmp_path)
    embedded = _tradefair("shell", "-c", code, env=env)
    assert embedded.stdout.splitlines()[-1] == (
        f"False filesystem:// {tmp_path}/tasks/queue tradefair.task_folder"
    )
    assert (tmp_path / "tasks" / "queue").is_dir()
    env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
    queued = _tradefair("shell", "-c", code, env=env)
    assert queued.stdout.splitlines()[-1] == (
        "False redis://127.0.0.1:6379/0 None kombu.transport.redis"
    )


def test_uploads_go_to_the_data_dir_or_to_an_s3_bucket_when_one_is_named(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEFAIR_S3")}
    env["TRADEFAIR_DATA_DIR"] = str(tmp_path)
    code = (
        "from django.conf import settings;"
        "s = settings.STORAGES['default'];"
        "print(s['BACKEND']);"
        "print(s.get('OPTIONS', {}).get('bucket_name'), settings.MEDIA_ROOT)"
    )
    embedded = _tradefair("shell", "-c", code, env=env)
    assert embedded.returncode == 0, embedded.stderr
    assert embedded.stdout.splitlines()[-2:] == [
        "django.core.files.storage.FileSystemStorage",
        f"None {tmp_path / 'media'}",
    ]
    env.update(TRADEFAIR_S3_BUCKET="caexpo-media", TRADEFAIR_S3_ENDPOINT_URL="http://minio:9000")
    bucket = _tradefair("shell", "-c", code, env=env)
    assert bucket.returncode == 0, bucket.stderr
    assert bucket.stdout.splitlines()[-2:] == [
        "storages.backends.s3.S3Storage",
        f"caexpo-media {tmp_path / 'media'}",
    ]
