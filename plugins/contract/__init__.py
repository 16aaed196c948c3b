"""What the archive's plugins share: checked settings, the site's address, CSP and versions."""
