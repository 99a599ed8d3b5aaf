"""An app that fails at import, after printing to standard output: the adapter must answer `app-load`."""

print("noise from the broken app on stdout")

raise RuntimeError("the broken app refuses to import")
