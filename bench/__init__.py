"""Benchmarks of the archive's build steps, run with `python3 dev.py bench`."""
