"""Reading a command's fields, refusing a missing or mistyped one by name."""

from .errors import protocol_error

_MISSING = object()

_TYPE_NAMES = {str: "a string", int: "an integer", bool: "a boolean", dict: "an object", list: "an array"}


def _describe(types) -> str:
    return " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)


def _is(value, types) -> bool:
    for t in types:
        if t is int and isinstance(value, bool):
            continue
        if isinstance(value, t):
            return True
    return False


def required(command: dict, name: str, *types, where: str = ""):
    value = command.get(name, _MISSING)
    label = f"{where}{name}"
    if value is _MISSING:
        raise protocol_error(f"missing field `{label}`")
    if types and not _is(value, types):
        raise protocol_error(f"field `{label}` must be {_describe(types)}")
    return value


def optional(command: dict, name: str, *types, default=None, where: str = ""):
    value = command.get(name, _MISSING)
    if value is _MISSING or value is None:
        return default
    if types and not _is(value, types):
        raise protocol_error(f"field `{where}{name}` must be {_describe(types)} or null")
    return value
