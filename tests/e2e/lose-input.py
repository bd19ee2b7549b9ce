#!/usr/bin/env python3
"""lose-input.py DELAY MSFILE CMD...: runs CMD with standard input on a
private pseudo-terminal and closes the other side after DELAY seconds, so
the terminal the program reads its keys from is lost (reads fail) without
a SIGHUP: it is not the program's controlling terminal.  Standard output
stays where it was (the tmux pane), so faq still runs as a browser.

Writes to MSFILE how many milliseconds the program took to end after the
loss, and exits with its status (128 + signal when a signal killed it), or
with 3 when it was still running 5 s after the loss (it is then killed).
"""
import os
import pty
import sys
import time


def main():
    delay, msfile, cmd = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
    master, slave = pty.openpty()
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.dup2(slave, 0)
        os.close(slave)
        os.execvp(cmd[0], cmd)
    os.close(slave)
    time.sleep(delay)
    os.close(master)
    lost = time.monotonic()
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - lost > 5:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            with open(msfile, "w") as f:
                f.write("still running after 5000 ms\n")
            sys.exit(3)
        time.sleep(0.01)
    with open(msfile, "w") as f:
        f.write("%d\n" % int((time.monotonic() - lost) * 1000))
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


main()
