"""FastAPI app: the pages (``pages.py``) and the JSON API (``api.py``) over one store.

Pages render from stored briefs (no analysis on a request). Jinja2 escapes everything; no
template marks article text safe. Swagger UI at /docs is served from the
``swagger_ui_bundle`` wheel: nothing is fetched from elsewhere.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

from newsweave.store.db import Store
from newsweave.web import errors
from newsweave.web.api import api_routes
from newsweave.web.feeds import feed_routes
from newsweave.web.pages import STORY_CACHE, page_routes
from newsweave.web.security import SecurityHeaders
from newsweave.web.templating import HERE, templates

__all__ = ["HERE", "create_app", "serve", "templates"]


def create_app(store: Store, *, story_cache: int = STORY_CACHE) -> FastAPI:
    """The web app over ``store``."""
    app = FastAPI(
        title="newsweave",
        summary="Stories, their cross-checked briefs and articles, as JSON.",
        description="The brief's fields are explained in docs/contract.md; "
        'errors are `{"detail": …}`.',
        docs_url=None,  # /docs is ours (pages.py): Swagger UI from local files
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    env = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.include_router(api_routes(store))
    app.include_router(page_routes(store, env, story_cache))
    app.include_router(feed_routes(store, env))  # Atom feeds of changes, article versions
    errors.install(app, env)
    app.add_middleware(SecurityHeaders)
    return app


def serve(store: Store, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store), host=host, port=port, log_level="warning", workers=1)
