"""The instructor dashboard: a server-rendered web adapter (Starlette, Jinja2, htmx, Chart.js)."""
