"""Benchmarks for aieng: `python -m bench` (or `make bench`) prints one table. See bench/README.md."""
