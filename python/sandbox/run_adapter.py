"""The adapter's entry point inside the sandbox: the audit hook first, then `python -m adapter`."""

import resource
import runpy

from flask import got_request_exception

from sandbox import audit


def _limit_hit(sender, exception, **extra):
    if isinstance(exception, MemoryError):
        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        audit.report("memory", f"ran out of memory (limit {limit // (1024 * 1024)} MB) in a request")
    elif isinstance(exception, RecursionError):
        audit.report("recursion", "exceeded Python's recursion limit in a request")


got_request_exception.connect(_limit_hit, weak=False)
runpy.run_module("adapter", run_name="__main__", alter_sys=True)
