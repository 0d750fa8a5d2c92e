#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark matrix: Volley against pdsh, parallel-ssh, clush and
`ansible -m raw` on one fleet, and the reports.

Called by run.sh inside its private network namespace, with the fleet up
(`--fleet fleet.json`); run.sh also calls it with --max-hosts (how big a fleet
the chosen scenarios need) and --list. Only the standard library.

Method (see ../shared/notes/peers.md): every tool gets the same hosts, key,
known_hosts and ssh_config; runs alternate the tools' order (run k starts with
the k-th tool); each run goes through measure.py, which records wall time,
client CPU of the whole process tree, peak memory and fds, and the CPU the
fleet's sshd spent; every run's output is checked for N correct results.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = ["volley", "pdsh", "pssh", "clush", "ansible"]
PEERS = TOOLS[1:]

# Remote commands of the scenarios. Output is checked against `expect`
# (None: no output; each tool's exit status and per-host report decide).
COMMANDS = {
    "true": "true",
    "uname": "uname -a",
    # Issue 7's command, plus a newline: without it pdsh and pssh glue one
    # host's output to the next host's header and no tool's result can be checked.
    "26k": "head -c 26000 /dev/zero | tr '\\0' x; echo",
    "ok": "echo ok",
}

CONNECT_TIMEOUT = 10  # seconds, for every tool (the peers' usual default)

# ---------------------------------------------------------------- scenarios


class Case:
    """One row group of the results: a scenario in one setting, N, fanout."""

    def __init__(self, scenario, setting, n, fanout, command, runs, tools, variant="", note=""):
        self.scenario = scenario
        self.setting = setting  # "installed" or "pinned" (KexAlgorithms curve25519-sha256)
        self.n = n
        self.fanout = fanout
        self.command = command
        self.runs = runs  # tool -> number of runs
        self.tools = tools
        self.variant = variant
        self.note = note

    @property
    def key(self):
        return (self.scenario, self.variant, self.setting, self.n, self.fanout)

    def label(self):
        v = f" {self.variant}" if self.variant else ""
        return f"{self.scenario}{v} {self.setting} N={self.n} f={self.fanout} `{self.command}`"


SCENARIOS = {
    "goal100": "100 hosts, fanout 32, `true`, as installed and pinned (goals 1-3; issue 3)",
    "scale": "`true`, pinned, fanout 128, N = 10, 100, 500, 1000 (goals 4 and 7, the plot)",
    "fanout": "`true`, pinned, 500 hosts at fanout 32 (against 128 in scale)",
    "uname": "`uname -a` on 100 hosts, fanout 32, pinned; Volley --gather and clush -b",
    "26k": "26 KB of output per host, 100 hosts, fanout 32, pinned",
    "stream": "100 MB from one host: OpenSSH ssh against Volley (text and --outdir)",
    "faults": "100 hosts: 85 healthy, 10 refused, 5 hung; against the 85 alone (goal 6)",
}
DEFAULT_SCENARIOS = list(SCENARIOS)


def build_cases(scenarios, tools, runs, quick, ansible_big=False):
    """The matrix. Peers cost 10-110 ms of client CPU per host where Volley
    costs about 1.5: big N get one run per peer so the default run stays under
    15 minutes on 2 cores; Volley always gets `runs`. Ansible takes about 60 s
    for 500 hosts and 125 s for 1,000 on 2 cores: it joins N >= 500 only with
    --ansible-big."""
    def counts(peer_runs, volley_runs=runs, who=tools):
        return {t: (volley_runs if t == "volley" else peer_runs) for t in who}

    big_tools = [t for t in tools if t != "ansible" or ansible_big]

    cases = []
    if quick:
        scenarios = ["goal100"]
    for s in scenarios:
        if s == "goal100":
            for setting in ("installed", "pinned"):
                cases.append(Case(s, setting, 100, 32, "true", counts(runs), tools))
        elif s == "scale":
            for n in (10, 100, 500, 1000):
                who = tools if n <= 100 else big_tools
                cases.append(Case(s, "pinned", n, 128, "true",
                                  counts(runs if n <= 100 else 1, who=who), who))
        elif s == "fanout":
            cases.append(Case(s, "pinned", 500, 32, "true", counts(1, who=big_tools), big_tools))
        elif s == "uname":
            cases.append(Case(s, "pinned", 100, 32, "uname", counts(runs), tools,
                              note="Volley -b and clush -b group identical output"))
        elif s == "26k":
            cases.append(Case(s, "pinned", 100, 32, "26k", counts(runs), tools))
        elif s == "stream":
            who = ["ssh", "volley", "volley-outdir"]
            cases.append(Case(s, "pinned", 1, 1, "stream", {t: runs for t in who}, who))
        elif s == "faults":
            cases.append(Case(s, "pinned", 85, 32, "ok", counts(min(runs, 2)), tools,
                              variant="healthy-only"))
            cases.append(Case(s, "pinned", 100, 32, "ok", counts(1), tools, variant="faults",
                              note="10 refused + 5 hung among 100"))
    return cases


# ---------------------------------------------------------------- setup


class Env:
    def __init__(self, a):
        self.a = a
        with open(a.fleet) as f:
            self.fleet = json.load(f)
        self.work = a.work
        self.cli = a.cli
        self.port = self.fleet["port"]
        self.user = self.fleet["user"]
        self.key = self.fleet["identity_file"]
        self.kh = self.fleet["known_hosts"]
        self.hosts = self.fleet["hosts"]
        self.stream_file = os.path.join(self.work, "stream.dat")
        self.cfg = {s: self.write_ssh_config(s) for s in ("installed", "pinned")}
        self.uname = subprocess.run(["uname", "-a"], capture_output=True,
                                    text=True).stdout.strip()
        os.makedirs(os.path.join(self.work, "ansible-tmp"), exist_ok=True)

    def write_ssh_config(self, setting):
        """One ssh_config for the OpenSSH-based tools (peers.md). The fault
        ranges come first: in ssh_config the first value found wins."""
        lines = [
            "# Faults: nothing listens on the refused port; the hung port accepts and never speaks.",
            "Host 127.0.200.*",
            f"    Port {self.a.refused_port}",
            "Host 127.0.201.*",
            f"    Port {self.a.hung_port}",
            "Host *",
            f"    Port {self.port}",
            f"    User {self.user}",
            f"    IdentityFile {self.key}",
            "    IdentitiesOnly yes",
            "    BatchMode yes",
            f"    UserKnownHostsFile {self.kh}",
            "    GlobalKnownHostsFile /dev/null",
            "    StrictHostKeyChecking yes",
            "    ControlMaster no",
            # pssh (-t 0) has no timeout of its own: without this a hung host hangs it.
            f"    ConnectTimeout {CONNECT_TIMEOUT}",
            "    LogLevel ERROR",
        ]
        if setting == "pinned":
            lines.append("    KexAlgorithms curve25519-sha256")
        path = os.path.join(self.work, f"ssh_config.{setting}")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def host_list(self, case):
        """Peers' host names, and Volley's (with :port for the fault hosts)."""
        if case.variant == "faults":
            healthy = iter(self.hosts)
            peers, volley, kinds = [], [], []
            refused = hung = 0
            for i in range(case.n):
                if i % 10 == 9:  # 10 %, spread over the list
                    refused += 1
                    h = f"127.0.200.{refused}"
                    peers.append(h)
                    volley.append(f"{h}:{self.a.refused_port}")
                    kinds.append("refused")
                elif i % 20 == 4:  # 5 %
                    hung += 1
                    h = f"127.0.201.{hung}"
                    peers.append(h)
                    volley.append(f"{h}:{self.a.hung_port}")
                    kinds.append("hung")
                else:
                    h = next(healthy)
                    peers.append(h)
                    volley.append(h)
                    kinds.append("healthy")
            return peers, volley, kinds
        if case.n > len(self.hosts):
            raise SystemExit(f"bench.py: the fleet has {len(self.hosts)} hosts, {case.n} needed")
        h = self.hosts[: case.n]
        return h, h, ["healthy"] * case.n


# ---------------------------------------------------------------- one run


def tool_argv(env, case, tool, files):
    cfg = env.cfg[case.setting]
    f = str(case.fanout)
    cmd = f"cat {env.stream_file}" if case.command == "stream" else COMMANDS[case.command]
    gather = case.scenario == "uname"
    if tool in ("volley", "volley-outdir"):
        argv = [env.cli, "run", "-f", f, "--connect-timeout", str(CONNECT_TIMEOUT),
                "-p", str(env.port), "-l", env.user, "-i", env.key, "--known-hosts", env.kh,
                "--ssh-config", "none", "--hosts-file", files["volley_hosts"], "-q",
                "--failed-file", files["failed"]]
        if gather:
            argv.append("--gather")
        if tool == "volley-outdir":
            argv += ["--outdir", files["outdir"]]
        return argv + ["--", cmd], {}
    if tool == "ssh":
        return ["ssh", "-F", cfg, env.hosts[0], cmd], {}
    if tool == "pdsh":
        # Without PDSH_RCMD_TYPE=ssh Debian's pdsh uses rsh.
        return (["pdsh", "-S", "-f", f, "-t", str(CONNECT_TIMEOUT), "-w", "^" + files["hosts"],
                 cmd], {"PDSH_RCMD_TYPE": "ssh", "PDSH_SSH_ARGS": f"-F {cfg} %h"})
    if tool == "pssh":
        return ["parallel-ssh", "-p", f, "-t", "0", "-h", files["hosts"], "-x", f"-F {cfg}",
                "-i", cmd], {}
    if tool == "clush":
        argv = ["clush", "-S", "-f", f, "-t", str(CONNECT_TIMEOUT), "-u", "0", "-o", f"-F {cfg}",
                f"--hostfile={files['hosts']}"]
        if gather:
            argv.append("-b")
        return argv + [cmd], {}
    if tool == "ansible":
        return (["ansible", "all", "-i", files["ini"], "-f", f, "-T", str(CONNECT_TIMEOUT),
                 "-m", "raw", "-a", cmd, "-o"],
                {"ANSIBLE_SSH_ARGS": f"-F {cfg} -o ControlMaster=no",
                 "ANSIBLE_LOCAL_TEMP": os.path.join(env.work, "ansible-tmp"),
                 "ANSIBLE_HOME": os.path.join(env.work, "ansible-home"),
                 "ANSIBLE_NOCOLOR": "1"})
    raise ValueError(tool)


def parse_gathered(text):
    """clush -b / volley --gather: '----' / 'nodes (count)' / '----' / lines."""
    groups = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if (lines[i].startswith("---") and i + 2 < len(lines)
                and lines[i + 2].startswith("---")):
            m = re.search(r"\((\d+)\)\s*$", lines[i + 1])
            count = int(m.group(1)) if m else 0
            body = []
            i += 3
            while i < len(lines) and not (lines[i].startswith("---") and i + 2 < len(lines)
                                          and lines[i + 2].startswith("---")):
                body.append(lines[i])
                i += 1
            while body and body[-1] == "":
                body.pop()
            groups.append((count, body))
        else:
            i += 1
    return groups


def count_ok(env, case, tool, rc, out, err, files, healthy):
    """How many hosts gave the right result, read from the tool's own report."""
    expect = {"true": None, "uname": env.uname, "26k": "x" * 26000, "ok": "ok"}[case.command]
    hosts = set(healthy)
    if tool in ("volley", "volley-outdir"):
        failed = set()
        if os.path.exists(files["failed"]):
            with open(files["failed"]) as f:
                failed = {line.strip().split(":")[0] for line in f if line.strip()}
        if expect is None:
            return len(hosts - failed)
        if case.scenario == "uname":
            return sum(c for c, body in parse_gathered(out) if body == [expect])
        good = set()
        for line in out.split("\n"):
            host, sep, rest = line.partition(": ")
            if sep and rest == expect:
                good.add(host)
        return len(good & hosts)
    if tool in ("pdsh", "clush"):
        if expect is None:
            if rc == 0:
                return len(hosts)
            bad = {h for h in hosts if re.search(r"\b" + re.escape(h) + r"\b", err)}
            return len(hosts - bad)
        if tool == "clush" and case.scenario == "uname":
            return sum(c for c, body in parse_gathered(out) if body == [expect])
        good = set()
        for line in out.split("\n"):
            host, sep, rest = line.partition(": ")
            if sep and rest == expect:
                good.add(host)
        return len(good & hosts)
    if tool == "pssh":
        good = set()
        lines = out.split("\n")
        for i, line in enumerate(lines):
            m = re.match(r"\[\d+\] \S+ \[SUCCESS\] (\S+)$", line)
            if not m:
                continue
            if expect is None or (i + 1 < len(lines) and lines[i + 1] == expect):
                good.add(m.group(1))
        return len(good & hosts)
    if tool == "ansible":
        good = set()
        for line in out.split("\n"):
            m = re.match(r"(\S+) \| CHANGED \| rc=0 \| \(stdout\) ?(.*)$", line)
            if not m:
                continue
            # raw asks for a tty: the output comes back with CRLF, escaped by -o.
            got = m.group(2).replace("\\r\\n", "\n").strip()
            if expect is None or got == expect:
                good.add(m.group(1))
        return len(good & hosts)
    raise ValueError(tool)


def run_one(env, case, tool, k, log):
    peers_hosts, volley_hosts, kinds = env.host_list(case)
    d = os.path.join(env.work, "runs", f"{case.scenario}-{case.variant or 'x'}-{case.setting}"
                     f"-{case.n}-{case.fanout}-{tool}-{k}")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    files = {
        "hosts": os.path.join(d, "hosts.txt"),
        "volley_hosts": os.path.join(d, "volley-hosts.txt"),
        "ini": os.path.join(d, "hosts.ini"),
        "failed": os.path.join(d, "failed.txt"),
        "outdir": os.path.join(d, "outdir"),
        "stdout": os.path.join(d, "stdout"),
        "stderr": os.path.join(d, "stderr"),
        "stamps": os.path.join(d, "stamps"),
        "result": os.path.join(d, "result.json"),
    }
    with open(files["hosts"], "w") as f:
        f.write("\n".join(peers_hosts) + "\n")
    with open(files["volley_hosts"], "w") as f:
        f.write("\n".join(volley_hosts) + "\n")
    with open(files["ini"], "w") as f:
        f.write("[all]\n" + "\n".join(peers_hosts) + "\n")
    argv, extra_env = tool_argv(env, case, tool, files)
    m = [sys.executable, os.path.join(HERE, "measure.py"), "--result", files["result"],
         "--stderr", files["stderr"], "--sshd-pid", str(env.a.sshd_pid),
         "--sshd-reaper", str(env.a.sshd_reaper), "--timeout", "600"]
    if case.variant:  # the fault mix: when did each host's line arrive
        m += ["--timestamps", files["stamps"]]
    elif case.command == "stream":
        # As the issue compares: `ssh host cat > /dev/null`. The bytes are
        # checked by the --outdir variant (exact file) and the exit statuses.
        files["stdout"] = os.devnull
        m += ["--stdout", os.devnull]
    else:
        m += ["--stdout", files["stdout"]]
    run_env = dict(os.environ)
    run_env.update(extra_env)
    subprocess.run(m + ["--"] + argv, env=run_env, check=True)
    with open(files["result"]) as f:
        r = json.load(f)
    if case.variant:
        with open(files["stamps"], "rb") as f:
            stamped = [line.split(b"\t", 1) for line in f.read().split(b"\n") if b"\t" in line]
        out = "\n".join(x[1].decode("utf-8", "replace") for x in stamped)
        with open(files["stdout"], "w") as f:
            f.write(out)
    elif case.command == "stream" and tool != "ssh":
        out = ""
    else:
        with open(files["stdout"], "rb") as f:
            out = f.read().decode("utf-8", "replace")
    with open(files["stderr"], "rb") as f:
        err = f.read().decode("utf-8", "replace")
    healthy = [h for h, kind in zip(peers_hosts, kinds) if kind == "healthy"]
    if case.command == "stream" and tool in ("ssh", "volley"):
        r["ok"] = 1 if r["rc"] == 0 else 0
    elif case.command == "stream" and tool == "volley-outdir":
        p = os.path.join(files["outdir"], env.hosts[0] + ".out")
        r["ok"] = 1 if r["rc"] == 0 and os.path.exists(p) and os.path.getsize(p) == 100_000_000 \
            else 0
    else:
        r["ok"] = count_ok(env, case, tool, r["rc"], out, err, files, healthy)
    r["expected"] = len(healthy)
    r["too_many_open_files"] = "too many open files" in err.lower()
    if case.variant:
        # The last line that reports a healthy host, in seconds from the start.
        healthy_set = set(healthy)
        last = 0.0
        for t, line in stamped:
            text = line.decode("utf-8", "replace")
            names = set(re.findall(r"127\.\d+\.\d+\.\d+", text))
            if names & healthy_set and re.search(r"(: ok$|\[SUCCESS\]|\| CHANGED \|)", text):
                last = max(last, float(t))
        r["last_healthy_s"] = round(last, 3)
    r.update(tool=tool, run=k)
    # Keep the run's folder small: the big outputs go, the reports stay.
    for big in ("stdout", "outdir"):
        p = files[big]
        if p == os.devnull:
            continue
        if os.path.isdir(p):
            shutil.rmtree(p, ignore_errors=True)
        elif os.path.exists(p) and os.path.getsize(p) > 4_000_000:
            os.unlink(p)
    msg = (f"  {tool:14s} run {k + 1}: {r['wall_s']:7.2f} s wall, {r['cpu_s']:7.2f} s CPU, "
           f"sshd {r.get('sshd_cpu_s') or 0:6.2f} s, {r['maxrss_kb'] / 1024:6.1f} MB, "
           f"{r['fds_peak']:5d} fds, ok {r['ok']}/{r['expected']}")
    if r["rc"] not in (0, None) and r["ok"] != r["expected"]:
        msg += f", exit {r['rc']}: {err.strip().splitlines()[-1][:120] if err.strip() else ''}"
    log(msg)
    return r


def run_case(env, case, log):
    log(f"{case.label()}")
    tools = [t for t in case.tools if case.runs.get(t, 0) > 0]
    results = {t: [] for t in tools}
    rounds = max(case.runs[t] for t in tools)
    for k in range(rounds):
        # Alternate the order: run k starts with the k-th tool.
        order = tools[k % len(tools):] + tools[: k % len(tools)]
        for t in order:
            if k < case.runs[t]:
                results[t].append(run_one(env, case, t, k, log))
    return results


# ---------------------------------------------------------------- reports


def med(rs, key):
    vals = [r[key] for r in rs if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def summarize(case, tool, rs):
    n = max(1, case.n)
    row = {
        "scenario": case.scenario, "variant": case.variant, "setting": case.setting,
        "n": case.n, "fanout": case.fanout, "command": case.command, "tool": tool,
        "runs": len(rs),
        "wall_s": med(rs, "wall_s"),
        "wall_min_s": min(r["wall_s"] for r in rs),
        "wall_max_s": max(r["wall_s"] for r in rs),
        "cpu_s": med(rs, "cpu_s"),
        "sshd_cpu_s": med(rs, "sshd_cpu_s"),
        "maxrss_mb": max(r["maxrss_kb"] for r in rs) / 1024,
        "tree_pss_mb": max(r["tree_pss_peak_kb"] for r in rs) / 1024,
        "fds_peak": max(r["fds_peak"] for r in rs),
        "procs_peak": max(r["procs_peak"] for r in rs),
        "ok": min(r["ok"] for r in rs),
        "expected": rs[0]["expected"],
        "too_many_open_files": any(r["too_many_open_files"] for r in rs),
        "last_healthy_s": med(rs, "last_healthy_s"),
    }
    row["cpu_ms_per_host"] = row["cpu_s"] * 1000 / n
    conns = max(1, row["expected"])
    row["sshd_ms_per_conn"] = (row["sshd_cpu_s"] or 0) * 1000 / conns
    return row


def machine():
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, shell=True).stdout.strip()
        except OSError:
            return ""
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = out("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "kernel": platform.release(),
        "memory": mem,
        "os": out(". /etc/os-release && echo \"$PRETTY_NAME\""),
        "openssh": out("ssh -V 2>&1"),
        "libssh": out("dpkg-query -W -f='${Version}' libssh-4"),
        "pdsh": out("dpkg-query -W -f='${Version}' pdsh"),
        "pssh": out("dpkg-query -W -f='${Version}' pssh"),
        "clustershell": out("dpkg-query -W -f='${Version}' clustershell"),
        "ansible": out("dpkg-query -W -f='${Version}' ansible-core"),
    }


def fmt(v, digits=2):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def goals(rows, mach):
    """Issue 7's goals (and issue 3's) as (goal, measured, target, pass)."""
    def find(**kw):
        return [r for r in rows if all(r.get(k) == v for k, v in kw.items())]

    def one(**kw):
        f = find(**kw)
        return f[0] if f else None

    out = []
    cores = mach["cores"] or 1
    for setting, factor, name in (("installed", 0.5, "1. 100 hosts, f32, `true`, as installed: "
                                   "wall ≤ 0.5× fastest peer"),
                                  ("pinned", 0.7, "2. pinned curve25519: wall ≤ 0.7× fastest peer")):
        v = one(scenario="goal100", setting=setting, tool="volley")
        peers = [r for r in find(scenario="goal100", setting=setting) if r["tool"] != "volley"]
        if v and peers:
            best = min(peers, key=lambda r: r["wall_s"])
            ratio = v["wall_s"] / best["wall_s"]
            out.append((name, f"{v['wall_s']:.2f} s vs {best['tool']} {best['wall_s']:.2f} s "
                        f"= {ratio:.2f}×", f"≤ {factor}×", ratio <= factor))
        if v and peers and setting == "installed":
            cheapest = min(peers, key=lambda r: r["cpu_ms_per_host"])
            ratio = v["cpu_ms_per_host"] / cheapest["cpu_ms_per_host"]
            out.append(("1. … client CPU per host ≤ 0.1× cheapest peer",
                        f"{v['cpu_ms_per_host']:.2f} ms vs {cheapest['tool']} "
                        f"{cheapest['cpu_ms_per_host']:.1f} ms = {ratio:.3f}×", "≤ 0.1×",
                        ratio <= 0.1))
            pdsh = one(scenario="goal100", setting=setting, tool="pdsh")
            if pdsh:
                w = v["wall_s"] / pdsh["wall_s"]
                c = v["cpu_s"] / pdsh["cpu_s"]
                out.append(("issue 3: wall ≤ 0.5× pdsh (defaults)",
                            f"{v['wall_s']:.2f} s vs {pdsh['wall_s']:.2f} s = {w:.2f}×",
                            "≤ 0.5×", w <= 0.5))
                out.append(("issue 3: client CPU ≤ 0.1× pdsh",
                            f"{v['cpu_s']:.2f} s vs {pdsh['cpu_s']:.2f} s = {c:.3f}×",
                            "≤ 0.1×", c <= 0.1))
    for kw, label in (({"scenario": "goal100", "setting": "pinned"}, "N=100 f32"),
                      ({"scenario": "scale", "n": 1000}, "N=1000 f128")):
        v = one(tool="volley", **kw)
        if v and v.get("sshd_cpu_s"):
            floor = v["sshd_cpu_s"] / cores
            ratio = v["wall_s"] / floor
            out.append((f"3. wall ≤ 1.3× sshd floor ({label})",
                        f"{v['wall_s']:.2f} s vs floor {floor:.2f} s "
                        f"({v['sshd_ms_per_conn']:.1f} ms sshd CPU/conn × {v['n']} ÷ {cores}) "
                        f"= {ratio:.2f}×", "≤ 1.3×", ratio <= 1.3))
    v = one(scenario="scale", n=1000, tool="volley")
    if v:
        out.append(("4. 1,000 hosts f128: every host ok", f"{v['ok']}/{v['expected']}",
                    "1000/1000", v["ok"] == v["expected"] == 1000))
        out.append(("4. … client peak RSS ≤ 150 MB", f"{v['maxrss_mb']:.1f} MB", "≤ 150 MB",
                    v["maxrss_mb"] <= 150))
        out.append(("4. … client CPU ≤ 2 ms per host", f"{v['cpu_ms_per_host']:.2f} ms",
                    "≤ 2 ms", v["cpu_ms_per_host"] <= 2))
        out.append(("4. … no \"too many open files\"",
                    "none" if not v["too_many_open_files"] else "seen", "none",
                    not v["too_many_open_files"]))
    ssh = one(scenario="stream", tool="ssh")
    for tool, label in (("volley", "text output"), ("volley-outdir", "--outdir")):
        v = one(scenario="stream", tool=tool)
        if ssh and v:
            ratio = ssh["wall_s"] / v["wall_s"]
            out.append((f"5. 100 MB stream ({label}) ≥ 0.8× OpenSSH throughput",
                        f"{100 / v['wall_s']:.0f} MB/s vs ssh {100 / ssh['wall_s']:.0f} MB/s "
                        f"= {ratio:.2f}×", "≥ 0.8×", ratio >= 0.8))
    fv = one(scenario="faults", variant="faults", tool="volley")
    hv = one(scenario="faults", variant="healthy-only", tool="volley")
    if fv and hv:
        limit = fv["last_healthy_s"] + CONNECT_TIMEOUT + 2
        out.append(("6. fault mix: ends ≤ connect timeout + 2 s after the last healthy host",
                    f"ended {fv['wall_s']:.2f} s, last healthy {fv['last_healthy_s']:.2f} s",
                    f"≤ {limit:.2f} s", fv["wall_s"] <= limit))
        ratio = fv["last_healthy_s"] / hv["last_healthy_s"]
        out.append(("6. … healthy hosts as fast as without faults (± 10 %)",
                    f"{fv['last_healthy_s']:.2f} s vs {hv['last_healthy_s']:.2f} s "
                    f"= {ratio:.2f}×", "≤ 1.10×", ratio <= 1.10))
        out.append(("6. … every healthy host ok", f"{fv['ok']}/{fv['expected']}",
                    f"{fv['expected']}/{fv['expected']}", fv["ok"] == fv["expected"]))
    a = one(scenario="scale", n=100, tool="volley")
    b = one(scenario="scale", n=1000, tool="volley")
    if a and b:
        ratio = b["cpu_ms_per_host"] / a["cpu_ms_per_host"]
        out.append(("7. linear: CPU per host at 1,000 ≤ 1.2× at 100 (f128)",
                    f"{b['cpu_ms_per_host']:.2f} ms vs {a['cpu_ms_per_host']:.2f} ms "
                    f"= {ratio:.2f}×", "≤ 1.2×", ratio <= 1.2))
    return out


CSV_FIELDS = ["scenario", "variant", "setting", "n", "fanout", "command", "tool", "runs",
              "wall_s", "wall_min_s", "wall_max_s", "cpu_s", "cpu_ms_per_host", "sshd_cpu_s",
              "sshd_ms_per_conn", "maxrss_mb", "tree_pss_mb", "fds_peak", "procs_peak", "ok",
              "expected", "too_many_open_files", "last_healthy_s"]


def markdown(rows, gl, mach, started, elapsed, load_before, load_after, args):
    L = []
    L.append(f"Measured {started} in {elapsed / 60:.1f} min "
             f"(`tests/bench/run.sh BUILD_DIR {' '.join(args)}`).".replace("  ", " "))
    L.append("")
    L.append("| machine | |")
    L.append("|---|---|")
    L.append(f"| CPU | {mach['cpu']}, {mach['cores']} cores ({mach['memory']} RAM) |")
    L.append(f"| OS, kernel | {mach['os']}, Linux {mach['kernel']} |")
    L.append(f"| OpenSSH | {mach['openssh']} |")
    L.append(f"| libssh | {mach['libssh']} |")
    L.append(f"| peers | pdsh {mach['pdsh']}, pssh {mach['pssh']}, clustershell "
             f"{mach['clustershell']}, ansible-core {mach['ansible']} |")
    L.append(f"| load average | {load_before} before, {load_after} after |")
    L.append("")
    if gl:
        L.append("### Goals (issue 7, and issue 3's speed goal)")
        L.append("")
        L.append("| goal | measured | target | |")
        L.append("|---|---|---|---|")
        for g, m, t, ok in gl:
            L.append(f"| {g} | {m} | {t} | {'**pass**' if ok else '**FAIL**'} |")
        L.append("")
    L.append("### All results")
    L.append("")
    L.append("Medians over the runs; wall range in brackets. Client CPU = user+sys of the "
             "tool's whole process tree. sshd = CPU of the fleet's sshd and its children. "
             "RSS = the largest single process (GNU time %M); PSS = the whole tree at its "
             "peak (sampled every 100 ms); fds = open descriptors of the tree at its peak.")
    L.append("")
    L.append("| scenario | setting | N | f | tool | runs | wall s | client CPU s | "
             "CPU ms/host | sshd ms/conn | RSS MB | tree PSS MB | fds | ok |")
    L.append("|---|---|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        sc = r["scenario"] + (f" ({r['variant']})" if r["variant"] else "")
        wall = f"{r['wall_s']:.2f}"
        if r["runs"] > 1:
            wall += f" [{r['wall_min_s']:.2f}–{r['wall_max_s']:.2f}]"
        if r["last_healthy_s"] is not None:
            wall += f"; last healthy {r['last_healthy_s']:.2f}"
        okv = f"{r['ok']}/{r['expected']}" + ("" if r["ok"] == r["expected"] else " ✗")
        L.append(f"| {sc} | {r['setting']} | {r['n']} | {r['fanout']} | {r['tool']} | "
                 f"{r['runs']} | {wall} | {r['cpu_s']:.2f} | {r['cpu_ms_per_host']:.2f} | "
                 f"{r['sshd_ms_per_conn']:.1f} | {r['maxrss_mb']:.1f} | {r['tree_pss_mb']:.1f} | "
                 f"{r['fds_peak']} | {okv} |")
    L.append("")
    return "\n".join(L)


def plot_script(rows, outdir):
    """gnuplot: wall time and client CPU against N (fanout 128, pinned) per tool."""
    series = {}
    cores = os.cpu_count() or 1
    for r in rows:
        if r["scenario"] == "scale":
            series.setdefault(r["tool"], []).append((r["n"], r["wall_s"], r["cpu_s"]))
            if r["tool"] == "volley" and r["sshd_cpu_s"]:
                # What sshd alone needs on this machine: its CPU spread over every core.
                floor = r["sshd_cpu_s"] / cores
                series.setdefault("sshd floor", []).append((r["n"], floor, floor))
    if not series:
        return False
    with open(os.path.join(outdir, "plot.dat"), "w") as f:
        for tool in TOOLS + ["sshd floor"]:
            if tool not in series:
                continue
            f.write(f"# {tool}\n")
            for n, w, c in sorted(series[tool]):
                f.write(f"{n} {w} {c}\n")
            f.write("\n\n")
    tools = [t for t in TOOLS if t in series]
    plots = lambda col: ", ".join(
        f"'plot.dat' index {i} using 1:{col} with linespoints lw 2 title '{t}'"
        for i, t in enumerate(tools))
    if "sshd floor" in series:
        wall_plots = plots(2) + (f", 'plot.dat' index {len(tools)} using 1:2 with lines "
                                 "dt 2 lc 'black' title 'sshd floor (sshd CPU / cores)'")
    else:
        wall_plots = plots(2)
    with open(os.path.join(outdir, "plot.gp"), "w") as f:
        f.write(f"""# Generated by tests/bench/bench.py
set terminal pngcairo size 1200,500 noenhanced
set output 'plot.png'
set multiplot layout 1,2 title '`true` on N hosts, fanout 128, KexAlgorithms curve25519-sha256'
set logscale xy
set grid
set key top left
set xlabel 'hosts (N)'
set ylabel 'wall time (s)'
set title 'wall time'
plot {wall_plots}
set ylabel 'client CPU, whole process tree (s)'
set title 'client CPU'
plot {plots(3)}
unset multiplot
""")
    return True


BEGIN = "<!-- bench:begin (tests/bench/run.sh --docs rewrites this part) -->"
END = "<!-- bench:end -->"


def write_docs(repo, body):
    path = os.path.join(repo, "docs", "performance.md")
    if os.path.exists(path):
        with open(path) as f:
            text = f.read()
    else:
        text = f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    with open(path, "w") as f:
        f.write(f"{head}{BEGIN}\n{body}\n{END}{tail}")


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--max-hosts", action="store_true")
    ap.add_argument("--fleet")
    ap.add_argument("--work")
    ap.add_argument("--sshd-pid", type=int)
    ap.add_argument("--sshd-reaper", type=int)
    ap.add_argument("--cli")
    ap.add_argument("--out")
    ap.add_argument("--refused-port", type=int)
    ap.add_argument("--hung-port", type=int)
    ap.add_argument("--repo")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--scenario", nargs="+", action="extend", default=[])
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--docs", action="store_true")
    ap.add_argument("--ansible-big", action="store_true")
    a = ap.parse_args()
    given_args = [x for x in sys.argv[1:]]
    user_args = []
    skip = {"--fleet", "--work", "--sshd-pid", "--sshd-reaper", "--cli", "--out", "--refused-port",
            "--hung-port", "--repo"}
    it = iter(given_args)
    for x in it:
        if x in skip:
            next(it, None)
        elif x != "--max-hosts":
            user_args.append(x)

    if a.list:
        for name, text in SCENARIOS.items():
            print(f"{name:8s} {text}")
        return 0
    for s in a.scenario:
        if s not in SCENARIOS:
            raise SystemExit(f"bench.py: unknown scenario '{s}'; known: {', '.join(SCENARIOS)}")
    tools = [t for t in a.tools.split(",") if t]
    for t in tools:
        if t not in TOOLS:
            raise SystemExit(f"bench.py: unknown tool '{t}'; known: {', '.join(TOOLS)}")
    if "volley" not in tools:
        tools.insert(0, "volley")
    cases = build_cases(a.scenario or DEFAULT_SCENARIOS, tools, a.runs, a.quick, a.ansible_big)
    if a.max_hosts:
        print(max([c.n for c in cases if c.variant != "faults"] + [100]))
        return 0

    env = Env(a)
    os.makedirs(a.out, exist_ok=True)
    log_file = open(os.path.join(a.out, "log.txt"), "w")

    def log(msg):
        print(msg, file=sys.stderr, flush=True)
        log_file.write(msg + "\n")
        log_file.flush()

    mach = machine()
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load_before = loadavg()
    t0 = time.monotonic()
    all_runs, rows = [], []
    incomplete = None
    for case in cases:
        if not os.path.exists(f"/proc/{a.sshd_pid}"):
            # Seen once on a shared machine: something outside killed the fleet's
            # sshd. Report what was measured instead of losing it.
            incomplete = (f"the fleet's sshd (pid {a.sshd_pid}) is gone; stopped before "
                          f"{case.label()}")
            log(f"bench.py: {incomplete}")
            break
        try:
            results = run_case(env, case, log)
        except subprocess.CalledProcessError as e:
            incomplete = f"{case.label()} failed: {e}"
            log(f"bench.py: {incomplete}")
            break
        for tool, rs in results.items():
            for r in rs:
                all_runs.append(dict(r, scenario=case.scenario, variant=case.variant,
                                     setting=case.setting, n=case.n, fanout=case.fanout,
                                     command=case.command))
            rows.append(summarize(case, tool, rs))
    elapsed = time.monotonic() - t0
    load_after = loadavg()

    with open(os.path.join(a.out, "runs.csv"), "w", newline="") as f:
        fields = sorted({k for r in all_runs for k in r})
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(all_runs)
    with open(os.path.join(a.out, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})
    gl = goals(rows, mach)
    md = markdown(rows, gl, mach, started, elapsed, load_before, load_after, user_args)
    if incomplete:
        md = f"**Incomplete run**: {incomplete}.\n\n" + md
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write("# Volley benchmark results\n\n" + md)
    with open(os.path.join(a.out, "machine.json"), "w") as f:
        json.dump(mach, f, indent=1)
    plot_script(rows, a.out)
    print(md)
    if a.docs:
        write_docs(a.repo, md)
        log(f"bench.py: updated {os.path.join(a.repo, 'docs', 'performance.md')}")
    log(f"bench.py: results in {a.out} (results.md, results.csv, runs.csv, plot.png)")
    return 1 if incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
