"""The entity glossary: loading, matching, annotating and suggesting entries."""
