"""Command-line helpers for developers: the browser finder, the local server, the benchmark."""
