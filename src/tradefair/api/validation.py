"""Requests the schema refuses, explained as the forms explain them: 422 with one ``detail``.

ninja checks every parameter and body against the schema before a view runs and would answer
with pydantic's English error list. Here each error becomes a sentence in the caller's language
that names the field and, where there is one, its limit as the published schema states it (a
priority refused for being 0 says "from 1 to 5", read from the schema's minimum and maximum).
"""

import functools
import re
from typing import Any

from babel.numbers import format_decimal
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser
from ninja.types import DictStrAny

from tradefair.expos.api_inputs import (
    COUNTRY_OR_EMPTY,
    HS_CHAPTER_OR_EMPTY,
    NO_NUL,
    SLUG,
    SLUG_OR_EMPTY,
)
from tradefair.expos.presentation import reader_locale

# Where ninja found the value: the first item of an error's ``loc``.
SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}
NOT_AN_OBJECT = {"model_attributes_type", "model_type", "dict_type"}
NOT_A_WHOLE_NUMBER = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
BOUNDS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}
PATTERNS: dict[str, Promise] = {
    NO_NUL: gettext_lazy("“%(field)s” may not contain the NUL character."),
    SLUG: gettext_lazy("“%(field)s” may hold only letters, digits, hyphens and underscores."),
    COUNTRY_OR_EMPTY: gettext_lazy("“%(field)s” must be a two-letter ISO 3166 country code."),
    HS_CHAPTER_OR_EMPTY: gettext_lazy("“%(field)s” must be a two-digit HS chapter, e.g. 85."),
}
PATTERNS[SLUG_OR_EMPTY] = PATTERNS[SLUG]
# ninja's own words for a body that is not JSON at all (``ninja.params.models.BodyModel``).
UNPARSABLE_BODY = "Cannot parse request body"


class ObjectBodyParser(Parser):
    """Only a JSON object is a body: ninja would read a list, a number or ``null`` as an empty
    object and fill in every default."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the body is not a JSON object")
        return data


def _number(value: Any) -> str:
    return format_decimal(value, locale=reader_locale())


def _facts_of(schema: dict[str, Any]) -> dict[str, Any]:
    """``minimum``, ``maximum`` and ``enum`` of a property, looking into ``anyOf`` (nullable)."""
    found: dict[str, Any] = {k: schema[k] for k in ("minimum", "maximum", "enum") if k in schema}
    for option in schema.get("anyOf", []):
        found.update(_facts_of(option))
    return found


@functools.cache
def field_facts(api: NinjaAPI) -> dict[str, dict[str, Any]]:
    """Every input's stated bounds and choices by name, from the published schema.

    A name whose facts differ between operations is left out: its message then states only
    the bound that was broken, which pydantic reports itself.
    """
    schema = api.get_openapi_schema()
    seen: dict[str, list[dict[str, Any]]] = {}
    for operations in schema["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                seen.setdefault(parameter["name"], []).append(_facts_of(parameter["schema"]))
    for component in schema.get("components", {}).get("schemas", {}).values():
        for name, prop in component.get("properties", {}).items():
            facts = _facts_of(prop)
            if facts:
                seen.setdefault(name, []).append(facts)
    stated = {name: [f for f in all_facts if f] for name, all_facts in seen.items()}
    return {
        name: facts[0]
        for name, facts in stated.items()
        if facts and all(f == facts[0] for f in facts)
    }


def field_of(loc: list[Any] | tuple[Any, ...]) -> str:
    """The field as the caller wrote it: ``message``, ``limit``; empty for a whole body."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in SOURCES:
        # A body's errors sit under the view's argument name ("body", "credentials").
        parts = parts[2:] if parts[0] == "body" else parts[1:]
    return ".".join(parts)


def _bounds(field: str, kind: str, ctx: dict[str, Any], facts: dict[str, Any]) -> str:
    low = facts.get("minimum", ctx.get("ge"))
    high = facts.get("maximum", ctx.get("le"))
    if low is not None and high is not None:
        return _("“%(field)s” must be from %(minimum)s to %(maximum)s.") % {
            "field": field,
            "minimum": _number(low),
            "maximum": _number(high),
        }
    if kind in {"greater_than_equal", "greater_than"}:
        low = ctx.get("ge", ctx.get("gt"))
        return _("“%(field)s” must be at least %(minimum)s.") % {
            "field": field,
            "minimum": _number(low),
        }
    high = ctx.get("le", ctx.get("lt"))
    return _("“%(field)s” must be at most %(maximum)s.") % {
        "field": field,
        "maximum": _number(high),
    }


def explain(error: dict[str, Any], facts: dict[str, Any]) -> str:
    """One sentence for one of ninja's errors, in the active language."""
    field = field_of(error.get("loc", ()))
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if not field:
        if kind in NOT_AN_OBJECT:
            return _("The request body must be a JSON object.")
        return _("The request body is not valid.")
    words = {"field": field}
    if kind == "missing":
        return _("“%(field)s” is required.") % words
    if kind == "reason_required":
        return _("“%(field)s” is required: tell the buyer why you decline.") % words
    if kind == "string_too_long":
        return _("“%(field)s” may be at most %(limit)s characters long.") % {
            **words,
            "limit": _number(ctx["max_length"]),
        }
    if kind == "string_too_short":
        return _("“%(field)s” must be at least %(limit)s characters long.") % {
            **words,
            "limit": _number(ctx["min_length"]),
        }
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERNS:
        return str(PATTERNS[ctx["pattern"]]) % words
    if kind in BOUNDS:
        return _bounds(field, kind, ctx, facts)
    if kind in NOT_A_WHOLE_NUMBER:
        return _("“%(field)s” must be a whole number.") % words
    if kind == "decimal_max_places":
        return _("“%(field)s” may have at most %(places)s decimals.") % {
            **words,
            "places": _number(ctx["decimal_places"]),
        }
    if kind == "string_type":
        return _("“%(field)s” must be a string.") % words
    choices = facts.get("enum") or re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
    if kind in {"literal_error", "enum"} and choices:
        # Two operations may give one name different choices ("kind" of an activity or of a
        # deal); pydantic's own list of the expected values tells them apart.
        return _("“%(field)s” must be one of: %(choices)s.") % {
            **words,
            "choices": ", ".join(str(choice) for choice in choices),
        }
    if kind in NOT_AN_OBJECT:
        return _("“%(field)s” must be a JSON object.") % words
    if kind == "extra_forbidden":
        return _("“%(field)s” is not a field of this request: leave it out.") % words
    if kind in {"bool_type", "bool_parsing"}:
        return _("“%(field)s” must be true or false.") % words
    return _("“%(field)s” is not valid.") % words


def refusal_detail(api: NinjaAPI, errors: list[dict[str, Any]]) -> str:
    """All of a request's errors, each once, in the order ninja found them."""
    facts = field_facts(api)
    sentences = [
        explain(error, facts.get(field_of(error.get("loc", ())).rsplit(".", 1)[-1], {}))
        for error in errors
    ]
    return " ".join(dict.fromkeys(sentences)) or _("The request is not valid.")


def not_allowed_in_words(response: HttpResponse) -> HttpResponse:
    """ninja's 405 is plain text; say it as every other refusal, keeping the ``Allow`` header."""
    if not isinstance(response, HttpResponseNotAllowed):
        return response
    allowed = response["Allow"]
    words = JsonResponse(
        {"detail": _("This address answers only %(methods)s.") % {"methods": allowed}},
        status=405,
    )
    words["Allow"] = allowed
    return words


def install(api: NinjaAPI) -> None:
    """Answer ninja's validation errors, and its unparsable bodies, like every other refusal."""

    @api.exception_handler(ValidationError)
    def refused(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": refusal_detail(api, exc.errors)}, status=422)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail = str(exc)
        if detail.startswith(UNPARSABLE_BODY):
            detail = _("The request body must be a JSON object.")
        return api.create_response(request, {"detail": detail}, status=exc.status_code)

    @api.exception_handler(MultiPartParserError)
    def not_json(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        # A view that reads request.POST (the log-in lockout does) meets a broken form body.
        return api.create_response(
            request, {"detail": _("The request body must be a JSON object.")}, status=400
        )
