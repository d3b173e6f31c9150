"""Runs many skill examples in one Python interpreter (the official SDK is imported once, ~2 s).

Usage: runner.py EXAMPLES_JSON START PROXY_URL TIMEOUT_SECONDS
EXAMPLES_JSON holds [{"id": ..., "parts": [{"file": ..., "line": ..., "code": ...}]}]. Each example
runs in a fresh namespace (its parts one after the other in it: the skill's setup block, then the
example), with TELNYX_BASE_URL pointing at the proxy under the example's own prefix, stdout and
stderr captured, and a SIGALRM timeout. One JSON line per event goes to file descriptor 3, so the
examples' own printing cannot corrupt it. The text of an example is never changed.
"""

import contextlib
import inspect
import io
import json
import os
import re
import signal
import socket
import sys
import time
import traceback

events = os.fdopen(3, "w", buffering=1)


def emit(**fields):
    events.write(json.dumps(fields) + "\n")


class ExampleTimeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise ExampleTimeout()


def where(error, files):
    """The innermost frame that lies in the example itself ("file:line"), if any."""
    found = ""
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename in files:
            found = f"{frame.filename}:{frame.lineno}"
    return found


def signature_of(error):
    """For a TypeError about an SDK method's arguments: the parameters that method takes."""
    match = re.search(r"(\w+)\.(\w+)\(\)", str(error))
    if not isinstance(error, TypeError) or not match:
        return None
    owner, method = match.groups()
    for name, module in list(sys.modules.items()):
        cls = getattr(module, owner, None) if name.startswith("telnyx.") else None
        function = getattr(cls, method, None) if isinstance(cls, type) else None
        if function is None:
            continue
        try:
            parameters = inspect.signature(function).parameters.values()
        except (TypeError, ValueError):
            return None
        return [
            {"name": p.name, "required": p.default is inspect.Parameter.empty, "positional": p.kind is p.POSITIONAL_OR_KEYWORD}
            for p in parameters
            if p.name != "self" and not p.name.startswith("extra_") and p.name != "timeout"
        ]
    return None


def describe(error, files):
    found = {
        "type": f"{type(error).__module__}.{type(error).__qualname__}",
        "message": " ".join(str(error).split())[:600],
        "at": where(error, files),
    }
    cause = error.__cause__ or error.__context__
    if cause is not None:
        found["cause"] = f"{type(cause).__qualname__}: {' '.join(str(cause).split())[:300]}"
    accepts = signature_of(error)
    if accepts is not None:
        found["accepts"] = accepts
    return found


def no_delay():
    """Requests leave at once (TCP_NODELAY), as curl and Node send them: httpcore writes a request's
    headers and body separately, and with Nagle's algorithm the body then waits for the proxy's
    delayed ACK, ~40 ms per request with a body. Transport timing only: the bytes are the same."""
    create_connection = socket.create_connection

    def connect(*args, **kwargs):
        sock = create_connection(*args, **kwargs)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    socket.create_connection = connect


def main():
    no_delay()
    examples = json.load(open(sys.argv[1]))
    start = int(sys.argv[2])
    proxy = sys.argv[3]
    timeout = float(sys.argv[4])
    started = time.monotonic()
    import telnyx  # noqa: F401  (imported once, outside the examples' clocks)

    emit(event="ready", import_ms=round((time.monotonic() - started) * 1000))
    signal.signal(signal.SIGALRM, on_alarm)
    for index in range(start, len(examples)):
        example = examples[index]
        emit(event="start", index=index)
        os.environ["TELNYX_BASE_URL"] = f"{proxy}/__ex/{example['id']}"
        namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        output = io.StringIO()
        files = {part["file"] for part in example["parts"]}
        error = None
        began = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                for part in example["parts"]:
                    # Leading newlines keep the example's line numbers equal to the markdown's.
                    code = "\n" * (part["line"]) + part["code"]
                    exec(compile(code, part["file"], "exec"), namespace)
        except ExampleTimeout:
            error = {"type": "Timeout", "message": f"still running after {timeout:g} s"}
        except BaseException as e:  # noqa: BLE001 (SystemExit and KeyboardInterrupt included)
            error = describe(e, files)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        emit(
            event="done",
            index=index,
            ok=error is None,
            error=error,
            ms=round((time.monotonic() - began) * 1000),
            output=output.getvalue()[-400:],
        )


main()
