#!/usr/bin/env python3
"""Load on a running `policysite serve`, bounded in count and time, on loopback only.

    python3 bench/serve-load.py [--binary PATH] [--requests 5000] [--concurrency 100]
                                [--streams 50] [--saves 50] [--save-seconds 5]

Copies content/ and themes/ to a temporary folder, starts `policysite serve` on a free port of
127.0.0.1 and measures, in one run:

  requests  --requests GETs of pages from --concurrency threads, each on its own connection:
            req/s, p50 and p99 latency, errors
  streams   --streams live-reload connections held open during the requests
  saves     --saves edits of one policy within --save-seconds; afterwards the page must show
            the last save (serve coalesces rebuilds, it must never lose the final one)
  memory    the server's resident memory before and after (VmRSS from /proc)

Prints one summary; exits 1 when a request failed or the last save is missing.
Standard library only.
"""

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = ["/", "/digiterex/en/", "/digiterex/fr/cookies/", "/ite/ar/rights/", "/caltryx-tech/en/contact/",
         "/digi-smart-manager/hi/changelog/", "/assets/style.css", "/sitemap.xml", "/missing/"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def get(port, path, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/policysite"))
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--streams", type=int, default=50)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--save-seconds", type=float, default=5.0)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"no binary at {args.binary}; run `swift build -c release` first or pass --binary")

    work = tempfile.mkdtemp(prefix="serve-load-")
    for item in ("content", "themes"):
        shutil.copytree(os.path.join(ROOT, item), os.path.join(work, item))
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if get(port, "/", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("serve did not start")
            time.sleep(0.2)
        rss_before = rss_kib(server.pid)

        # Held live-reload connections, as that many open tabs would.
        streams = []
        for _ in range(args.streams):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(f"GET /__policysite/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            streams.append(s)

        latencies, errors, lock = [], [], threading.Lock()
        per_thread = args.requests // args.concurrency

        def worker(offset):
            for i in range(per_thread):
                path = PAGES[(offset + i) % len(PAGES)]
                start = time.monotonic()
                try:
                    status, _ = get(port, path)
                    ok = status in (200, 404)
                except OSError as error:
                    ok, status = False, str(error)
                with lock:
                    latencies.append(time.monotonic() - start)
                    if not ok:
                        errors.append(status)

        started = time.monotonic()
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started

        # Rapid saves: the page must end up showing the last one.
        policy = os.path.join(work, "content/digiterex/en/privacy.md")
        original = open(policy, encoding="utf-8").read()
        for n in range(1, args.saves + 1):
            marker = f"Save number {n} of the load test."
            with open(policy, "w", encoding="utf-8") as f:
                f.write(original.replace("Welcome to Digiterex.", f"Welcome to Digiterex. {marker}"))
            time.sleep(args.save_seconds / args.saves)
        last = f"Save number {args.saves} of the load test."
        shown, waited = False, time.monotonic()
        while time.monotonic() - waited < 30 and not shown:
            shown = last in get(port, "/digiterex/en/")[1].decode("utf-8", "replace")
            if not shown:
                time.sleep(0.1)
        settle = time.monotonic() - waited
        rss_after = rss_kib(server.pid)
        for s in streams:
            s.close()

        latencies.sort()
        count = len(latencies)
        print(f"requests: {count} in {elapsed:.2f} s = {count / elapsed:.0f} req/s, "
              f"p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {latencies[int(count * 0.99) - 1] * 1000:.1f} ms, "
              f"errors {len(errors)} (concurrency {args.concurrency}, {args.streams} live-reload streams held)")
        print(f"saves: {args.saves} in {args.save_seconds:.0f} s; last save shown: {'yes' if shown else 'NO'} "
              f"({settle:.2f} s after the last write)")
        print(f"memory: RSS {rss_before / 1024:.1f} MiB before, {rss_after / 1024:.1f} MiB after")
        return 0 if shown and not errors else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
