#!/usr/bin/env python3
"""Ahead-of-time libraries: build time of a five-function module and call overhead from C.

    python3 benchmarks/aot/run.py [--builds 5] [--calls 10000000]

Builds benchmarks/aot/module.py with `bin/arrayjit aot` several times (each a fresh JVM, so
the time includes starting Java; the build's own time is the "(N ms)" it prints), then compiles
calls.c against the header and times calls of a scalar and an array export, next to the same
multiplication behind a plain C shared library. Prints a markdown report and writes it to
benchmarks/results/<date>-aot.md. Needs only a C compiler; no Numba.
"""
import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
BUILD = os.path.join(ROOT, "benchmarks", "build", "aot")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def cpu_model():
    try:
        for line in sh(["lscpu"]).stdout.splitlines():
            if line.startswith("Model name"):
                return line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builds", type=int, default=5)
    ap.add_argument("--calls", type=int, default=10_000_000)
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    os.makedirs(BUILD, exist_ok=True)
    lib = os.path.join(BUILD, "libbench.so")
    wall, own = [], []
    for _ in range(a.builds):
        t0 = time.perf_counter()
        out = sh([os.path.join(ROOT, "bin", "arrayjit"), "aot", os.path.join(HERE, "module.py"), "-o", lib,
                  "--header", os.path.join(BUILD, "bench.h")], cwd=ROOT).stdout
        wall.append((time.perf_counter() - t0) * 1000)
        own.append(float(re.search(r"\((\d+) ms\)", out).group(1)))
    sh(["cc", "-O2", "-shared", "-fPIC", "-o", os.path.join(BUILD, "libplain.so"), os.path.join(HERE, "plain.c")])
    sh(["cc", "-O2", "-o", os.path.join(BUILD, "calls"), os.path.join(HERE, "calls.c"), "-I", BUILD, "-L", BUILD, "-lbench", "-lplain",
        "-Wl,-rpath," + BUILD])
    calls = dict(line.split() for line in sh([os.path.join(BUILD, "calls"), str(a.calls)]).stdout.splitlines() if line.endswith(tuple("0123456789")) and " " in line and not line.startswith("("))
    rev = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    report = f"""# Ahead-of-time library: build time and call overhead from C

- Date: {datetime.date.today()}; machine: {cpu_model()}, {os.cpu_count()} CPUs; arrayjit {rev}
- Command: `python3 benchmarks/aot/run.py --builds {a.builds} --calls {a.calls}`
- Module: `benchmarks/aot/module.py`, five pycc exports (scalar, two 1-D, tuple-returning, prange), `--cpu baseline`

| measure | median | all |
|---|---|---|
| build, as `arrayjit aot` reports it (typing, LLVM object, C wrapper, `cc` link) | {statistics.median(own):.0f} ms | {', '.join(f'{x:.0f}' for x in own)} |
| build, wall clock of the command (adds starting the JVM) | {statistics.median(wall):.0f} ms | {', '.join(f'{x:.0f}' for x in wall)} |
| call from C: `mult(double, double, double *)` | {float(calls['scalar_ns']):.2f} ns | median of 7 rounds of {a.calls} calls |
| call from C: `dot(const aj_array *, const aj_array *, double *)`, 1 element | {float(calls['array_ns']):.2f} ns | same |
| plain C `double plain_mult(double, double)` in another shared library | {float(calls['plain_c_ns']):.2f} ns | same |

An export's call sets up the kernel's context (the Abi slots the kernel reads: allocation list,
thread count, and the thread's random state only for kernels that draw numbers), checks array
arguments against the signature, calls the entry point and frees what the kernel allocated;
the difference to the plain C call is that work.
"""
    print(report)
    if not a.no_write:
        path = os.path.join(ROOT, "benchmarks", "results", f"{datetime.date.today()}-aot.md")
        with open(path, "w") as fh:
            fh.write(report)
        print("wrote", os.path.relpath(path, ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
