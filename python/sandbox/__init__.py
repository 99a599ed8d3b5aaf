"""Running one untrusted submission's adapter contained: see `contain.py`."""
