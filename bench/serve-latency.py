#!/usr/bin/env python3
"""Save -> rebuilt -> reload-event latency of `policysite serve` on a synthetic corpus.

    python3 bench/serve-latency.py [--companies 1000] [--languages 3] [--edits 10] [--binary PATH]

Generates the corpus with bench/generate.py (once, into bench/out/serve-<companies>x<languages>/),
builds policysite in release mode into .build-serve-helper unless --binary is given, starts
`policysite serve` on a free loopback port, subscribes to the reload event stream like a browser,
then appends a sentence to one policy file --edits times. For each save it records:

  rebuilt  time from the save until serve prints "build N: rebuilt ..." on stderr
  reload   time from the save until the browser-side event stream receives "event: reload"
  server   the rebuild time serve reports itself (render + write, without change detection)

and prints median and max of each. Numbers only: there is no pass/fail threshold here.
Standard library only.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lines:
    """Lines read from a stream on a thread, each with the monotonic time it arrived."""

    def __init__(self):
        self.items = []
        self.cond = threading.Condition()

    def add(self, line):
        with self.cond:
            self.items.append((time.monotonic(), line))
            self.cond.notify_all()

    def wait_for(self, pattern, start, timeout=30.0):
        """First line at index >= start matching pattern: (index, time, match)."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        index = start
        with self.cond:
            while True:
                while index < len(self.items):
                    stamp, line = self.items[index]
                    found = regex.search(line)
                    if found:
                        return index, stamp, found
                    index += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no line matching {pattern!r}")
                self.cond.wait(left)


def pump(stream, lines, echo=None):
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace").rstrip("\n")
        lines.add(line)
        if echo:
            print(line, file=echo, flush=True)


def subscribe(port, lines):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__policysite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    buffer = b""

    def read():
        nonlocal buffer
        while True:
            try:
                chunk = sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                lines.add(line.decode("utf-8", "replace").rstrip("\r"))

    threading.Thread(target=read, daemon=True).start()
    return sock


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--languages", type=int, default=3)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--binary", help="policysite executable (default: release build in .build-serve-helper)")
    parser.add_argument("--content", help="use this content/ folder (copied) instead of generating one")
    parser.add_argument("--verbose", action="store_true", help="echo serve's terminal output")
    args = parser.parse_args()

    binary = args.binary
    if not binary:
        scratch = os.path.join(ROOT, ".build-serve-helper")
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", "policysite"], cwd=ROOT, check=True)
        binary = os.path.join(scratch, "release", "policysite")

    work = os.path.join(ROOT, "bench", "out", f"serve-{'copy' if args.content else f'{args.companies}x{args.languages}'}")
    content = os.path.join(work, "content")
    if args.content:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(args.content, content)
    elif not os.path.isdir(content):
        generator = os.path.join(ROOT, "bench", "generate.py")
        subprocess.run(
            [sys.executable, generator, "--companies", str(args.companies), "--languages", str(args.languages), "--out", work, "--policysite", binary],
            check=True)
    companies = sorted(name for name in os.listdir(content) if os.path.isdir(os.path.join(content, name)))
    target = os.path.join(content, companies[len(companies) // 2], "en", "privacy.md")
    original = open(target, "rb").read()

    port = free_port()
    output = os.path.join(work, "site")
    started = time.monotonic()
    server = subprocess.Popen(
        [binary, "serve", "--content", content, "--themes", os.path.join(ROOT, "themes"), "--port", str(port), "--output", output],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err, events = Lines(), Lines(), Lines()
    threading.Thread(target=pump, args=(server.stdout, out, sys.stderr if args.verbose else None), daemon=True).start()
    threading.Thread(target=pump, args=(server.stderr, err, sys.stderr if args.verbose else None), daemon=True).start()
    try:
        out.wait_for(r"^Serving ", 0, timeout=600)
        _, _, first = err.wait_for(r"build 1: .* in ([0-9.]+) ms", 0, timeout=5)
        print(f"corpus: {len(companies)} companies; initial build {float(first.group(1)) / 1000:.2f} s "
              f"(start to serving {time.monotonic() - started:.2f} s); editing {os.path.relpath(target, work)}")
        sock = subscribe(port, events)
        events.wait_for(r"^: connected", 0, timeout=10)

        rebuilt, reload, reported, kinds = [], [], [], set()
        for edit in range(args.edits):
            err_mark, event_mark = len(err.items), len(events.items)
            with open(target, "ab") as handle:
                handle.write(f"\nBenchmark edit {edit}: one more sentence for the preview.\n".encode())
            saved = time.monotonic()
            _, rebuilt_at, line = err.wait_for(r"build \d+: rebuilt (.*), \d+ files written, in ([0-9.]+) ms", err_mark)
            _, event_at, _ = events.wait_for(r"^event: reload", event_mark)
            rebuilt.append((rebuilt_at - saved) * 1000)
            reload.append((event_at - saved) * 1000)
            reported.append(float(line.group(2)))
            kinds.add("company only" if line.group(1) != "the site" else "full site")
            time.sleep(0.3)
        sock.close()

        def row(name, values):
            print(f"{name:8} median {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms")

        print(f"{args.edits} edits, rebuild kind: {', '.join(sorted(kinds))}")
        row("rebuilt", rebuilt)
        row("reload", reload)
        row("server", reported)
    finally:
        with open(target, "wb") as handle:
            handle.write(original)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
