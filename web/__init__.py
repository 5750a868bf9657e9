"""The website widget (web/src, built to web/dist/widget.js) and its server-side helpers."""
