"""The harness's clock for apps that read the real one.

Sales and timestamps are seeded relative to the harness's moment (`load`'s `now`), while answers as handed in read
`datetime.utcnow()`, `datetime.now()` or `date.today()`: a month after that moment, every seeded sale looks old to
them. Before the app is imported, `datetime.datetime` and `datetime.date` are replaced by subclasses whose
`now`, `utcnow` and `today` answer the harness's moment (everything else, `isinstance` included, is the real
class's), so `from datetime import datetime` in the app gets them.
"""

import datetime as _module

_REAL_DATETIME = _module.datetime
_REAL_DATE = _module.date
_moment: list = [None]  # the harness's moment, an aware UTC datetime; None: the real clock


class _Instances(type):
    def __instancecheck__(cls, instance):
        return isinstance(instance, cls.__mro__[1])

    def __subclasscheck__(cls, subclass):
        return issubclass(subclass, cls.__mro__[1])


class HarnessDatetime(_REAL_DATETIME, metaclass=_Instances):
    @classmethod
    def now(cls, tz=None):
        moment = _moment[0]
        if moment is None:
            return _REAL_DATETIME.now(tz)
        return moment.astimezone(tz) if tz is not None else moment.astimezone().replace(tzinfo=None)

    @classmethod
    def utcnow(cls):
        moment = _moment[0]
        return _REAL_DATETIME.utcnow() if moment is None else moment.replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.now()


class HarnessDate(_REAL_DATE, metaclass=_Instances):
    @classmethod
    def today(cls):
        moment = _moment[0]
        return _REAL_DATE.today() if moment is None else moment.astimezone().date()


def set_moment(now: str | None):
    """Makes the app's clock read `now` (ISO 8601 with a time zone), or the real clock for `None`."""
    _moment[0] = None if now is None else _REAL_DATETIME.fromisoformat(now.replace("Z", "+00:00")).astimezone(
        _module.timezone.utc)
    _module.datetime = HarnessDatetime
    _module.date = HarnessDate
