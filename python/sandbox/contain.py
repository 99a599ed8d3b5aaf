"""Starts the adapter for one untrusted submission, contained.

    python -m sandbox.contain --submission DIR --workdir TMP [--cpu-seconds 120] [--memory-mb 1024]
        [--processes 64] [--file-mb 64] [--user stockflow-sub]

The submission is copied into `TMP/submission` (the adapter's `load` is then given that path); a single `.py` file
comes with its own folder, copied into `TMP/submission/` (`load` is given `TMP/submission/<file>.py`), since a flat
layout imports its neighbours (`models.py`, `routes/`) by name. Limits, as
`setrlimit`: CPU seconds, address space, processes of the submission's user, size of files it writes. As root,
it also gets a network namespace of its own (no network: `unshare -n`), a mount namespace in which `/work`,
`/root` and `/home` are empty but for Python itself (the harness and the other submissions cannot be read), and runs as the unprivileged
`--user` (created with `useradd` when missing). Its own database is the harness's business: one database per
submission, reached with a role that can connect to nothing else.

Without root the limits still apply; the lines `stockflow-sandbox: ...` on standard error say what could not be
applied. Whatever the submission tries outside its folder is reported by `sandbox/audit.py`.
"""

import argparse
import os
import pwd
import resource
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the python/ folder
HIDDEN = ("/work", "/root", "/home")


def _note(message):
    sys.stderr.write(f"stockflow-sandbox: {message}\n")
    sys.stderr.flush()


def _user(name):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
        return pwd.getpwnam(name)


def _prepare(args):
    """Stage 1: copy the adapter, the venv's packages and the submission under the work folder."""
    os.makedirs(args.workdir, exist_ok=True)
    os.chmod(args.workdir, 0o711)
    ignored = shutil.ignore_patterns("__pycache__", ".git", "node_modules", ".venv", "venv")
    if os.path.isdir(args.submission):
        shutil.copytree(args.submission, os.path.join(args.workdir, "submission"), dirs_exist_ok=True, ignore=ignored)
    else:  # a single file: its own folder comes with it (a flat layout imports its neighbours by name)
        shutil.copytree(os.path.dirname(os.path.abspath(args.submission)), os.path.join(args.workdir, "submission"),
                        dirs_exist_ok=True, ignore=ignored)
    code = os.path.join(args.workdir, "code")
    for package in ("adapter", "sandbox"):
        shutil.copytree(os.path.join(HERE, package), os.path.join(code, package), dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    # The models the case study's own code is given, which a fragment like that code is run with (adapter/fragment.py).
    given = os.path.join(code, "apps", "original")
    os.makedirs(given, exist_ok=True)
    shutil.copy(os.path.join(HERE, "apps", "original", "models.py"), given)
    site = next(p for p in sys.path if p.endswith("site-packages") and os.path.isdir(p))
    shutil.copytree(site, os.path.join(args.workdir, "site-packages"), dirs_exist_ok=True, symlinks=True)


def _limit(args):
    limits = [
        (resource.RLIMIT_CPU, args.cpu_seconds), (resource.RLIMIT_AS, args.memory_mb * 1024 * 1024),
        (resource.RLIMIT_NPROC, args.processes), (resource.RLIMIT_FSIZE, args.file_mb * 1024 * 1024),
        (resource.RLIMIT_CORE, 0),
    ]
    for kind, value in limits:
        resource.setrlimit(kind, (value, value))


def _mount(*arguments):
    subprocess.run(["mount", *arguments], check=True)


def _hide_all_but_python(workdir):
    """Covers the hidden folders with empty tmpfs, then puts Python's own installation back where it was."""
    install = os.path.realpath(sys.base_prefix)
    keep = os.path.join(workdir, "python-install")
    os.makedirs(keep, exist_ok=True)
    _mount("--bind", install, keep)
    for folder in HIDDEN:
        if os.path.isdir(folder) and not workdir.startswith(folder + os.sep):
            _mount("-t", "tmpfs", "-o", "size=1m,mode=755", "tmpfs", folder)
    if any(install.startswith(folder + os.sep) for folder in HIDDEN):
        os.makedirs(install, exist_ok=True)
        _mount("--bind", "-o", "ro", keep, install)


def _incidents(args):
    """Opens the incidents log for appending, before the user is dropped, and returns the descriptor it inherits.

    The log lives in the harness's own folder (`--incidents`), which the submission's user can neither list nor
    open; as root it is also made append-only (`chattr +a`), so that what was written cannot be truncated either.
    """
    path = args.incidents or os.path.join(args.workdir, "incidents.log")
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    os.set_inheritable(descriptor, True)
    if os.geteuid() == 0 and args.incidents:
        if subprocess.run(["chattr", "+a", path], capture_output=True).returncode != 0:
            _note("the incidents log could not be made append-only")
    return descriptor


def _enter(args):
    """Stage 2, inside the new namespaces: hide the harness, drop to the user, apply the limits, exec the adapter."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": args.workdir,
        "PYTHONPATH": os.pathsep.join([os.path.join(args.workdir, "code"), os.path.join(args.workdir, "site-packages")]),
        "PYTHONDONTWRITEBYTECODE": "1",
        "STOCKFLOW_ALLOWED_ROOTS": os.pathsep.join([args.workdir] + args.allow),
    }
    env["STOCKFLOW_INCIDENTS_FD"] = str(_incidents(args))
    python = os.path.realpath(sys.executable)
    if os.geteuid() == 0:
        _hide_all_but_python(args.workdir)
        user = _user(args.user)
        for root, dirs, files in os.walk(args.workdir):
            for name in dirs + files:
                os.lchown(os.path.join(root, name), user.pw_uid, user.pw_gid)
        os.chown(args.workdir, user.pw_uid, user.pw_gid)
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)
        env["HOME"] = args.workdir
    else:
        _note("not root: no separate user, network or mount namespace; limits only")
    _limit(args)
    os.chdir(args.workdir)
    # -S as well as -I: the interpreter's own site-packages (whatever the machine's Python has installed) stay off
    # the path, so a submission imports only the standard library, the pinned requirements and its own files.
    os.execve(python, [python, "-I", "-S", "-c",
                               "import sys; sys.path[:0] = __import__('os').environ['PYTHONPATH'].split(':');"
                               " import runpy; runpy.run_module('sandbox.run_adapter', run_name='__main__')"], env)


def main():
    parser = argparse.ArgumentParser(prog="python -m sandbox.contain")
    parser.add_argument("--submission", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--cpu-seconds", type=int, default=120)
    parser.add_argument("--memory-mb", type=int, default=1024)
    parser.add_argument("--processes", type=int, default=64)
    parser.add_argument("--file-mb", type=int, default=64)
    parser.add_argument("--user", default="stockflow-sub")
    parser.add_argument("--allow", action="append", default=[], help="another folder it may use (the database socket)")
    parser.add_argument("--incidents", help="the incidents log, in a folder of the harness's (default: in the workdir)")
    parser.add_argument("--stage", choices=["prepare", "enter"], default="prepare")
    args = parser.parse_args()
    args.workdir = os.path.abspath(args.workdir)
    if args.incidents:
        args.incidents = os.path.abspath(args.incidents)
    if args.stage == "enter":
        _enter(args)
    _prepare(args)
    forwarded = [a for a in sys.argv[1:] if not a.startswith("--stage")] + ["--stage", "enter"]
    command = [sys.executable, "-m", "sandbox.contain"] + forwarded
    if os.geteuid() == 0:
        command = ["unshare", "--net", "--mount", "--propagation", "private", "--"] + command
    os.chdir(HERE)
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
