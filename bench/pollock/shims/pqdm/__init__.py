"""Stand-in for the PyPI package `pqdm` (not in Debian): see processes.py."""
