"""The ``tradefair`` command speaks the operator's language, read as gettext reads it."""

import os
import subprocess
import sys

import pytest

from tradefair.cli import operator_language


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "th_TH.UTF-8"}, "th"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-hans"),  # mainland Chinese reads Simplified Chinese
        ({"LANGUAGE": "ms:en", "LANG": "th_TH.UTF-8"}, "ms"),  # LANGUAGE first, as gettext
        ({"LANGUAGE": "fr:vi", "LANG": "th_TH.UTF-8"}, "vi"),  # its list in order
        ({"LANGUAGE": "fr", "LANG": "th_TH.UTF-8"}, None),  # the first variable set decides
        ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "fr_FR.UTF-8"}, None),  # not a language of the site: English
        ({}, None),
    ],
)
def test_the_operators_language_is_read_from_the_locale_variables(environ, language):
    assert operator_language(environ) == language


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("th_TH.UTF-8", "file: อ่าน /nowhere/exhibitors.csv ไม่ได้"),
        ("C.UTF-8", "file: cannot read /nowhere/exhibitors.csv"),
    ],
)
def test_a_refusal_reads_in_the_operators_language(lang, said):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    command = ["import", "exhibitors", "/nowhere/exhibitors.csv", "--expo", "caexpo-22"]
    done = subprocess.run(
        [sys.executable, "-m", "tradefair.cli", *command],
        env={**environ, "LANG": lang, "DJANGO_SETTINGS_MODULE": "tradefair.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert said in done.stderr
