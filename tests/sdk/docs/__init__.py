"""Tests of the documentation: its examples run, and the built site works in a browser."""
