"""Which language a page is shown in: the URL's prefix, else the reader's saved choice, else
their browser's ``Accept-Language``, else English.

A prefixed address (``/th/…``) always wins. An address without a prefix is English only for
someone who chose English or whose browser asks for nothing else; anyone else is sent to the
same page under their language's prefix. A choice is what the reader picked in the language
switcher, whose links go through ``choose``: it is kept in the language cookie and, for a
signed-in person, as their language (which their e-mails use too). Following a link to a
page in another language is not a choice, and changes nothing kept.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import is_valid_path
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, get_language_from_request, override

from tradefair.accounts.services.preferences import set_language, supported_language

# Paths outside ``i18n_patterns``: they have no language prefix to add.
UNPREFIXED = ("/api/", "/i18n/", "/static/", "/media/")


def preferred_language(request: HttpRequest) -> str:
    """The saved choice (cookie, then a signed-in person's language), else the browser's."""
    cookie = supported_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))
    if cookie:
        return cookie
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and supported_language(user.language):
        return str(user.language)
    # Django's own reading of Accept-Language (its cookie check finds nothing usable here).
    return get_language_from_request(request)


def remember(request: HttpRequest, response: HttpResponse, language: str) -> None:
    """Keep ``language`` as the reader's choice."""
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        set_language(user=user, language=language)


class PreferredLanguageMiddleware:
    """Sends a reader of another language from an unprefixed page to theirs. After the
    authentication middleware: it reads the user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        prefixed = get_language_from_path(request.path_info)
        if prefixed is None and self._may_redirect(request):
            language = preferred_language(request)
            target = f"/{language}{request.path_info}"
            if language != settings.LANGUAGE_CODE and _resolves(target, language):
                query = request.META.get("QUERY_STRING", "")
                response: HttpResponse = HttpResponseRedirect(
                    f"{request.META.get('SCRIPT_NAME', '')}{target}{'?' + query if query else ''}"
                )
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        if prefixed is None:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    @staticmethod
    def _may_redirect(request: HttpRequest) -> bool:
        """Only a page a person navigates to: not a form's post, an htmx fragment (it asks in
        the language of the page it came from) or a path outside the translated ones."""
        return (
            request.method in ("GET", "HEAD")
            and not request.headers.get("HX-Request")
            and not request.path_info.startswith(UNPREFIXED)
        )


def _resolves(path: str, language: str) -> bool:
    """Whether ``path`` is a page: i18n_patterns match only the active language's prefix."""
    with override(language):
        return bool(is_valid_path(path))


def choose(request: HttpRequest, code: str) -> HttpResponse:
    """The switcher's link: remember ``code`` and go to ``next`` (the same page in it)."""
    language = supported_language(code) or settings.LANGUAGE_CODE
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    remember(request, response, language)
    return response
