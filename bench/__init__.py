"""The load benchmark (`bench/run`, see bench/README.md) and the scripts it uses."""
