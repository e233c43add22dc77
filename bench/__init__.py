"""Benchmarks of the generator and the generated SDK against the peers (see bench/README.md)."""
