"""Errors as their asker reads them: an HTML page for a browser's routes, JSON under /api/.

A person who follows a stale link to /stories/nope gets a page with a way back, not
``{"detail": "Not Found"}``; a script calling the API still gets ``{"detail": …}``.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment
from starlette.exceptions import HTTPException

JSON_PREFIXES = ("/api/",)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(JSON_PREFIXES)


def _validation_message(exc: RequestValidationError) -> str:
    """ "page: Input should be less than or equal to 1000000" for each bad parameter."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "The request is not valid."


def install(app: FastAPI, env: Environment) -> None:
    """Route HTTP and validation errors to an HTML page or JSON, by where they happened."""

    def page(request: Request, status: int, message: str) -> Response:
        html = env.get_template("error.html").render(
            status=status, title=HTTPStatus(status).phrase, message=message
        )
        headers = {"allow": "GET, HEAD"} if status == 405 else None
        return HTMLResponse(html, status_code=status, headers=headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if wants_json(request):
            return await http_exception_handler(request, exc)
        message = str(exc.detail)
        if exc.status_code == 404 and message == HTTPStatus(404).phrase:
            message = "There is no page at this address."
        return page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            return await request_validation_exception_handler(request, exc)
        return page(request, 422, _validation_message(exc))
