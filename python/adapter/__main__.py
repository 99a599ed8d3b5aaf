"""`python -m adapter`: serve the protocol on standard input and output.

Standard output is taken over before anything else is imported: the protocol keeps a private duplicate of file
descriptor 1, and descriptor 1 (and `sys.stdout`) then point at standard error, so whatever the app or a library
prints, from Python or from C, lands on standard error.
"""

import os
import sys


def main() -> int:
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    protocol_out = os.fdopen(protocol_fd, "w", encoding="utf-8", buffering=1)

    from .server import serve

    return serve(sys.stdin, protocol_out)


if __name__ == "__main__":
    sys.exit(main())
