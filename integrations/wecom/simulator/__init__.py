"""A fake WeCom server for tests, the demo and benchmarks (the only place Flask is allowed here)."""
