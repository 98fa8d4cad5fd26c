"""The portal's edit forms. They check formats; the services check meaning (codes exist,
names are free) and the views put the services' refusals on the field they name."""

import re
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tradefair.catalogue.services.errors import CatalogueError
from tradefair.catalogue.services.items import CAPTION_LENGTH, TEXT_LENGTH, ItemInput
from tradefair.catalogue.services.pictures import ACCEPTED, MAX_BYTES
from tradefair.catalogue.services.profile import ProfileInput, email_field, website_field
from tradefair.catalogue.services.rules import (
    CERTIFICATION_LENGTH,
    MAX_CERTIFICATIONS,
    MAX_CODES,
    MINIMUM_ORDER_LENGTH,
    TITLE_LENGTH,
)
from tradefair.expos.languages import language_choices
from tradefair.expos.models import Country, Sector
from tradefair.expos.names import country_name
from tradefair.organisations.widgets import QuickSelectMultiple

CODE_SEPARATORS = re.compile(r"[\s,;\uff0c\uff1b\u3001]+")  # also the Chinese comma and 、
NAME_SEPARATORS = re.compile(r"[,;\uff0c\uff1b\u3001]+")  # names keep their spaces
PICTURE_TYPES = "image/jpeg,image/png,image/webp,image/gif"
# The list boxes hold as many entries as the rules allow, with a separator each, so a box
# refuses only what the rules refuse (too many, or one too long) unless entries repeat; the
# API's lists are typed into the same boxes (``typed_item``).
CODES_BOX = MAX_CODES * len("84.79.50, ")
CERTIFICATIONS_BOX = MAX_CERTIFICATIONS * (CERTIFICATION_LENGTH + len(", "))


def split_list(text: str, separators: re.Pattern[str] = CODE_SEPARATORS) -> list[str]:
    """Codes typed with spaces, commas or semicolons, Western or Chinese, between them."""
    return [part.strip() for part in separators.split(text) if part.strip()]


def picture_help() -> str:
    return _("%(types)s, at most %(mb)s MB; it is resized for each page.") % {
        "types": ", ".join(ACCEPTED.values()),
        "mb": MAX_BYTES // (1024 * 1024),
    }


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Name in English"), max_length=200)
    name_zh = forms.CharField(label=_("Name in Chinese"), max_length=200, required=False)
    name_local = forms.CharField(
        label=_("Name in your own language"),
        max_length=200,
        required=False,
        help_text=_("As your company writes it at home, e.g. in Thai or Vietnamese script."),
    )
    name_local_language = forms.ChoiceField(
        label=_("Language of that name"), required=False, choices=language_choices
    )
    description = forms.CharField(
        label=_("Description in English"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    description_zh = forms.CharField(
        label=_("Description in Chinese"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    website = website_field(label=_("Website"))
    email = email_field(label=_("E-mail"))
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    contact_person = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PICTURE_TYPES}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["logo"].help_text = picture_help()

    def values(self) -> ProfileInput:
        data = self.cleaned_data
        return ProfileInput(**{name: data[name] for name in ProfileInput.__dataclass_fields__})


def sector_choices() -> list[tuple[str, str]]:
    return [(s.slug, s.display_name) for s in Sector.objects.all()]


def country_choices() -> list[tuple[str, str]]:
    language = get_language() or "en"
    named = [
        (c, country_name(c, language, fallback=c))
        for c in Country.objects.values_list("code", flat=True)
    ]
    return sorted(named, key=lambda choice: choice[1])


class ItemForm(forms.Form):
    """A product (exhibitors) or a sourcing need (buyers); ``product`` adds the product fields."""

    title = forms.CharField(label=_("Name in English"), max_length=TITLE_LENGTH)
    title_zh = forms.CharField(label=_("Name in Chinese"), max_length=TITLE_LENGTH, required=False)
    text = forms.CharField(
        label=_("Description in English"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    text_zh = forms.CharField(
        label=_("Description in Chinese"),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    hs_codes = forms.CharField(
        label=_("HS codes"),
        required=False,
        max_length=CODES_BOX,
        help_text=_("2-, 4- or 6-digit codes of the Harmonized System, e.g. 8507 850760."),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    markets = forms.MultipleChoiceField(
        label=_("Target markets"),
        required=False,
        widget=QuickSelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    minimum_order = forms.CharField(
        label=_("Minimum order"), max_length=MINIMUM_ORDER_LENGTH, required=False
    )
    certifications = forms.CharField(
        label=_("Certifications"),
        max_length=CERTIFICATIONS_BOX,
        required=False,
        help_text=_("Separated by commas, e.g. CE, ISO 9001, Halal."),
    )
    picture = forms.FileField(
        label=_("Picture"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PICTURE_TYPES}),
    )
    caption = forms.CharField(
        label=_("Caption of the picture"), max_length=CAPTION_LENGTH, required=False
    )

    def __init__(self, *args: Any, product: bool, new: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = sector_choices()  # type: ignore[attr-defined]
        self.fields["markets"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["picture"].help_text = picture_help()
        if not product:
            self.fields["markets"].label = _("Source markets")
            for name in ("minimum_order", "certifications", "picture", "caption"):
                del self.fields[name]
        elif not new:  # pictures of an existing product are added on their own form
            del self.fields["picture"], self.fields["caption"]

    def values(self) -> ItemInput:
        data = self.cleaned_data
        return ItemInput(
            title=data["title"],
            title_zh=data["title_zh"],
            text=data["text"],
            text_zh=data["text_zh"],
            hs_codes=split_list(data["hs_codes"]),
            sectors=list(data["sectors"]),
            markets=list(data["markets"]),
            minimum_order=data.get("minimum_order", ""),
            certifications=split_list(data.get("certifications", ""), NAME_SEPARATORS),
        )


def item_initial(values: dict[str, Any]) -> dict[str, Any]:
    """The edit form's start from ``services.items.item_values``."""
    return {
        **values,
        "hs_codes": " ".join(values["hs_codes"]),
        "certifications": ", ".join(values.get("certifications", [])),
    }


def typed_item(values: dict[str, Any], *, product: bool) -> ItemInput:
    """Lists (as the API takes them) typed into the edit form and read by it, so that they are
    split, chosen and refused as the portal's are; refused with the form's first error."""
    form = ItemForm(data=item_initial(values), product=product, new=False)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        raise CatalogueError(str(errors[0]), field=field if field in form.fields else None)
    return form.values()


class PictureForm(forms.Form):
    picture = forms.FileField(
        label=_("Picture"), widget=forms.ClearableFileInput(attrs={"accept": PICTURE_TYPES})
    )
    caption = forms.CharField(label=_("Caption"), max_length=CAPTION_LENGTH, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["picture"].help_text = picture_help()
