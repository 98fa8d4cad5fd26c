"""The OpenAPI schema states the forms' limits, and no input the API reads is unbounded.

Each pair below is a form field and the API input it corresponds to: when a form's limit
changes, the API's (read from the same model field or constant) must change with it.
"""

import json

import pytest
from django import forms

from tradefair.accounts.forms import EmailLoginForm
from tradefair.api.schema import render
from tradefair.expos.api_inputs import COUNTRY_OR_EMPTY, HS_CHAPTER_OR_EMPTY
from tradefair.matchmaking.forms import answers, requests
from tradefair.organisations.filters import DirectoryFilterForm

SCHEMA = json.loads(render())
CREATE = ("post", "/api/v1/expos/{slug}/meeting-requests")
DECLINE = ("post", "/api/v1/expos/{slug}/meeting-requests/{pk}/decline")
DIRECTORY = ("get", "/api/v1/expos/{slug}/exhibitors")
TOKEN = ("post", "/api/v1/auth/token")
# Shapes that bound a string's length by themselves.
FIXED_SHAPES = {COUNTRY_OR_EMPTY, HS_CHAPTER_OR_EMPTY}
# The log-in form sets no length on the password either; Django hashes it whatever its length.
UNBOUNDED_LIKE_THE_FORM = {"password"}


def _resolve(node: dict) -> dict:
    if "$ref" in node:
        return SCHEMA["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        return _resolve(node["allOf"][0])
    return node


def body_schema(method: str, path: str) -> dict:
    """The JSON body's schema, or an upload's form fields."""
    content = SCHEMA["paths"][path][method]["requestBody"]["content"]
    kind = "application/json" if "application/json" in content else "multipart/form-data"
    return _resolve(content[kind]["schema"])


def api_input(method: str, path: str, name: str) -> dict:
    """An input's schema: a parameter or a property of the JSON body."""
    operation = SCHEMA["paths"][path][method]
    for parameter in operation.get("parameters", []):
        if parameter["name"] == name:
            return parameter["schema"]
    return body_schema(method, path)["properties"][name]


def every_input():
    for path, operations in SCHEMA["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                yield f"{method.upper()} {path} {parameter['name']}", parameter["schema"]
            if "requestBody" in operation:
                for name, prop in body_schema(method, path)["properties"].items():
                    yield f"{method.upper()} {path} {name}", prop


def _typed(schema: dict) -> dict:
    """The non-null option of a nullable input."""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    return options[0]


MAX_LENGTHS = [
    (requests.MeetingRequestForm.base_fields["message"], (*CREATE, "message")),
    (answers.InvitationForm.base_fields["message"], (*CREATE, "message")),
    (requests.DeclineForm.base_fields["reason"], (*DECLINE, "reason")),
    (answers.DeclineForm.base_fields["reason"], (*DECLINE, "reason")),
    (DirectoryFilterForm.base_fields["q"], (*DIRECTORY, "q")),
    (EmailLoginForm().fields["username"], (*TOKEN, "email")),
]


@pytest.mark.parametrize(
    ("field", "where"),
    MAX_LENGTHS,
    ids=[
        "request-message",
        "invitation-message",
        "buyer-decline",
        "exhibitor-decline",
        "q",
        "email",
    ],
)
def test_the_schema_states_each_forms_max_length(field: forms.CharField, where):
    assert field.max_length is not None
    assert api_input(*where)["maxLength"] == field.max_length


def test_the_schema_states_the_literal_limits():
    assert api_input(*CREATE, "message")["maxLength"] == 2000
    assert api_input(*DECLINE, "reason")["maxLength"] == 1000
    assert api_input(*DIRECTORY, "q")["maxLength"] == 200
    priority = api_input(*CREATE, "priority")
    assert (priority["minimum"], priority["maximum"]) == (1, 5)


@pytest.mark.parametrize("form", [requests.MeetingRequestForm, answers.InvitationForm])
def test_the_priorities_the_forms_offer_are_the_schemas_range(form):
    offered = sorted(value for value, _ in form.base_fields["priority"].choices)
    priority = api_input(*CREATE, "priority")
    assert offered == list(range(priority["minimum"], priority["maximum"] + 1))


def test_a_buyer_and_an_exhibitor_read_the_same_words_for_each_priority():
    buyer = requests.MeetingRequestForm.base_fields["priority"]
    exhibitor = answers.InvitationForm.base_fields["priority"]
    assert [(v, str(label)) for v, label in buyer.choices] == [
        (v, str(label)) for v, label in exhibitor.choices
    ]
    assert buyer.error_messages["invalid_choice"] == exhibitor.error_messages["invalid_choice"]


@pytest.mark.parametrize("form", [requests.MeetingRequestForm, answers.InvitationForm])
def test_a_priority_is_required_by_the_schema_as_by_the_forms(form):
    assert form.base_fields["priority"].required
    assert "priority" in body_schema(*CREATE)["required"]
    assert "default" not in api_input(*CREATE, "priority")


def test_no_input_is_unbounded():
    unbounded = []
    for name, schema in every_input():
        typed = _typed(schema)
        if typed.get("type") == "integer" and "minimum" not in typed:
            unbounded.append(name)
        # A date is parsed, never stored as the text sent: its shape is its bound.
        if typed.get("type") == "string" and "enum" not in typed and "format" not in typed:
            if name.rsplit(" ", 1)[1] in UNBOUNDED_LIKE_THE_FORM:
                assert "pattern" in typed, name  # still no NUL
                continue
            if "maxLength" not in typed and typed.get("pattern") not in FIXED_SHAPES:
                unbounded.append(name)
            if "pattern" not in typed:
                unbounded.append(f"{name} (any character)")
    assert unbounded == []


REVIEW = ["200", "400", "401", "403", "404", "409", "422"]
READ = ["401", "403", "404", "422"]  # the catalogue's own entries
WRITE = ["400", "401", "403", "404", "422"]


def test_every_operation_documents_its_refusals():
    documented = {
        f"{method.upper()} {path}": sorted(operation["responses"])
        for path, operations in SCHEMA["paths"].items()
        for method, operation in operations.items()
    }
    assert documented == {
        "POST /api/v1/auth/token": ["200", "400", "401", "422", "429"],
        "GET /api/v1/me": ["200", "401"],
        "GET /api/v1/expos/{slug}/exhibitors": ["200", "404", "422"],
        "GET /api/v1/expos/{slug}/meeting-requests": [
            "200",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        ],
        "POST /api/v1/expos/{slug}/meeting-requests": [
            "201",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        ],
        "POST /api/v1/expos/{slug}/meeting-requests/{pk}/accept": [
            "200",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        ],
        "POST /api/v1/expos/{slug}/meeting-requests/{pk}/decline": [
            "200",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        ],
        "GET /api/v1/expos/{slug}/recommendations": [
            "200",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        ],
        "GET /api/v1/expos/{slug}/agenda": ["200", "401", "403", "404", "422"],
        "GET /api/v1/expos/{slug}/agenda.ics": ["200", "401", "403", "404", "422"],
        "GET /api/v1/expos/{slug}/programme": ["200", "404", "422"],
        "GET /api/v1/expos/{slug}/programme/{id}": ["200", "404", "422"],
        "GET /api/v1/expos/{slug}/bulletin": ["200", "404", "422"],
        "GET /api/v1/expos/{slug}/exhibitors/{id}/products": ["200", "404", "422"],
        "GET /api/v1/expos/{slug}/{role}/profile": ["200", *READ],
        "PUT /api/v1/expos/{slug}/{role}/profile": ["200", "202", *WRITE],
        "POST /api/v1/expos/{slug}/{role}/profile/logo": ["200", "202", *WRITE],
        "GET /api/v1/expos/{slug}/exhibitor/products": ["200", *READ],
        "POST /api/v1/expos/{slug}/exhibitor/products": ["201", "202", *WRITE],
        "PUT /api/v1/expos/{slug}/exhibitor/products/{id}": ["200", "202", *WRITE],
        "DELETE /api/v1/expos/{slug}/exhibitor/products/{id}": ["202", "204", *WRITE],
        "POST /api/v1/expos/{slug}/exhibitor/products/{id}/pictures": ["201", "202", *WRITE],
        "DELETE /api/v1/expos/{slug}/exhibitor/pictures/{id}": ["202", "204", *WRITE],
        "GET /api/v1/expos/{slug}/buyer/needs": ["200", *READ],
        "POST /api/v1/expos/{slug}/buyer/needs": ["201", "202", *WRITE],
        "PUT /api/v1/expos/{slug}/buyer/needs/{id}": ["200", "202", *WRITE],
        "DELETE /api/v1/expos/{slug}/buyer/needs/{id}": ["202", "204", *WRITE],
        "GET /api/v1/expos/{slug}/deals": ["200", "404", "422"],
        "POST /api/v1/expos/{slug}/deals": ["201", "400", "401", "403", "404", "409", "422"],
        "POST /api/v1/expos/{slug}/deals/{reference}/confirm": REVIEW,
        "POST /api/v1/expos/{slug}/deals/{reference}/approve": REVIEW,
        "POST /api/v1/expos/{slug}/deals/{reference}/reject": REVIEW,
        "GET /api/v1/expos/{slug}/badge": ["200", "401", "404", "422"],
        "POST /api/v1/expos/{slug}/checkins": ["200", "201", "400", "401", "403", "404", "422"],
        "POST /api/v1/expos/{slug}/programme/{id}/registration": [
            "201",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        ],
        "DELETE /api/v1/expos/{slug}/programme/{id}/registration": [
            "204",
            "401",
            "404",
            "409",
            "422",
        ],
    }
