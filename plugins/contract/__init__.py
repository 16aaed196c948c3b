"""What the archive's plugins share: settings with defaults and checks, and their order."""
