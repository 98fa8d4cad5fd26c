"""Sentences that end in a name keep one full stop, whatever the name ends with."""

import pytest

from tradefair.expos.names import one_full_stop


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Welcome to Anhui Ankang Co., Ltd..", "Welcome to Anhui Ankang Co., Ltd."),
        ("Welcome to Saigon Fresh Foods.", "Welcome to Saigon Fresh Foods."),
        ("Welcome to Wait For It...", "Welcome to Wait For It..."),
        ("欢迎加入安徽安康农业有限公司。", "欢迎加入安徽安康农业有限公司。"),
        ("", ""),
    ],
)
def test_one_full_stop(sentence: str, expected: str) -> None:
    assert one_full_stop(sentence) == expected
