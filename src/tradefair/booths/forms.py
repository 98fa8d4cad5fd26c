"""The organiser's forms: starting a run and moving a booth by hand. Each refusal names its
field; the services check the rules again, so the forms only read and bound the values."""

from __future__ import annotations

import json
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tradefair.booths.models import AllocationRun
from tradefair.expos.models import Expo
from tradefair.floorplan.models import Booth, Hall, Pavilion
from tradefair.floorplan.services.grid import GridSpec


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"),
        min_value=5,
        max_value=600,
        initial=int(AllocationRun.DEFAULT_TIME_LIMIT),
        help_text=_("The fair's size needs about ten seconds; small pavilions are solved exactly."),
    )
    keep_booths = forms.BooleanField(
        label=_("Keep booths that are already on the plan where they are"),
        required=False,
        initial=True,
    )


class MoveForm(forms.Form):
    booth = forms.CharField(
        label=_("Booth to move"),
        max_length=20,
        required=False,
        help_text=_("Its number, e.g. A1-101. Leave empty to place an exhibitor without a booth."),
    )
    exhibitor = forms.IntegerField(widget=forms.HiddenInput, required=False)
    hall = forms.ModelChoiceField(
        label=_("Hall"), queryset=Hall.objects.none(), to_field_name="code"
    )
    x = forms.IntegerField(label=_("Column (x) of its top-left module"), min_value=0)
    y = forms.IntegerField(label=_("Row (y) of its top-left module"), min_value=0)
    width = forms.IntegerField(
        label=_("Width in modules"), min_value=1, help_text=_("The depth follows from the booking.")
    )
    pin = forms.BooleanField(
        label=_("Pin it: later runs leave it here"), required=False, initial=True
    )

    def __init__(self, *args: object, expo: Expo, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.expo = expo
        self.fields["hall"].queryset = Hall.objects.filter(expo=expo).order_by("code")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        number = (data.get("booth") or "").strip()
        if number:
            booth = (
                Booth.objects.filter(expo=self.expo, number=number)
                .select_related("assignment__participation")
                .first()
            )
            if booth is None or not hasattr(booth, "assignment"):
                self.add_error(
                    "booth",
                    _("No booth %(number)s with an exhibitor in this edition.")
                    % {"number": number},
                )
            else:
                data["participation"] = booth.assignment.participation
        elif data.get("exhibitor"):
            participation = self.expo.participations.filter(
                pk=data["exhibitor"], role="exhibitor"
            ).first()
            if participation is None:
                self.add_error("booth", _("That exhibitor is not in this edition."))
            else:
                data["participation"] = participation
        else:
            self.add_error("booth", _("Give the number of the booth to move."))
        return data


class GridForm(forms.Form):
    """A hall's grid from rows of island blocks (``floorplan.services.grid``)."""

    hall = forms.ModelChoiceField(
        label=_("Hall"), queryset=Hall.objects.none(), to_field_name="code"
    )
    pavilion = forms.ModelChoiceField(
        label=_("Pavilion"),
        queryset=Pavilion.objects.none(),
        to_field_name="code",
        required=False,
        help_text=_("Leave empty for raw space."),
    )
    rows = forms.IntegerField(label=_("Rows of blocks"), min_value=1, max_value=200)
    columns = forms.IntegerField(label=_("Blocks side by side"), min_value=1, max_value=200)
    block_columns = forms.IntegerField(
        label=_("Modules along a block"), min_value=1, max_value=100, initial=10
    )
    block_rows = forms.IntegerField(
        label=_("Modules deep"),
        min_value=1,
        max_value=10,
        initial=2,
        help_text=_("Two: booths back to back."),
    )
    module_m = forms.DecimalField(
        label=_("Module size (m)"),
        min_value=Decimal("0.5"),
        max_digits=5,
        decimal_places=2,
        initial=3,
    )
    aisle_m = forms.DecimalField(
        label=_("Aisle width (m)"), min_value=0, max_digits=5, decimal_places=2, initial=3
    )
    replace = forms.BooleanField(label=_("Replace the hall's grid if it has one"), required=False)

    def __init__(self, *args: object, expo: Expo, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["hall"].queryset = Hall.objects.filter(expo=expo).order_by("code")  # type: ignore[attr-defined]
        self.fields["pavilion"].queryset = Pavilion.objects.filter(expo=expo).order_by("code")  # type: ignore[attr-defined]

    def spec(self) -> GridSpec:
        data = self.cleaned_data
        return GridSpec(
            rows=data["rows"],
            columns=data["columns"],
            block_columns=data["block_columns"],
            block_rows=data["block_rows"],
            module_m=data["module_m"],
            aisle_m=data["aisle_m"],
        )


class PlanFileForm(forms.Form):
    """A hall's modules from a GeoJSON file (``docs/formats/floorplan-geojson.md``)."""

    MAX_BYTES = 20 * 1024 * 1024  # a hall of 30,000 modules is about 12 MB

    hall = forms.ModelChoiceField(
        label=_("Hall"), queryset=Hall.objects.none(), to_field_name="code"
    )
    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_("One unit feature per module, as tradefair's export or a CAD tool writes it."),
    )
    replace = forms.BooleanField(
        label=_("Replace the hall's modules if it has some"), required=False
    )

    def __init__(self, *args: object, expo: Expo, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["hall"].queryset = Hall.objects.filter(expo=expo).order_by("code")  # type: ignore[attr-defined]

    def clean_file(self) -> dict[str, object]:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 20 MB: export one hall at a time.")
            )
        try:
            data = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise forms.ValidationError(
                _("This is not a JSON file (%(error)s): save the plan as GeoJSON.") % {"error": exc}
            ) from exc
        if not isinstance(data, dict):
            raise forms.ValidationError(_("Give a GeoJSON FeatureCollection."))
        return data
