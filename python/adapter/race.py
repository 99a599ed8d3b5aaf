"""Two requests interleaved on two threads: the first pauses before a chosen statement while the second runs."""

import threading

from . import recording, requesting
from .errors import AdapterError
from .fields import optional, required

WAIT_FOR_SECOND = 2.0
GIVE_UP = 60.0


def _thread(target) -> tuple[threading.Thread, dict]:
    outcome = {}

    def body():
        try:
            outcome["answer"] = target()
        except BaseException as exc:  # an adapter failure on the thread is reported by the main thread
            outcome["error"] = exc

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread, outcome


def _answer(outcome: dict):
    if "error" in outcome:
        raise outcome["error"]
    return outcome["answer"]


def run(loaded, command: dict) -> dict:
    first = requesting.RequestSpec(required(command, "first", dict), where="first.")
    second = requesting.RequestSpec(required(command, "second", dict), where="second.")
    selector = required(command, "pause_before", dict)
    point = recording.parse_point(selector, "pause_before.")
    occurrence = optional(selector, "occurrence", int, default=1, where="pause_before.")
    pause = recording.PausePoint(point, occurrence)

    first_thread, first_outcome = _thread(lambda: requesting.run(loaded, first, pause))
    while not pause.reached.wait(0.005):
        if not first_thread.is_alive():
            break
    if not pause.reached.is_set():
        first_thread.join()
        return {"paused": False, "second_waited": False, "first": _answer(first_outcome), "second": None}

    second_thread, second_outcome = _thread(lambda: requesting.run(loaded, second))
    second_thread.join(WAIT_FOR_SECOND)
    second_waited = second_thread.is_alive()
    pause.resume.set()
    first_thread.join(GIVE_UP)
    second_thread.join(GIVE_UP)
    if first_thread.is_alive() or second_thread.is_alive():
        raise AdapterError("internal", f"the race did not finish within {GIVE_UP:.0f} seconds")
    return {
        "paused": True,
        "second_waited": second_waited,
        "first": _answer(first_outcome),
        "second": _answer(second_outcome),
    }
