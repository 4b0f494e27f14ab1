"""``saywho serve``: a read-only web UI and JSON API over a saywho store.

Needs the ``web`` extra (Starlette, Jinja2, uvicorn); ``saywho.web.app`` imports them.
"""
