"""The adapter's entry point inside the sandbox: the audit hook first, then `python -m adapter`."""

import runpy

from sandbox import audit  # noqa: F401  (installs the hook)

runpy.run_module("adapter", run_name="__main__", alter_sys=True)
