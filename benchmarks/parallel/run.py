#!/usr/bin/python3
"""Parallel speed-ups and @vectorize against explicit loops, under arrayjit and under Numba.

    /usr/bin/python3 benchmarks/parallel/run.py [--quick] [--threads T] [--rounds R] [--cases sumsq,wave] [--no-write]

kernels.py holds each computation twice: <name>_serial and <name>_parallel (a prange reduction
over 1e8 float64; @vectorize functions with target='parallel' over 1e7, one memory-bound and one
compute-bound; the memory-bound one again written into a given array), and wave_loop, the
@vectorize body written as an explicit loop. Every form runs in a fresh process: under Numba
(NUMBA_NUM_THREADS=T, median of N warm calls) and under `bin/arrayjit run ... --repeat N`
(ARRAYJIT_NUM_THREADS=T, median_call_ms from stderr). Results are checked against Numba's serial
form. The markdown table goes to stdout and, with machine and versions, to
benchmarks/results/<date>-parallel-<cpu>.md. The goal: a speed-up of 1.8 or more with 2 threads.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
KERNELS_PY = os.path.join(HERE, "kernels.py")
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True
import run_compare as rc  # noqa: E402 - timing regex, result check, machine info, warm-up

# (name, what, functions compared (baseline first), inputs, calls (full, quick), tolerance)
CASES = [
    ("sumsq", "prange reduction `s += a[i] * a[i]`, 1e8 float64", ("sumsq_serial", "sumsq_parallel"),
     lambda r: [r.random(10 ** 8)], (10, 3), 1e-9),
    ("wave", "@vectorize `sqrt(x*x+y*y)*exp(-x)+sin(y)`, 1e7 float64, new result", ("wave_serial", "wave_parallel"),
     lambda r: [r.random(10 ** 7), r.random(10 ** 7)], (10, 3), 1e-12),
    ("cbrt", "@vectorize: 40 Newton steps for a cube root per element (compute-bound), 1e7 float64, new result",
     ("cbrt_serial", "cbrt_parallel"), lambda r: [r.random(10 ** 7) * 100.0], (10, 3), 1e-12),
    ("wave_into", "the same @vectorize called in a kernel as `out[:] = wave(x, y)`: no allocation, parallel=True or not",
     ("wave_into_serial", "wave_into_parallel"), lambda r: [r.random(10 ** 7), r.random(10 ** 7), np.zeros(10 ** 7)], (10, 3), 1e-12),
    ("wave_vs_loop", "the same @vectorize (cpu) against an explicit loop", ("wave_loop", "wave_serial"),
     lambda r: [r.random(10 ** 7), r.random(10 ** 7)], (10, 3), 1e-12),
]


def write_inputs(make, folder):
    paths = []
    for i, a in enumerate(make(np.random.default_rng(rc.SEED))):
        paths.append(os.path.join(folder, "arg%d.npy" % i))
        np.save(paths[-1], a)
    return paths


def numba_worker(func, calls, out_path, paths):
    import importlib.util
    import numba  # noqa: F401
    spec = importlib.util.spec_from_file_location("parallel_kernels", KERNELS_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    f, args = getattr(mod, func), [np.load(p) for p in paths]
    r = f(*args)
    times = []
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        r = f(*args)
        times.append((time.perf_counter_ns() - t0) / 1e6)
    np.save(out_path, np.asarray(r))
    print(json.dumps({"median_ms": statistics.median(times)}))


def run_numba(func, paths, calls, threads, work):
    out = os.path.join(work, "numba_%s.npy" % func)
    env = dict(os.environ, NUMBA_NUM_THREADS=str(threads))
    p = subprocess.run([sys.executable, os.path.abspath(__file__), "--numba-worker", func, str(calls), out, "--", *paths],
                       capture_output=True, text=True, timeout=1200, env=env)
    if p.returncode != 0:
        return {"error": rc.last_lines(p.stderr)}
    return dict(json.loads(p.stdout.strip().splitlines()[-1]), result=out)


def run_arrayjit(func, paths, calls, threads, work):
    outdir = os.path.join(work, "arrayjit_" + func)
    env = dict(os.environ, ARRAYJIT_NUM_THREADS=str(threads))
    cmd = ["bin/arrayjit", "run", os.path.relpath(KERNELS_PY, ROOT), func, *paths, "--repeat", str(calls), "--out", outdir]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1200, env=env)
    m = rc.TIMING_RE.search(p.stderr)
    if p.returncode != 0 or not m:
        return {"error": "exit %d: %s" % (p.returncode, rc.last_lines(p.stderr or p.stdout, 8))}
    return {"median_ms": float(m["median"]), "result": os.path.join(outdir, "return.npy")}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer calls (same sizes)")
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="threads of the parallel forms (default: all CPUs)")
    ap.add_argument("--cases", help="comma-separated subset: sumsq,wave,wave_vs_loop")
    ap.add_argument("--rounds", type=int, default=3,
                    help="fresh processes per form, interleaved; the table gives the median round (default 3)")
    ap.add_argument("--no-write", action="store_true", help="print only, do not write benchmarks/results/")
    opts = ap.parse_args()
    started, load_before, info = datetime.datetime.now(), os.getloadavg(), rc.machine_info()
    blocked = rc.arrayjit_warmup()
    if blocked:
        sys.exit("arrayjit: %s" % blocked)
    lines = ["| case | what | impl | %s ms | %s ms | ratio | results |" % ("baseline", "compared"),
             "|---|---|---|---:|---:|---:|---|"]
    for name, what, (base, other), make, calls, tol in CASES:
        if opts.cases and name not in opts.cases.split(","):
            continue
        n = calls[1] if opts.quick else calls[0]
        work = tempfile.mkdtemp(prefix="arrayjit-parallel-%s-" % name)
        paths = write_inputs(make, work)
        print("== %s (N=%d)" % (name, n), file=sys.stderr, flush=True)
        rounds = {}
        for _ in range(opts.rounds):
            for impl, runner in (("numba", run_numba), ("arrayjit", run_arrayjit)):
                for func in (base, other):
                    r = runner(func, paths, n, opts.threads, work)
                    rounds.setdefault((impl, func), []).append(r)
                    print("   %-8s %s: %s" % (impl, func, {k: v for k, v in r.items() if k != "result"}), file=sys.stderr, flush=True)
        runs = {}
        for key, rs in rounds.items():  # the median round (the lower of two), else the first error
            ok = sorted((r for r in rs if "error" not in r), key=lambda r: r["median_ms"])
            runs[key] = ok[(len(ok) - 1) // 2] if ok else rs[0]
        ref = runs["numba", base]
        for impl in ("numba", "arrayjit"):
            a, b = runs[impl, base], runs[impl, other]
            if "error" in a or "error" in b:
                lines.append("| %s | %s | %s | %s | %s | | |" % (name, what, impl, a.get("error", ""), b.get("error", "")))
                continue
            verdict = "; ".join(rc.compare(ref["result"], r["result"], tol) for r in (a, b)) if "error" not in ref else "no reference"
            lines.append("| %s | %s | %s | %s | %s | %.2f | %s |" % (name, what, impl, rc.fmt_ms(a["median_ms"]),
                                                                 rc.fmt_ms(b["median_ms"]), a["median_ms"] / b["median_ms"], verdict))
    table = "\n".join(lines)
    print(table)
    if opts.no_write:
        return
    text = ["# Parallel speed-ups and @vectorize vs loops, %s" % started.strftime("%Y-%m-%d %H:%M"), "",
            "Ratio: baseline time / compared time (for sumsq and wave the serial form over the parallel one, "
            "with %d threads: the speed-up; for wave_vs_loop the explicit loop over the @vectorize call)." % opts.threads, "",
            table, "", "Machine: %s" % json.dumps(info), "",
            "Load average before and after: %s, %s" % (load_before, os.getloadavg()), "",
            "Each figure is the median round of %d fresh processes per form; within a process, the median of its warm "
            "calls. Results include allocating the new result array where there is one (page faults of 80 MB)." % opts.rounds, "",
            "Command: `/usr/bin/python3 benchmarks/parallel/run.py%s --threads %d --rounds %d`"
            % (" --quick" if opts.quick else "", opts.threads, opts.rounds)]
    out = os.path.join(BENCH, "results", "%s-parallel-%s.md" % (started.strftime("%Y-%m-%d"), rc.slug(info.get("cpu", "cpu"))))
    if os.path.exists(out):
        out = out[:-3] + started.strftime("-%H%M%S") + ".md"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(text) + "\n")
    print("wrote %s" % os.path.relpath(out, ROOT), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--numba-worker":
        sep = sys.argv.index("--")
        numba_worker(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[sep + 1:])
    else:
        main()
