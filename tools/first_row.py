#!/usr/bin/env python3
"""tools/first_row.py: the time until a command prints its first byte, and until it ends.

    tools/first_row.py RUNS COMMAND [ARGS…]

Prints the medians over RUNS runs, in milliseconds: "first byte 23 ms, all 489 ms". Used by
tools/scale.sh for `parley list --json meetings`, which should stream: the first meeting comes
before the last is read.
"""
import statistics
import subprocess
import sys
import time

runs, cmd = int(sys.argv[1]), sys.argv[2:]
first, whole = [], []
for _ in range(runs):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    p.stdout.read(1)
    first.append(time.monotonic() - start)
    while p.stdout.read(1 << 16):
        pass
    p.wait()
    whole.append(time.monotonic() - start)
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} exited with {p.returncode}")
print(f"first byte {statistics.median(first) * 1000:.0f} ms, all {statistics.median(whole) * 1000:.0f} ms")
