"""Quantities of a thousand or more in messages are grouped the reader's way (Vietnamese
"1.600", "164,5"), as the figures beside them are; identifiers such as line numbers are not."""

from decimal import Decimal

import pytest
from django.utils import translation

from tests.catalogue.conftest import picture_bytes, upload
from tradefair.catalogue.services.pictures import PictureRefused, read_picture
from tradefair.floorplan.models import Hall
from tradefair.floorplan.services.grid import GridSpec, _faults
from tradefair.programme.services.imports_parse import _too_long


def test_a_pictures_size_is_grouped():
    with translation.override("vi"), pytest.raises(PictureRefused) as refused:
        read_picture(upload("strip.png", picture_bytes((1600, 60), "PNG")))
    assert "1.600 × 60" in str(refused.value)


def test_a_grid_too_large_for_its_hall_writes_its_metres_in_one_notation():
    spec = GridSpec(rows=1, columns=1, block_columns=1, module_m=Decimal("2.5"))
    with translation.override("vi"):
        fault = _faults(Hall(code="A1", area_m2=10), spec, None)["rows"]
    assert "(2,5 x 5 m)" in fault  # "%g" gave "2.5" beside "1.000 m²"


def test_a_programme_cell_too_long_groups_both_lengths():
    with translation.override("vi"):
        assert _too_long(6000, 5000) == translation.gettext(
            "too long (%(length)s characters, at most %(most)s)"
        ) % {"length": "6.000", "most": "5.000"}


@pytest.mark.parametrize(
    ("language", "high", "low"), [("en", "10,000", "1"), ("vi", "10.000", "1")]
)
def test_a_count_fields_bounds_are_grouped_in_djangos_own_sentence(language, high, low):
    from tradefair.matchmaking.forms.organiser import SessionForm
    from tradefair.registration.forms import ChangeLinkForm

    with translation.override(language):
        over = ChangeLinkForm(data={"link": 1, "quota": 20_000})
        assert not over.is_valid()
        expected = translation.gettext(
            "Ensure this value is less than or equal to %(limit_value)s."
        ) % {"limit_value": high}
        assert over.errors["quota"] == [expected]
        under = ChangeLinkForm(data={"link": 1, "quota": 0})
        assert not under.is_valid()
        assert under.errors["quota"] == [
            translation.gettext("Ensure this value is greater than or equal to %(limit_value)s.")
            % {"limit_value": low}
        ]
        tables = SessionForm.base_fields["tables"]
        assert expected in str(tables.error_messages["max_value"])
