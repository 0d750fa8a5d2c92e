#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs one command and measures what it costs the client machine.

    measure.py --result R.json [--stdout F | --timestamps F] [--stderr F]
               [--sshd-pid PID] [--timeout S] [--sample-ms MS] -- CMD ARGS...

Why a wrapper of our own instead of /usr/bin/time:
- The peers start one ssh process per host. This process becomes a child
  subreaper, so every descendant (even one its parent forgets to wait for) is
  reaped here and its CPU lands in RUSAGE_CHILDREN: client CPU is the user+sys
  of the whole process tree.
- Peak memory: GNU time's %M is the largest single process of the tree; a
  100 ms sampler also sums RSS and PSS of the whole tree and counts its open
  descriptors, so 128 ssh processes at once are seen as such.
- sshd CPU: utime+stime+cutime+cstime of the fleet's sshd master before and
  after, once every connection child has been reaped (cutime/cstime only
  include reaped children), plus the cutime+cstime of the subreaper the fleet
  runs under (reaper.py), which reaps the session processes sshd orphans.
- --timestamps: stdout goes through a pipe and each line is stored with the
  time it arrived (the fault-mix scenario needs "when did the last healthy
  host report").
Only the standard library, so it runs wherever python3 does.
"""
import argparse
import ctypes
import json
import os
import resource
import select
import signal
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
TIME = "/usr/bin/time"  # Debian package "time"


def proc_table():
    """pid -> ppid for every process we can see."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                line = f.read()
        except OSError:
            continue
        # "pid (comm) state ppid ..." - comm may hold spaces: split after ')'.
        rest = line[line.rfind(b")") + 2:].split()
        table[int(entry)] = int(rest[1])
    return table


def descendants(root, table):
    children = {}
    for pid, ppid in table.items():
        children.setdefault(ppid, []).append(pid)
    out, queue = [], [root]
    while queue:
        for kid in children.get(queue.pop(), []):
            out.append(kid)
            queue.append(kid)
    return out


def cpu_ticks(pid, children_only=False):
    """utime+stime+cutime+cstime of pid (or only cutime+cstime), in seconds."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        line = f.read()
    rest = line[line.rfind(b")") + 2:].split()
    # Fields after comm start at "state" (field 3): utime is field 14.
    return sum(int(x) for x in rest[13 if children_only else 11:15]) / TICKS


def sshd_cpu(sshd, reaper):
    """CPU of the fleet's sshd: the master and its reaped children, plus the
    session processes the reaper adopted and reaped (see reaper.py)."""
    total = cpu_ticks(sshd)
    if reaper:
        total += cpu_ticks(reaper, children_only=True)
    return total


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


def sample_tree(root):
    """(sum of RSS, sum of PSS in KiB, open fds, processes) over root's
    descendants. PSS splits shared pages (libc, libcrypto) between the
    processes mapping them, so 128 ssh clients are not counted 128 times."""
    rss = pss = fds = 0
    pids = descendants(root, proc_table())
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith(b"Pss:"):
                        pss += int(line.split()[1])
            fds += len(os.listdir(f"/proc/{pid}/fd"))
        except (OSError, ValueError):
            pass
    return rss, pss, fds, len(pids)


def wait_sshd_idle(sshd, reaper, limit_s=15.0):
    """Waits until no sshd process but the master is left (connection
    children of the master, or session processes adopted by the reaper)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        table = proc_table()
        busy = descendants(sshd, table)
        if reaper:
            busy += [p for p in descendants(reaper, table) if p != sshd and comm(p) == "sshd"]
        if not busy:
            return True
        time.sleep(0.05)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--result", required=True)
    ap.add_argument("--stdout")
    ap.add_argument("--timestamps")
    ap.add_argument("--stderr")
    ap.add_argument("--sshd-pid", type=int)
    ap.add_argument("--sshd-reaper", type=int)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--sample-ms", type=float, default=100)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("no command")

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)

    sshd_before = None
    if a.sshd_pid:
        wait_sshd_idle(a.sshd_pid, a.sshd_reaper)
        sshd_before = sshd_cpu(a.sshd_pid, a.sshd_reaper)

    maxrss_file = a.result + ".maxrss"
    read_fd = None
    if a.timestamps:
        read_fd, write_fd = os.pipe()
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()  # its own process group: a timeout can end the whole tree
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            if a.timestamps:
                os.dup2(write_fd, 1)
            else:
                os.dup2(os.open(a.stdout or os.devnull,
                                os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
            os.dup2(os.open(a.stderr or os.devnull,
                            os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
            # Through GNU time: ru_maxrss of a process forked from this Python
            # would start at Python's own 12 MB (the high-water mark survives
            # exec); time's child starts from time's 2 MB.
            os.execvp(TIME, [TIME, "-f", "%M", "-o", maxrss_file, "--"] + cmd)
        finally:
            os._exit(127)
    if read_fd is not None:
        os.close(write_fd)

    stamps = []
    partial = b""
    rss_peak = pss_peak = fds_peak = procs_peak = 0
    rc = None
    wall = None
    timed_out = False
    next_sample = t0
    while rc is None:
        now = time.monotonic()
        if now >= next_sample:
            rss, pss, fds, procs = sample_tree(os.getpid())
            rss_peak, pss_peak = max(rss_peak, rss), max(pss_peak, pss)
            fds_peak = max(fds_peak, fds)
            procs_peak = max(procs_peak, procs)
            next_sample = now + a.sample_ms / 1000
        if now - t0 > a.timeout and not timed_out:
            timed_out = True
            os.killpg(pid, signal.SIGKILL)
        wait = max(0.0, next_sample - time.monotonic())
        if read_fd is not None:
            ready, _, _ = select.select([read_fd], [], [], wait)
            if ready:
                data = os.read(read_fd, 65536)
                t = time.monotonic() - t0
                if not data:
                    os.close(read_fd)
                    read_fd = None
                else:
                    partial += data
                    *lines, partial = partial.split(b"\n")
                    stamps.extend((t, line) for line in lines)
        else:
            time.sleep(min(wait, 0.01))
        # Reap whatever ended; only the main child decides when the tool is done.
        while True:
            try:
                got, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if got == 0:
                break
            if got == pid:
                wall = time.monotonic() - t0
                rc = os.waitstatus_to_exitcode(status)
    # Drain what is left in the pipe.
    while read_fd is not None:
        data = os.read(read_fd, 65536)
        if not data:
            break
        partial += data
    if partial:
        stamps.append((time.monotonic() - t0, partial))
    # Orphans (adopted by us as subreaper) get 5 s to end, then are killed:
    # their CPU counts as the tool's.
    deadline = time.monotonic() + 5
    orphans_killed = 0
    while True:
        left = descendants(os.getpid(), proc_table())
        if not left:
            break
        if time.monotonic() > deadline:
            for p in left:
                try:
                    os.kill(p, signal.SIGKILL)
                    orphans_killed += 1
                except OSError:
                    pass
        try:
            os.waitpid(-1, 0 if time.monotonic() > deadline else os.WNOHANG)
        except ChildProcessError:
            break
        time.sleep(0.01)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)

    try:
        with open(maxrss_file) as f:
            maxrss_kb = int(f.read().split()[-1])
        os.unlink(maxrss_file)
    except (OSError, ValueError, IndexError):
        maxrss_kb = usage.ru_maxrss
    result = {
        "rc": rc,
        "timed_out": timed_out,
        "wall_s": round(wall, 4),
        "user_s": round(usage.ru_utime - usage_before.ru_utime, 4),
        "sys_s": round(usage.ru_stime - usage_before.ru_stime, 4),
        "maxrss_kb": maxrss_kb,
        "tree_rss_peak_kb": rss_peak,
        "tree_pss_peak_kb": pss_peak,
        "fds_peak": fds_peak,
        "procs_peak": procs_peak,
        "orphans_killed": orphans_killed,
    }
    result["cpu_s"] = round(result["user_s"] + result["sys_s"], 4)
    if a.sshd_pid:
        try:
            idle = wait_sshd_idle(a.sshd_pid, a.sshd_reaper)
            result["sshd_cpu_s"] = round(sshd_cpu(a.sshd_pid, a.sshd_reaper) - sshd_before, 3)
            result["sshd_idle"] = idle
        except OSError:  # the sshd went away during the run
            result["sshd_cpu_s"] = None
            result["sshd_idle"] = False
    if a.timestamps:
        with open(a.timestamps, "wb") as f:
            for t, line in stamps:
                f.write(b"%.4f\t" % t + line + b"\n")
    with open(a.result, "w") as f:
        json.dump(result, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
