"""Server-rendered pages (Jinja2) and the static ES module of the web components."""
