#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs CMD (the fleet: `volley-cli fleet up ...`) below a child subreaper.

    reaper.py CMD ARGS...

Why: OpenSSH's per-connection monitor does not always wait for the
post-authentication process that encrypts the session and runs the command;
that process is then orphaned, and its CPU never reaches the sshd master's
cutime/cstime. As a subreaper this process adopts such orphans and reaps them,
so "CPU of sshd" = the master's utime+stime+cutime+cstime plus this process's
cutime+cstime (measure.py --sshd-reaper reads both). CMD itself never ends
during a benchmark, so this process's cutime only grows by adopted orphans.
SIGTERM and SIGINT are passed on to CMD; the exit status is CMD's.
"""
import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def main():
    if len(sys.argv) < 2:
        print("usage: reaper.py CMD ARGS...", file=sys.stderr)
        return 2
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("reaper.py: prctl(PR_SET_CHILD_SUBREAPER) failed", file=sys.stderr)
        return 1
    # If run.sh is killed outright, this process and the fleet still go.
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    pid = os.fork()
    if pid == 0:
        try:
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
            os.execvp(sys.argv[1], sys.argv[1:])
        finally:
            os._exit(127)

    def forward(sig, _frame):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    while True:
        try:
            got, status = os.wait()
        except ChildProcessError:
            return 0
        if got == pid:
            return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
