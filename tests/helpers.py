"""Small builders shared by the tests."""


def page(*lines: str) -> str:
    """A page as a scraper saves it: one element a line."""
    return "\n".join(lines) + "\n"


def double_or_die(x: int, poison: int) -> int:
    """For the executor's tests: the worker that gets ``poison`` is killed."""
    import os
    import signal

    if x == poison:
        os.kill(os.getpid(), signal.SIGKILL)
    return 2 * x


def slow_square_and_pid(x: int) -> tuple[int, int]:
    """For the executor's tests: a task that takes a while, and where it ran."""
    import os
    import time

    time.sleep(0.02)
    return x * x, os.getpid()
