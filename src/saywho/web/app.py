"""The ``saywho serve`` ASGI app: Starlette routes, Jinja2 templates, a JSON twin for each page.

Each page ``/x`` has ``/x.json`` with the same parameters (documented in docs/api.md). The app
only reads: the store is opened read-only, and any method but GET and HEAD is refused.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import date as Date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import anyio.to_thread
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from saywho import __version__
from saywho.errors import StoreError
from saywho.web.queries import KINDS, SORTS, BadQuery, SearchParams, Store, highlight

HERE = Path(__file__).parent
SAFE_METHODS = {"GET", "HEAD"}
MAX_ROWID = 2**63 - 1
THREADS = 4
# No inline script or style anywhere, so a policy this strict costs nothing and would stop
# an injected <script> even if escaping ever failed.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class ReadOnlyGuard:
    """Refuses every method but GET/HEAD before routing, and adds the security headers."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in SAFE_METHODS:
            response = PlainTextResponse("saywho serve is read-only: only GET and HEAD\n", 405,
                                         headers={"allow": "GET, HEAD", **SECURITY_HEADERS})
            await response(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                               if k.encode() not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become clickable: a ``javascript:`` URL stays plain text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def week_bars(weeks: list[dict], width: int = 600, height: int = 80) -> dict:
    """Bar geometry for the quotes-per-week chart on a true time axis (quiet weeks stay empty)."""
    dated = []
    for week in weeks:
        try:
            dated.append((Date.fromisoformat(week["week"]), week["quotes"]))
        except (TypeError, ValueError):
            continue
    if not dated:
        return {"bars": [], "width": width, "height": height, "max": 0}
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).days // 7 + 1
    step = width / span
    bar = min(24.0, max(1.0, step - 1))
    top = max(n for _, n in dated)
    bars = []
    for monday, count in dated:
        h = max(2.0, (height - 8) * count / top)
        x = (monday - first).days // 7 * step + (step - bar) / 2
        bars.append({"x": round(x, 2), "y": round(height - h, 2), "w": round(bar, 2), "h": round(h, 2),
                     "week": monday.isoformat(), "quotes": count})
    return {"bars": bars, "width": width, "height": height, "max": top, "weeks": span,
            "first": first.isoformat(), "last": last.isoformat()}


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
HOSTS_ENV = "SAYWHO_SERVE_HOSTS"


def allowed_hosts(bind: str) -> list[str]:
    """Host headers the server answers: on loopback only loopback names, so that a web page
    cannot reach the store through DNS rebinding; bound elsewhere, any name."""
    return list(LOOPBACK_NAMES) if bind in LOOPBACK_NAMES else ["*"]


def create_app(db_path: str | Path, *, hosts: list[str] | None = None) -> Starlette:
    store = Store(db_path)
    # Loaded before serving, so no visitor waits for it.
    store.columns()
    # Templates ship with the package, so compiled once and never checked for edits.
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.globals.update(version=__version__, kinds=KINDS, sorts=list(SORTS), urlencode=urlencode,
                       safe_url=safe_url, plural=plural, store_name=Path(db_path).name)

    def page(request: Request, template: str, context: dict, status: int = 200) -> Response:
        html = env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status)

    def fail(request: Request, status: int, message: str) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "status": status}, status)
        return page(request, "error.html", {"message": message, "status": status}, status)

    def home(request: Request) -> Response:
        data = store.home()
        if request.url.path.endswith(".json"):
            return JSONResponse(data)
        return page(request, "home.html", data)

    def search(request: Request) -> Response:
        try:
            params = SearchParams.from_query(request.query_params)
        except BadQuery as err:
            return fail(request, 400, str(err))
        data = store.search(params)
        if request.url.path.endswith(".json"):
            response = JSONResponse(data)
        else:
            response = page(request, "search.html", {**data, "p": params, "publishers": store.publishers()})
        # Says whether the ordered matches came from the cache, so a load test can report its hit rate.
        response.headers["x-saywho-cache"] = "hit" if store.last_search_cached() else "miss"
        return response

    def speaker(request: Request) -> Response:
        data = store.speaker(request.path_params["id"]) if request.path_params["id"] <= MAX_ROWID else None
        if data is None:
            return fail(request, 404, f"no speaker {request.path_params['id']} in this store")
        if request.url.path.endswith(".json"):
            return JSONResponse(data)
        return page(request, "speaker.html", {**data, "chart": week_bars(data["weeks"])})

    def article(request: Request) -> Response:
        data = store.article(request.path_params["id"]) if request.path_params["id"] <= MAX_ROWID else None
        if data is None:
            return fail(request, 404, f"no article {request.path_params['id']} in this store")
        if request.url.path.endswith(".json"):
            return JSONResponse(data)
        segments = highlight(data["article"]["text"], data["quotes"])
        return page(request, "article.html", {**data, "segments": segments})

    async def not_found(request: Request, exc) -> Response:
        return fail(request, getattr(exc, "status_code", 404), getattr(exc, "detail", None) or "not found")

    async def unreadable(request: Request, exc: Exception) -> Response:
        return fail(request, 503, f"the store could not be read just now ({exc}); try again")

    methods = ["GET", "HEAD"]
    routes = [
        Route("/", home, methods=methods),
        Route("/index.json", home, methods=methods),
        Route("/search", search, methods=methods),
        Route("/search.json", search, methods=methods),
        Route("/speaker/{id:int}", speaker, methods=methods),
        Route("/speaker/{id:int}.json", speaker, methods=methods),
        Route("/article/{id:int}", article, methods=methods),
        Route("/article/{id:int}.json", article, methods=methods),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        # A few threads keep the cores busy (SQLite and numpy release the GIL); dozens would
        # spend the CPU handing the GIL to each other under many concurrent clients.
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts or ["*"]), Middleware(ReadOnlyGuard)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     exception_handlers={404: not_found, 405: not_found, sqlite3.Error: unreadable,
                                         StoreError: unreadable})


def app_from_env() -> Starlette:
    """The app for one of `saywho serve --workers N`'s processes; the CLI names the store."""
    return create_app(os.environ["SAYWHO_SERVE_DB"], hosts=os.environ.get(HOSTS_ENV, "*").split(","))
