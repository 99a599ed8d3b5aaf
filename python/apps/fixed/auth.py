"""The caller: the user an authenticating proxy names in `X-User-Id`, looked up in `users`."""

from .models import User, db

USER_HEADER = "X-User-Id"


def current_user(request) -> User | None:
    """The authenticated user, or `None` without the header, with a malformed one, or for an unknown user."""
    header = request.headers.get(USER_HEADER)
    if header is None or not header.isascii() or not header.isdigit() or len(header) > 10:
        return None
    return db.session.get(User, int(header))
