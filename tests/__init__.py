"""Tests of the press-briefing archive: each builds a small site and reads it as a reader does."""
