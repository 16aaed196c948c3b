"""The comment server (Isso behind the archive's rules) and the editors' moderation steps."""
