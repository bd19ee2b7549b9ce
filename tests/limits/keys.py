#!/usr/bin/env python3
"""keys.py MEMFILE COLSxROWS KEYS CMD...: runs CMD (faq) under /usr/bin/time
on a pseudo-terminal of that size, as the program's controlling terminal,
waits for its first screen (the key hints "j/k" drawn, then quiet), then
sends the keys one at a time and measures how long each takes to be
answered: from writing the key to the last byte the program writes for
it (the screen is whole then; the next key is sent once the program has
been quiet for QUIET seconds).  A key the program writes nothing for
within NOCHANGE seconds is reported as "-" (it changed nothing).

KEYS is space-separated names: Enter, NPage, PPage, End, Home, BSpace,
Escape, Up, Down, "resize:COLSxROWS" (the terminal's size changes; the
kernel sends SIGWINCH), or literal characters.

Prints one line a key, "NAME MS CPUMS" (or "NAME - CPUMS"): the time to
the answer, and the processor time the program (all its threads) used
for the key, read from /proc/PID/task/*/schedstat; on a loaded machine
the first is mostly waiting for a processor, the second is what the
program itself costs.  Then "peak_kb KB" (the peak resident memory
/usr/bin/time wrote to MEMFILE).  Exits 3 when the first screen did not
come within 120 s.

Why not tmux: polling tmux capture-pane costs a process start a poll,
about 240 ms a key on a loaded machine, which hid any key under it.
"""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

QUIET = 0.15
NOCHANGE = 1.5

SEQ = {
    "Enter": b"\r",
    "NPage": b"\x1b[6~",
    "PPage": b"\x1b[5~",
    "End": b"\x1bOF",
    "Home": b"\x1bOH",
    "BSpace": b"\x7f",
    "Escape": b"\x1b",
    "Up": b"\x1bOA",
    "Down": b"\x1bOB",
}


def winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def read_some(fd, timeout):
    """Bytes available within timeout, b"" when none, None at EOF."""
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return b""
    try:
        b = os.read(fd, 65536)
    except OSError:
        return None
    return b if b else None


def drain(fd, first_wait):
    """Reads until QUIET seconds without output; returns (time of the
    last byte or None, bytes)."""
    last, got = None, b""
    wait = first_wait
    while True:
        b = read_some(fd, wait)
        if b is None or b == b"":
            return last, got
        last = time.monotonic()
        got += b
        wait = QUIET


def child_of(pid):
    """The pid of pid's first child (faq under /usr/bin/time), or pid."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            kids = f.read().split()
        return int(kids[0]) if kids else pid
    except (OSError, ValueError):
        return pid


def cpu_ns(pid):
    """Processor time of all of pid's threads, in ns."""
    total = 0
    try:
        for t in os.listdir("/proc/%d/task" % pid):
            try:
                with open("/proc/%d/task/%s/schedstat" % (pid, t)) as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        pass
    return total


def main():
    memfile, size, keys, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    cols, rows = (int(x) for x in size.split("x"))
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", memfile] + cmd)
    winsize(fd, cols, rows)
    # the first screen: the key hints on the status row
    start, seen = time.monotonic(), b""
    while b"j/k" not in re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen):
        if time.monotonic() - start > 120:
            print("no first screen within 120 s")
            sys.exit(3)
        b = read_some(fd, 1)
        if b is None:
            print("ended before its first screen")
            sys.exit(3)
        seen += b
    drain(fd, QUIET)
    faq = child_of(pid)
    for k in keys.split():
        c0 = cpu_ns(faq)
        if k.startswith("resize:"):
            c, r = (int(x) for x in k[7:].split("x"))
            t0 = time.monotonic()
            winsize(fd, c, r)
        else:
            t0 = time.monotonic()
            os.write(fd, SEQ.get(k, k.encode()))
        last, _ = drain(fd, NOCHANGE)
        cpu = (cpu_ns(faq) - c0) // 1000000
        if last is None:
            print("%s - %d" % (k, cpu))
        else:
            print("%s %d %d" % (k, int((last - t0) * 1000), cpu))
        sys.stdout.flush()
    os.write(fd, b"q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        read_some(fd, 0.1)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    try:
        with open(memfile) as f:
            peak = f.read().split()[-1]
    except (OSError, IndexError):
        peak = "0"
    print("peak_kb %s" % peak)


main()
