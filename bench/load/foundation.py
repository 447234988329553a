#!/usr/bin/env python3
"""Foundation benchmark: Parley's default mode as an operator runs it, measured from outside.

Starts Parley with `./parley start` (the unpacked jar, with the JDK's AOT cache from the first
run on) on a fresh data directory (embedded PostgreSQL, initdb included), then
restarts it several times, reads its idle memory, fills the demo process up to 1,000 milestones through
the API and times the roadmap page and the milestones API against a trivial endpoint (the liveness
probe) measured in the same run, interleaved, so the machine's noise hits all three alike.

Only loopback traffic; every loop is bounded. Standard library only.

    ./mvnw -q -B -pl app -am package -DskipTests
    python3 bench/load/foundation.py [--restarts 3] [--requests 400] [--milestones 1000]
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "app", "target", "parley.jar")
START = [os.path.join(ROOT, "parley"), "start"]  # exec's the JVM, so the child's pid is the JVM's
PASSWORD = "bench-password-1"
PROCESS = "Dialogue on ending the war in Ukraine"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, data_dir, port):
        self.data_dir, self.port, self.proc = data_dir, port, None

    def start(self):
        env = dict(os.environ, PARLEY_DATA_DIR=self.data_dir, SERVER_PORT=str(self.port), PARLEY_DEMO_PASSWORD=PASSWORD)
        log = open(self.data_dir + ".log", "a")
        t0 = time.monotonic()
        self.proc = subprocess.Popen(START, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = t0 + 180
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"Parley exited with {self.proc.returncode}; see {self.data_dir}.log")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/actuator/health/readiness", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - t0
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        sys.exit("Parley was not ready within 180 s")

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=120)  # the first run writes the AOT cache as it exits

    def rss_mb(self):
        """The JVM's resident memory, and the embedded PostgreSQL's (postmaster and its children)."""
        jvm = rss_kb(self.proc.pid)
        with open(os.path.join(self.data_dir, "postgres", "postmaster.pid")) as f:
            postmaster = int(f.readline())
        pg = rss_kb(postmaster) + sum(rss_kb(c) for c in children(postmaster))
        return jvm / 1024, pg / 1024


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def call(url, method="GET", body=None, token=None, accept="application/json"):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Accept", accept)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        data = r.read()
        return r.status, data


def timed(url, accept):
    t0 = time.perf_counter()
    status, body = call(url, accept=accept)
    elapsed = time.perf_counter() - t0
    if status != 200:
        raise RuntimeError(f"{url}: {status}")
    return elapsed * 1000, len(body)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def fill(base, token, target):
    status, body = call(base + "/api/v1/processes", accept="application/json")
    process = next(p for p in json.loads(body) if p["name"] == PROCESS)
    pid = process["id"]
    _, body = call(f"{base}/api/v1/processes/{pid}/milestones")
    existing = json.loads(body)
    tracks = [t["id"] for t in json.loads(call(f"{base}/api/v1/processes/{pid}/tracks")[1])]
    parties = [p["id"] for p in json.loads(call(f"{base}/api/v1/processes/{pid}/parties")[1])]
    ids = [m["id"] for m in existing]
    t0 = time.monotonic()
    for i in range(len(existing), target):
        m = {"title": f"Benchmark milestone {i}", "description": "Filled by bench/load/foundation.py",
             "trackId": tracks[i % len(tracks)], "dueKind": "AFTER_START", "offsetAmount": 7 + (i * 37) % 400,
             "offsetUnit": "DAYS", "partyIds": [parties[i % len(parties)], parties[(i + 1) % len(parties)]],
             "dependsOn": [ids[-1]] if i % 5 == 0 and ids else []}
        status, body = call(f"{base}/api/v1/processes/{pid}/milestones", "POST", m, token)
        ids.append(json.loads(body)["id"])
    return pid, len(ids), time.monotonic() - t0


def measure(urls, requests, clients):
    """Interleaved rounds: each round calls every URL once per client, so noise is shared."""
    results = {name: [] for name in urls}
    sizes = {}
    lock = threading.Lock()

    def worker(n):
        for _ in range(n):
            for name, (url, accept) in urls.items():
                ms, size = timed(url, accept)
                with lock:
                    results[name].append(ms)
                    sizes[name] = size

    per_client = requests // clients
    threads = [threading.Thread(target=worker, args=(per_client,)) for _ in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, sizes, time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--restarts", type=int, default=3)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--milestones", type=int, default=1000)
    ap.add_argument("--keep", action="store_true", help="keep the data directory")
    args = ap.parse_args()
    if not os.path.exists(JAR):
        sys.exit("build first: ./mvnw -q -B -pl app -am package -DskipTests")

    data_dir = tempfile.mkdtemp(prefix="parley-bench-")
    node = Node(os.path.join(data_dir, "data"), free_port())
    print(f"data directory {node.data_dir}, port {node.port}, {' '.join(START)}", file=sys.stderr)
    try:
        first = node.start()
        node.stop()
        later = []
        for _ in range(args.restarts):
            later.append(node.start())
            node.stop()
        node.start()
        time.sleep(10)  # idle: let start-up garbage settle the way an idle server would
        jvm_idle, pg_idle = node.rss_mb()

        base = f"http://127.0.0.1:{node.port}"
        status, body = call(base + "/api/v1/auth/token", "POST", {"username": "mediator@demo.parley", "password": PASSWORD})
        token = json.loads(body)["accessToken"]
        pid, count, fill_s = fill(base, token, args.milestones)

        urls = {
            "baseline: GET /actuator/health/liveness": (base + "/actuator/health/liveness", "application/json"),
            "roadmap page: GET /processes/{id}/roadmap": (f"{base}/processes/{pid}/roadmap", "text/html"),
            f"API: GET /api/v1/processes/{{id}}/milestones": (f"{base}/api/v1/processes/{pid}/milestones", "application/json"),
        }
        measure(urls, 40, 1)  # warm-up: JIT and caches, not counted
        rows = []
        for clients in (1, 4):
            results, sizes, wall = measure(urls, args.requests, clients)
            baseline = statistics.median(next(iter(results.values())))
            for name, ms in results.items():
                rows.append((clients, name, sizes[name], statistics.median(ms), pct(ms, 95), pct(ms, 99),
                             statistics.median(ms) / baseline if baseline else float("nan")))
        jvm_after, pg_after = node.rss_mb()
        node.stop()
    except BaseException:
        if node.proc and node.proc.poll() is None:
            node.proc.kill()
        raise
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)

    print(f"| measure | result |\n|---|---|")
    print(f"| first start to ready (initdb, migrations, demo) | {first:.1f} s |")
    print(f"| later starts to ready (median of {len(later)}) | {statistics.median(later):.1f} s (all: {', '.join(f'{s:.1f}' for s in later)}) |")
    print(f"| idle RSS after start: JVM / embedded PostgreSQL | {jvm_idle:.0f} MB / {pg_idle:.0f} MB |")
    print(f"| RSS after the load below: JVM / embedded PostgreSQL | {jvm_after:.0f} MB / {pg_after:.0f} MB |")
    print(f"| milestones in the process | {count} (filled through the API in {fill_s:.1f} s) |")
    print()
    print("| clients | request | response bytes | p50 ms | p95 ms | p99 ms | p50 / baseline p50 |")
    print("|---|---|---|---|---|---|---|")
    for clients, name, size, p50, p95, p99, ratio in rows:
        print(f"| {clients} | {name} | {size:,} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {ratio:.1f} |")


if __name__ == "__main__":
    main()
