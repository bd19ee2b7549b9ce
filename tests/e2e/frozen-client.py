#!/usr/bin/env python3
"""frozen-client.py SIG KEYS CMD...: a client that stops reading (a frozen SSH
session), then a signal to end the program.

Runs CMD on a pseudo-terminal of 80x24 that is its controlling terminal,
waits for the first screen (the key hints "j/k"), types KEYS (Python
escapes: "j\\r" opens the second entry), then stops reading and
makes the terminal 1000x500: the redraw fills the terminal's buffer and
the program blocks writing it.  After 500 ms it sends SIG and measures how
long the program takes to end.  Then it reads what is left and checks
that the terminal's modes (termios) are as they were before the program
started.  (The bytes that leave the alternate screen cannot reach a
client that does not read: the terminal's buffer is full, and a program
that waited to write them would wait for ever.  Whether they arrived is
printed, not required.)

Prints "ended in MS ms, status N", "modes restored" / "modes differ" and
"alternate screen left" / "alternate screen not left"; exits 0 when the
program ended within a second with the modes restored, else 1.
"""
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time


def winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def read_all(fd, timeout):
    got = b""
    while True:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return got
        try:
            b = os.read(fd, 65536)
        except OSError:
            return got
        if not b:
            return got
        got += b


def main():
    sig = getattr(signal, "SIG" + sys.argv[1])
    keys = sys.argv[2].encode().decode("unicode_escape").encode()
    cmd = sys.argv[3:]
    master, slave = os.openpty()
    winsize(slave, 80, 24)
    before = termios.tcgetattr(slave)
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(slave)
        os.execvp(cmd[0], cmd)
    seen, t0 = b"", time.monotonic()
    while b"j/k" not in seen.replace(b"\x1b", b"\n"):
        if time.monotonic() - t0 > 60:
            print("no first screen")
            os.kill(pid, signal.SIGKILL)
            sys.exit(1)
        seen += read_all(master, 0.2)
    read_all(master, 0.3)
    for k in keys:
        os.write(master, bytes([k]))
        read_all(master, 0.2)
    # stop reading; a redraw bigger than the terminal's buffer
    winsize(slave, 1000, 500)
    time.sleep(0.5)
    t0 = time.monotonic()
    os.kill(pid, sig)
    status = None
    while time.monotonic() - t0 < 5:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        time.sleep(0.005)
    ms = int((time.monotonic() - t0) * 1000)
    ok = True
    if status is None:
        print("still running %d ms after SIG%s" % (ms, sys.argv[1]))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        ok = False
    else:
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
        print("ended in %d ms, status %d" % (ms, code))
        if ms >= 1000:
            ok = False
    rest = read_all(master, 0.3)
    if termios.tcgetattr(slave) == before:
        print("modes restored")
    else:
        print("modes differ")
        ok = False
    tail = rest[-200:]
    if b"\x1b[?1049l" in tail or b"\x1b[?47l" in tail:
        print("alternate screen left")
    else:
        print("alternate screen not left")
    sys.exit(0 if ok else 1)


main()
