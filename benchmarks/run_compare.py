#!/usr/bin/python3
"""Side-by-side benchmark: Numba vs arrayjit vs gcc -O3 -march=native C, kernel by kernel.

Run from anywhere, with the Python that has Numba 0.56 + NumPy:

    /usr/bin/python3 benchmarks/run_compare.py [--quick] [--kernels a,b,...] [--no-write]

For every kernel in benchmarks/kernels/ it writes the inputs as .npy files to a temporary
folder, then, one after the other on the same inputs:
  (a) Numba, in a fresh Python process: compile time = first call - median warm call,
      and the median of N warm calls;
  (b) arrayjit: `bin/arrayjit run benchmarks/kernels/K.py FUNC ARGS --repeat N --out DIR`,
      parsing `timing: compile_ms=.. first_call_ms=.. median_call_ms=.. calls=N` from stderr;
  (c) C: benchmarks/c/K.c built with gcc -O3 -march=native, median of N calls.
It checks arrayjit's and C's results against Numba's, prints a markdown table and writes it,
with the machine, versions and the exact command, to benchmarks/results/<date>-<cpu>.md.
"""
import argparse
import datetime
import importlib.util
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KERNEL_DIR = os.path.join(HERE, "kernels")
C_DIR = os.path.join(HERE, "c")
C_BIN_DIR = os.path.join(HERE, "build", "c")  # benchmarks/build/ is git-ignored
RESULTS_DIR = os.path.join(HERE, "results")
ARRAYJIT = os.path.join(ROOT, "bin", "arrayjit")
CFLAGS = ["-O3", "-march=native"]

TIMING_RE = re.compile(
    r"^timing: compile_ms=(?P<compile>[-+0-9.eE]+) first_call_ms=(?P<first>[-+0-9.eE]+) "
    r"median_call_ms=(?P<median>[-+0-9.eE]+) calls=(?P<calls>\d+)\s*$", re.M)
C_TIMING_RE = re.compile(r"^timing: median_call_ms=(?P<median>[-+0-9.eE]+) calls=(?P<calls>\d+)\s*$", re.M)

SEED = 20240601
# For the call-overhead kernel Numba's N calls are timed in batches of TINY_BATCH (one call is
# near the clock's resolution), the median batch divided by TINY_BATCH; the C harness times
# batches of 1e6 calls. arrayjit's CLI times every call on its own.
TINY_BATCH = 1000


class Kernel:
    """name: file benchmarks/kernels/<name>.py and benchmarks/c/<name>.c.
    make_args(rng) -> list of arguments (np.ndarray or Python int/float).
    result: 'return' or the index of the array argument that holds the result."""

    def __init__(self, name, func, make_args, calls, quick_calls, result="return", tol=1e-12, tiny=False):
        self.name, self.func, self.make_args = name, func, make_args
        self.calls, self.quick_calls = calls, quick_calls
        self.result, self.tol, self.tiny = result, tol, tiny


N7 = 10 ** 7
KERNELS = [
    Kernel("sum_array", "sum_array", lambda r: [r.random(N7)], 20, 5, tol=1e-9),
    Kernel("dot", "dot", lambda r: [r.random(N7), r.random(N7)], 20, 5, tol=1e-9),
    Kernel("saxpy", "saxpy", lambda r: [2.0, r.random(N7), r.random(N7)], 20, 5),
    Kernel("stencil2d", "stencil2d", lambda r: [r.random((2000, 2000)), np.zeros((2000, 2000))], 20, 5,
           result=1),
    Kernel("mandelbrot", "mandelbrot", lambda r: [400, 300, 200], 10, 3),
    Kernel("matmul", "matmul", lambda r: [r.random((256, 256)), r.random((256, 256))], 10, 3, tol=1e-9),
    Kernel("sin_exp", "sin_exp", lambda r: [r.uniform(-3.0, 3.0, N7)], 10, 3),
    Kernel("tiny_add", "add", lambda r: [3, 4], 100000, 10000, tiny=True),
    Kernel("bubble_sort", "sort_copy", lambda r: [r.integers(-10 ** 6, 10 ** 6, 2000, dtype=np.int64)], 20, 5),
]
C_CALLS_TINY = (50, 10)  # samples of 1e6 calls each (normal, quick)


# --------------------------------------------------------------------------- inputs

def write_inputs(kernel, folder):
    """Writes array arguments as arg<i>.npy; returns (cli_args, c_args)."""
    rng = np.random.default_rng(SEED)
    cli = []
    for i, a in enumerate(kernel.make_args(rng)):
        if isinstance(a, np.ndarray):
            path = os.path.join(folder, "arg%d.npy" % i)
            np.save(path, np.ascontiguousarray(a))
            cli.append(path)
        elif isinstance(a, float):
            cli.append(repr(a))  # always has '.', 'e', 'inf' or 'nan': a float64 literal
        elif isinstance(a, (int, np.integer)):
            cli.append(str(int(a)))
        else:
            raise TypeError(a)
    return cli, list(cli)


def load_args(cli_args):
    out = []
    for a in cli_args:
        if a.endswith(".npy"):
            out.append(np.load(a))
        elif re.fullmatch(r"[-+]?\d+", a):
            out.append(int(a))
        else:
            out.append(float(a))
    return out


# --------------------------------------------------------------------------- numba

def numba_worker(name, func, cli_args, calls, tiny, out_path):
    """Runs in a fresh process (like arrayjit's fresh JVM), so the first compile includes
    Numba's one-time start-up work just as arrayjit's includes LLVM's."""
    import numba  # imported before any timing
    spec = importlib.util.spec_from_file_location("bench_" + name, os.path.join(KERNEL_DIR, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    f = getattr(mod, func)
    args = load_args(cli_args)
    t0 = time.perf_counter_ns()
    r = f(*args)
    first_ms = (time.perf_counter_ns() - t0) / 1e6
    times = []
    if tiny:
        a, b = args
        for _ in range(max(1, calls // TINY_BATCH)):
            t0 = time.perf_counter_ns()
            for _ in range(TINY_BATCH):
                f(a, b)
            times.append((time.perf_counter_ns() - t0) / 1e6 / TINY_BATCH)
    else:
        for _ in range(calls):
            t0 = time.perf_counter_ns()
            r = f(*args)
            times.append((time.perf_counter_ns() - t0) / 1e6)
    median = statistics.median(times)
    result = r if isinstance(r, np.ndarray) or r is not None else None
    if result is not None:
        np.save(out_path, np.asarray(result))
    else:
        # in-place kernel: save every array argument as it is after the calls
        for i, a in enumerate(args):
            if isinstance(a, np.ndarray):
                np.save(out_path.replace(".npy", ".arg%d.npy" % i), a)
    print(json.dumps({"first_ms": first_ms, "median_ms": median, "compile_ms": first_ms - median,
                      "calls": calls, "numba": numba.__version__}))


def run_numba(kernel, cli_args, calls, work):
    out = os.path.join(work, "numba_result.npy")
    cmd = [sys.executable, os.path.abspath(__file__), "--numba-worker", kernel.name, kernel.func,
           str(calls), "1" if kernel.tiny else "0", out, "--", *cli_args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        return {"error": last_lines(p.stderr)}
    d = json.loads(p.stdout.strip().splitlines()[-1])
    d["result"] = out if kernel.result == "return" else out.replace(".npy", ".arg%d.npy" % kernel.result)
    return d


# --------------------------------------------------------------------------- arrayjit

def arrayjit_cmd(kernel, cli_args, calls, outdir):
    rel = os.path.relpath(os.path.join(KERNEL_DIR, kernel.name + ".py"), ROOT)
    return ["bin/arrayjit", "run", rel, kernel.func, *cli_args, "--repeat", str(calls), "--out", outdir]


def run_arrayjit(kernel, cli_args, calls, work):
    outdir = os.path.join(work, "arrayjit_out")
    os.makedirs(outdir, exist_ok=True)
    cmd = arrayjit_cmd(kernel, cli_args, calls, outdir)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after 900 s"}
    wall = time.perf_counter() - t0
    m = TIMING_RE.search(p.stderr)
    if p.returncode != 0 or not m:
        return {"error": "exit %d: %s" % (p.returncode, last_lines(p.stderr or p.stdout)), "wall_s": wall}
    res = os.path.join(outdir, "return.npy" if kernel.result == "return" else "arg%d.npy" % kernel.result)
    return {"compile_ms": float(m["compile"]), "first_ms": float(m["first"]), "median_ms": float(m["median"]),
            "calls": int(m["calls"]), "wall_s": wall, "result": res, "stdout": p.stdout.strip()[:200]}


def arrayjit_warmup():
    """Builds arrayjit if needed (bin/arrayjit does that on first use), outside every timing."""
    if not os.access(ARRAYJIT, os.X_OK):
        return "bin/arrayjit not found"
    try:
        p = subprocess.run(["bin/arrayjit", "run", "benchmarks/kernels/tiny_add.py", "add", "1", "2"],
                           cwd=ROOT, capture_output=True, text=True, timeout=1800)
    except subprocess.TimeoutExpired:
        return "bin/arrayjit warm-up timed out"
    if p.returncode != 0 or p.stdout.strip() != "3":
        return "warm-up `bin/arrayjit run benchmarks/kernels/tiny_add.py add 1 2` failed (exit %d, stdout %r): %s" % (
            p.returncode, p.stdout.strip()[:100], last_lines(p.stderr))
    return None


# --------------------------------------------------------------------------- C

def build_c(names):
    os.makedirs(C_BIN_DIR, exist_ok=True)
    header = os.path.join(C_DIR, "harness.h")
    errors = {}
    for name in names:
        src, exe = os.path.join(C_DIR, name + ".c"), os.path.join(C_BIN_DIR, name)
        if (os.path.exists(exe) and os.path.getmtime(exe) >= os.path.getmtime(src)
                and os.path.getmtime(exe) >= os.path.getmtime(header)):
            continue
        p = subprocess.run(["gcc", *CFLAGS, "-o", exe, src, "-lm"], capture_output=True, text=True)
        if p.returncode != 0:
            errors[name] = last_lines(p.stderr)
    return errors


def run_c(kernel, c_args, calls, work):
    out = os.path.join(work, "c_result.npy")
    p = subprocess.run([os.path.join(C_BIN_DIR, kernel.name), str(calls), out, *c_args],
                       capture_output=True, text=True, timeout=600)
    m = C_TIMING_RE.search(p.stderr)
    if p.returncode != 0 or not m:
        return {"error": "exit %d: %s" % (p.returncode, last_lines(p.stderr))}
    return {"median_ms": float(m["median"]), "calls": int(m["calls"]), "result": out}


# --------------------------------------------------------------------------- checks and report

def last_lines(text, n=4):
    lines = [l for l in (text or "").strip().splitlines() if l.strip()]
    return " | ".join(lines[:n]) if lines else "(no output)"


def compare(ref_path, got_path, tol):
    """'exact', 'close (rel 1.2e-16)' or 'MISMATCH: ...'."""
    if not got_path or not os.path.exists(got_path):
        return "MISMATCH: no result file"
    ref, got = np.load(ref_path), np.load(got_path)
    if ref.shape != got.shape:
        return "MISMATCH: shape %s vs %s" % (got.shape, ref.shape)
    if ref.dtype != got.dtype:
        if ref.dtype.kind != got.dtype.kind:
            return "MISMATCH: dtype %s vs %s" % (got.dtype, ref.dtype)
    if np.array_equal(ref, got):
        return "exact" if ref.dtype == got.dtype else "exact (dtype %s vs %s)" % (got.dtype, ref.dtype)
    if ref.dtype.kind in "iub":
        return "MISMATCH: %d of %d elements differ" % (int(np.count_nonzero(ref != got)), ref.size)
    scale = max(float(np.max(np.abs(ref))), 1e-300)
    rel = float(np.max(np.abs(ref.astype(np.float64) - got.astype(np.float64)))) / scale
    if rel <= tol and np.array_equal(np.isnan(ref), np.isnan(got)):
        return "close (rel %.1e)" % rel
    return "MISMATCH: max |diff|/max|ref| = %.3e" % rel


def fmt_ms(v):
    if v is None:
        return "–"
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return "%.0f" % v
    if abs(v) >= 0.01:
        return "%.3g" % v
    return "%.2e" % v


def ratio(a, b, bar=None):
    if a is None or b is None or b == 0:
        return "–"
    r = a / b
    s = "%.2f" % r if r >= 0.01 else "%.1e" % r
    if bar is not None:
        s += " ✓" if r <= bar else " ✗"
    return s


def sh(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception as e:  # noqa: BLE001 - informational only
        return "(%s)" % e


def machine_info():
    lscpu = sh(["lscpu"])
    field = lambda k: next((l.split(":", 1)[1].strip() for l in lscpu.splitlines() if l.startswith(k + ":")), "?")
    import numba
    import llvmlite
    java = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
    jv = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.strip().splitlines() \
        if os.path.exists(java) else ["(JDK 25 not found at %s)" % java]
    march = next((l.split()[-1] for l in sh(["gcc", *CFLAGS, "-Q", "--help=target"]).splitlines()
                  if l.strip().startswith("-march=")), "?")
    rev = sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = sh(["git", "-C", ROOT, "status", "--porcelain"])
    return {
        "cpu": field("Model name"), "cpus": field("CPU(s)"), "threads_per_core": field("Thread(s) per core"),
        "nproc": str(os.cpu_count()), "flags_avx512": "avx512f" in field("Flags"),
        "mem": next((l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?"),
        "kernel": platform.release(), "python": sys.version.split()[0], "numba": numba.__version__,
        "llvmlite": llvmlite.__version__, "numpy": np.__version__,
        "svml": getattr(numba.config, "USING_SVML", "?"),
        "gcc": sh(["gcc", "--version"]).splitlines()[0], "march": march, "java": jv[0] if jv else "?",
        "arrayjit": rev + (" (uncommitted changes in the tree)" if dirty else ""),
    }


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-") or "cpu"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer calls per kernel (same problem sizes)")
    ap.add_argument("--kernels", help="comma-separated subset, e.g. dot,matmul")
    ap.add_argument("--calls", type=int, help="override N for every kernel (tiny_add: x1000)")
    ap.add_argument("--skip-arrayjit", action="store_true", help="only Numba and C")
    ap.add_argument("--no-write", action="store_true", help="print the table, do not write benchmarks/results/")
    opts = ap.parse_args()

    kernels = KERNELS
    if opts.kernels:
        want = opts.kernels.split(",")
        unknown = set(want) - {k.name for k in KERNELS}
        if unknown:
            ap.error("unknown kernels: %s" % ", ".join(sorted(unknown)))
        kernels = [k for k in KERNELS if k.name in want]

    started = datetime.datetime.now()
    load_before = os.getloadavg()
    info = machine_info()
    c_errors = build_c([k.name for k in kernels])
    aj_blocked = "skipped (--skip-arrayjit)" if opts.skip_arrayjit else arrayjit_warmup()
    if aj_blocked:
        print("arrayjit: %s" % aj_blocked, file=sys.stderr)

    rows = []
    for k in kernels:
        calls = opts.calls * (1000 if k.tiny else 1) if opts.calls else (k.quick_calls if opts.quick else k.calls)
        c_calls = C_CALLS_TINY[1 if opts.quick else 0] if k.tiny else calls
        work = tempfile.mkdtemp(prefix="arrayjit-bench-%s-" % k.name)
        try:
            cli_args, c_args = write_inputs(k, work)
            print("== %s (N=%d)" % (k.name, calls), file=sys.stderr, flush=True)
            nb = run_numba(k, cli_args, calls, work)
            print("   numba:    %s" % {x: y for x, y in nb.items() if x != "result"}, file=sys.stderr, flush=True)
            aj = {"error": aj_blocked} if aj_blocked else run_arrayjit(k, cli_args, calls, work)
            print("   arrayjit: %s" % {x: y for x, y in aj.items() if x != "result"}, file=sys.stderr, flush=True)
            c = {"error": c_errors[k.name]} if k.name in c_errors else run_c(k, c_args, c_calls, work)
            print("   C:        %s" % {x: y for x, y in c.items() if x != "result"}, file=sys.stderr, flush=True)
            row = {"kernel": k.name, "func": k.func, "calls": calls, "c_calls": c_calls, "numba": nb,
                   "arrayjit": aj, "c": c, "cmd": " ".join(shlex.quote(x) for x in arrayjit_cmd(
                       k, [os.path.basename(a) if a.endswith(".npy") else a for a in cli_args], calls, "OUT"))}
            if "error" not in nb:
                row["check_aj"] = "–" if "error" in aj else compare(nb["result"], aj["result"], k.tol)
                row["check_c"] = "–" if "error" in c else compare(nb["result"], c["result"], k.tol)
            else:
                row["check_aj"] = row["check_c"] = "no Numba reference"
            rows.append(row)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    report = render(rows, info, started, load_before, os.getloadavg(), opts, aj_blocked)
    print(report)
    if not opts.no_write:
        os.makedirs(RESULTS_DIR, exist_ok=True)
        base = "%s-%s" % (started.strftime("%Y-%m-%d"), slug(info["cpu"]))
        path = os.path.join(RESULTS_DIR, base + ".md")
        if os.path.exists(path):
            path = os.path.join(RESULTS_DIR, "%s-%s.md" % (base, started.strftime("%H%M%S")))
        with open(path, "w") as f:
            f.write(report)
        print("wrote %s" % os.path.relpath(path, ROOT), file=sys.stderr)


def render(rows, info, started, load_before, load_after, opts, aj_blocked):
    g = lambda d, k: d.get(k) if "error" not in d else None
    out = []
    out.append("# arrayjit vs Numba vs C — %s" % started.strftime("%Y-%m-%d %H:%M"))
    out.append("")
    out.append("Command (from the repository root): `%s`" % " ".join(
        shlex.quote(x) for x in ["/usr/bin/python3", os.path.relpath(os.path.abspath(__file__), ROOT)] + sys.argv[1:]))
    out.append("")
    out.append("Machine: %s, %s CPU(s) (%s thread(s) per core; os.cpu_count() %s), AVX-512: %s, %s RAM, Linux %s. "
               "Shared machine; load average %.2f before, %.2f after." % (
                   info["cpu"], info["cpus"], info["threads_per_core"], info["nproc"],
                   "yes" if info["flags_avx512"] else "no", info["mem"], info["kernel"], load_before[0], load_after[0]))
    out.append("")
    out.append("Versions: Python %s, Numba %s (llvmlite %s, SVML %s), NumPy %s; %s, `%s` (-march=native = %s); %s; "
               "arrayjit %s." % (info["python"], info["numba"], info["llvmlite"], info["svml"], info["numpy"],
                                 info["gcc"], " ".join(["gcc"] + CFLAGS), info["march"], info["java"],
                                 info["arrayjit"]))
    out.append("")
    out.append("Mode: %s. Times in ms; medians of N warm calls; compile = first call − median warm call for Numba "
               "(fresh process per kernel), `compile_ms` from the CLI for arrayjit (fresh JVM per kernel). "
               "Bars: compile ratio ≤ 0.20, arrayjit/numba ≤ 1.00, arrayjit/C ≤ 1.10 (✓/✗)." % (
                   "quick" if opts.quick else "full"))
    out.append("")
    out.append("| kernel | N | numba compile ms | arrayjit compile ms | ratio | numba median ms | arrayjit median ms "
               "| C median ms | arrayjit/numba | arrayjit/C | arrayjit result | C result |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for r in rows:
        nb, aj, c = r["numba"], r["arrayjit"], r["c"]
        out.append("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["kernel"], r["calls"], fmt_ms(g(nb, "compile_ms")), fmt_ms(g(aj, "compile_ms")),
            ratio(g(aj, "compile_ms"), g(nb, "compile_ms"), 0.20),
            fmt_ms(g(nb, "median_ms")), fmt_ms(g(aj, "median_ms")), fmt_ms(g(c, "median_ms")),
            ratio(g(aj, "median_ms"), g(nb, "median_ms"), 1.00), ratio(g(aj, "median_ms"), g(c, "median_ms"), 1.10),
            "FAILED" if "error" in aj and not aj_blocked else ("–" if "error" in aj else r["check_aj"]),
            r["check_c"]))
    out.append("")
    tiny = next((r for r in rows if r["kernel"] == "tiny_add"), None)
    if tiny:
        ns = lambda d: "%.0f ns" % (d["median_ms"] * 1e6) if "error" not in d else "–"
        out.append("Call overhead (tiny_add, `add(3, 4)`): Numba from Python %s per call (median of %d batches of "
                   "%d calls, loop overhead included); arrayjit %s per call (CLI median of %d individually timed calls, including the Java "
                   "API's per-call argument marshalling and the clock read); C %s per call through a function "
                   "pointer (median of %d batches of 1e6 calls)." % (
                       ns(tiny["numba"]), max(1, tiny["calls"] // TINY_BATCH), TINY_BATCH, ns(tiny["arrayjit"]), tiny["calls"],
                       ns(tiny["c"]), tiny["c_calls"]))
        out.append("")
    fails = [r for r in rows if "error" in r["arrayjit"] and not aj_blocked]
    mism = [r for r in rows if r.get("check_aj", "").startswith("MISMATCH") or r.get("check_c", "").startswith("MISMATCH")]
    if aj_blocked:
        out.append("**arrayjit not measured:** %s" % aj_blocked)
        out.append("")
    if fails or mism:
        out.append("## Failures")
        out.append("")
        for r in fails:
            out.append("- **%s** (arrayjit): `%s`" % (r["kernel"], r["arrayjit"]["error"]))
        for r in mism:
            out.append("- **%s**: arrayjit %s; C %s" % (r["kernel"], r.get("check_aj"), r.get("check_c")))
        for r in rows:
            for side in ("numba", "c"):
                if "error" in r[side]:
                    out.append("- **%s** (%s): `%s`" % (r["kernel"], side, r[side]["error"]))
        out.append("")
    out.append("## Details")
    out.append("")
    out.append("| kernel | numba first call ms | arrayjit first call ms | arrayjit JVM wall s | arrayjit command |")
    out.append("|---|---:|---:|---:|---|")
    for r in rows:
        nb, aj = r["numba"], r["arrayjit"]
        wall = "%.1f" % aj["wall_s"] if "wall_s" in aj else "–"
        out.append("| %s | %s | %s | %s | `%s` |" % (r["kernel"], fmt_ms(g(nb, "first_ms")), fmt_ms(g(aj, "first_ms")),
                                                   wall, r["cmd"]))
    out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--numba-worker":
        # --numba-worker NAME FUNC CALLS TINY OUT -- ARGS...
        name, func, calls, tiny, out = sys.argv[2:7]
        assert sys.argv[7] == "--"
        numba_worker(name, func, sys.argv[8:], int(calls), tiny == "1", out)
    else:
        main()
