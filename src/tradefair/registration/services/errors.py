"""Refusals of the registration services, with the field they concern when there is one."""


class RegistrationError(Exception):
    """An action refused; the message is for the person, ``field`` names the form field."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidApplication(RegistrationError):
    """The application's values break a rule: every problem, each with its field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems[0][1], field=problems[0][0])
        self.problems = problems
