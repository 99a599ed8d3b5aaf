"""An audit hook that reports what a submission tries outside its own folder, before the OS refuses it.

Loaded first in the contained adapter (`python -m sandbox.run_adapter`): every attempt to open a file outside the
allowed roots, to connect a socket anywhere but PostgreSQL's local socket, or to start a process is written once to
standard error as `stockflow-incident: {"event": ..., "detail": ...}`; the harness puts those lines in the grade.
Nothing is blocked here: the limits, the user and the namespaces do that.
"""

import json
import os
import sys


_seen = set()
_MAX = 50
_allowed = tuple(
    os.path.realpath(p) for p in os.environ.get("STOCKFLOW_ALLOWED_ROOTS", "").split(os.pathsep) if p
) + tuple(os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, "/dev", "/proc/self"))


_log = int(os.environ.get("STOCKFLOW_INCIDENTS_FD", "-1"))


def report(event, detail):
    """Writes one incident (once) to standard error and, when `STOCKFLOW_INCIDENTS_FD` names an open descriptor (the
    log `sandbox.contain` opened, in the harness's folder), to that log."""
    key = (event, detail)
    if key in _seen or len(_seen) >= _MAX:
        return
    _seen.add(key)
    line = "stockflow-incident: " + json.dumps({"event": event, "detail": detail}) + "\n"
    sys.stderr.write(line)
    sys.stderr.flush()
    if _log >= 0:
        try:
            os.write(_log, line.encode())
        except OSError:
            pass


def _inside(path):
    try:
        real = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return True
    return any(real == root or real.startswith(root + os.sep) for root in _allowed)


def _hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        if not _inside(args[0]):
            report("open", os.path.realpath(os.fsdecode(args[0])))
    elif event == "socket.connect" and len(args) > 1:
        address = args[1]
        if not (isinstance(address, (str, bytes)) and _inside(address)):
            report("network", repr(address))
    elif event in ("os.fork", "os.forkpty"):
        report("process", event)
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"):
        report("process", f"{event} {args[0]!r}"[:200] if args else event)


sys.addaudithook(_hook)
