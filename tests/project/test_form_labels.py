"""Every visible field of every form names itself through the catalogue.

A field without a label gets one Django makes from its name ("Decision"), in English on every
page of every language; the applications console showed one to Thai and Chinese organisers."""

import importlib
import inspect
import pkgutil

from django import forms

import tradefair


def _forms() -> list[type[forms.BaseForm]]:
    found = []
    for module in pkgutil.walk_packages(tradefair.__path__, "tradefair."):
        if module.name.rsplit(".", 1)[-1] != "forms" and ".forms." not in module.name:
            continue
        loaded = importlib.import_module(module.name)
        found += [
            cls
            for _name, cls in inspect.getmembers(loaded, inspect.isclass)
            if issubclass(cls, forms.BaseForm) and cls.__module__ == loaded.__name__
        ]
    return found


def test_the_forms_are_found():
    names = {cls.__name__ for cls in _forms()}
    assert {"ProfileForm", "DecisionForm", "ImportForm", "BulkForm"} <= names


def test_every_visible_field_has_its_own_label():
    unlabelled = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _forms()
        for name, field in cls.base_fields.items()
        if field.label is None and not field.widget.is_hidden
    ]
    assert unlabelled == []
