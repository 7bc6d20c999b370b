"""Rendering: Markdown to safe HTML, the site's pages as data, and Jinja2 templates."""
