"""The editor-facing operations of the archive, as plain Python called by tasks.py."""
