"""The comment server (a small WSGI intake on SQLite) and the editors' moderation steps."""
