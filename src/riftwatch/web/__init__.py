"""The web dashboard: an HTML page, CSS and JavaScript modules, served by the API's own app.

The page reads only through the REST routes (same-origin fetches), so it shows what any API
client would get. There is no build step and no CDN: every asset is a file under `static/`,
shipped in the package, and the dashboard works offline. Article text reaches the page as
text nodes only (static/js/dom.js); the Content-Security-Policy below is a second fence.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI, Response
from fastapi.staticfiles import StaticFiles

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard at / and its assets under /static on `app`."""
    page = files(__package__).joinpath("static", "index.html").read_bytes()
    headers = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"}

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> Response:
        return Response(page, media_type="text/html; charset=utf-8", headers=headers)

    app.mount("/static", StaticFiles(packages=[(__package__, "static")]), name="static")
