#!/usr/bin/python3
"""Array expressions vs explicit loops, under arrayjit and under Numba, side by side in one run.

    /usr/bin/python3 benchmarks/array_exprs/run.py [--quick] [--kernels saxpy,dot] [--rounds R] [--no-write]

kernels.py holds pairs <name>_expr / <name>_loop that compute the same result. For every pair the
inputs are written as .npy files to a temporary folder (NumPy default_rng, fixed seed); then each
form runs, one after the other, (a) under Numba in a fresh Python process (median of N warm calls
after the first) and (b) under `bin/arrayjit run benchmarks/array_exprs/kernels.py FUNC ARGS
--repeat N --out DIR` (median_call_ms parsed from stderr). All four results are checked against
Numba's expression form. The bar: arrayjit's expr/loop ratio <= 1.30. The markdown table goes to
stdout and, with machine, versions and the exact command, to
benchmarks/results/<date>-array-exprs-<cpu>.md.
"""
import argparse
import datetime
import glob
import json
import os
import shlex
import shutil
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
RESULTS_DIR = os.path.join(BENCH, "results")
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import run_compare as rc  # noqa: E402 - helpers: timing regex, result check, formatting, machine info

BAR = 1.30
N1 = 4 * 10 ** 6  # 1-D: 4e6 float64, 32 MB per array: a few ms per pass, a short run
N2 = 2000  # 2-D: 2000x2000 float64


class Pair:
    """name: functions <name>_expr and <name>_loop in kernels.py. make_args(rng) -> arguments.
    result: 'return' or the index of the array argument holding the result."""

    def __init__(self, name, what, make_args, calls=20, quick_calls=5, result="return", tol=1e-12):
        self.name, self.what, self.make_args = name, what, make_args
        self.calls, self.quick_calls, self.result, self.tol = calls, quick_calls, result, tol


Z1, Z2 = (lambda: np.zeros(N1)), (lambda: np.zeros((N2, N2)))  # preallocated outputs of the *_into pairs
PAIRS = [
    Pair("saxpy", "`a * x + y`", lambda r: [2.0, r.random(N1), r.random(N1)]),
    Pair("saxpy_into", "`out[:] = a * x + y`", lambda r: [2.0, r.random(N1), r.random(N1), Z1()], result=3),
    Pair("poly", "`((x * 2.0 + 1.0) * x - 3.0) * x`", lambda r: [r.random(N1)]),
    Pair("poly_into", "`out[:] = ` the same", lambda r: [r.random(N1), Z1()], result=1),
    Pair("hypot", "`np.sqrt(x * x + y * y)`", lambda r: [r.random(N1), r.random(N1)]),
    Pair("hypot_into", "`out[:] = ` the same", lambda r: [r.random(N1), r.random(N1), Z1()], result=2),
    Pair("gauss", "`np.exp(-x * x)`", lambda r: [r.uniform(-3.0, 3.0, N1)]),
    Pair("gauss_into", "`out[:] = ` the same", lambda r: [r.uniform(-3.0, 3.0, N1), Z1()], result=1),
    Pair("where", "`np.where(x > 0.5, x, 0.0)`", lambda r: [r.random(N1)]),
    Pair("where_into", "`out[:] = ` the same", lambda r: [r.random(N1), Z1()], result=1),
    Pair("stencil1d", "`out = np.zeros_like(a); out[1:-1] = (a[:-2] + a[1:-1] + a[2:]) / 3.0`",
         lambda r: [r.random(N1)]),
    Pair("stencil1d_into", "`out[1:-1] = ` the same, `out` given", lambda r: [r.random(N1), Z1()], result=1),
    Pair("stencil2d", "5-point `out[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + ...)` into `np.zeros_like(a)`, "
         "2000x2000", lambda r: [r.random((N2, N2))]),
    Pair("stencil2d_into", "the same, `out` given", lambda r: [r.random((N2, N2)), Z2()], result=1),
    Pair("dot", "`np.sum(x * y)`", lambda r: [r.random(N1), r.random(N1)], tol=1e-9),
    Pair("maxdiff", "`np.max(np.abs(x - y))`", lambda r: [r.random(N1), r.random(N1)]),
    Pair("iterate", "10x `x = x * 0.5 + y` (loop: in place)", lambda r: [r.random(N1), r.random(N1)], calls=10,
         quick_calls=3),
]
FORMS = ("expr", "loop")


def jar_stamp():
    """When arrayjit's jars were last built: a build during the run would mix two compilers."""
    jars = glob.glob(os.path.join(ROOT, "*", "target", "*-SNAPSHOT.jar"))
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(max(map(os.path.getmtime, jars)))) if jars else "?"


def write_inputs(pair, folder):
    cli = []
    for i, a in enumerate(pair.make_args(np.random.default_rng(rc.SEED))):
        if isinstance(a, np.ndarray):
            cli.append(os.path.join(folder, "arg%d.npy" % i))
            np.save(cli[-1], np.ascontiguousarray(a))
        else:
            cli.append(repr(float(a)))
    return cli


def numba_worker(func, calls, result, out_path, cli_args):
    """In a fresh process, like arrayjit's fresh JVM."""
    import importlib.util
    import numba  # noqa: F401 - imported before any timing
    spec = importlib.util.spec_from_file_location("array_exprs_kernels", KERNELS_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    f, args = getattr(mod, func), rc.load_args(cli_args)
    t0 = time.perf_counter_ns()
    r = f(*args)
    first_ms = (time.perf_counter_ns() - t0) / 1e6
    times = []
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        r = f(*args)
        times.append((time.perf_counter_ns() - t0) / 1e6)
    np.save(out_path, np.asarray(r if result == "return" else args[int(result)]))
    median = statistics.median(times)
    print(json.dumps({"first_ms": first_ms, "median_ms": median, "compile_ms": first_ms - median}))


def run_numba(func, pair, cli_args, calls, work):
    out = os.path.join(work, "numba_%s.npy" % func)
    cmd = [sys.executable, os.path.abspath(__file__), "--numba-worker", func, str(calls), str(pair.result), out,
           "--", *cli_args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        return {"error": rc.last_lines(p.stderr)}
    return dict(json.loads(p.stdout.strip().splitlines()[-1]), result=out)


def arrayjit_cmd(func, cli_args, calls, outdir):
    return ["bin/arrayjit", "run", os.path.relpath(KERNELS_PY, ROOT), func, *cli_args,
            "--repeat", str(calls), "--out", outdir]


def run_arrayjit(func, pair, cli_args, calls, work):
    outdir = os.path.join(work, "arrayjit_" + func)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(arrayjit_cmd(func, cli_args, calls, outdir), cwd=ROOT, capture_output=True, text=True,
                           timeout=900)
    except subprocess.TimeoutExpired:
        return {"error": "timed out after 900 s"}
    m = rc.TIMING_RE.search(p.stderr)
    if p.returncode != 0 or not m:
        return {"error": "exit %d: %s" % (p.returncode, rc.last_lines(p.stderr or p.stdout, 8))}
    res = "return.npy" if pair.result == "return" else "arg%d.npy" % pair.result
    return {"compile_ms": float(m["compile"]), "first_ms": float(m["first"]), "median_ms": float(m["median"]),
            "wall_s": time.perf_counter() - t0, "result": os.path.join(outdir, res)}


def check(ref, runs, tol):
    """Worst of the three results against Numba's expr form: 'exact', 'close (rel x)' or 'MISMATCH ...'."""
    if "error" in ref:
        return "no Numba reference"
    verdicts = {label: rc.compare(ref["result"], r["result"], tol) for label, r in runs.items() if "error" not in r}
    bad = ["%s %s" % (label, v) for label, v in verdicts.items() if v.startswith("MISMATCH")]
    if bad:
        return "; ".join(bad)
    close = [v for v in verdicts.values() if v.startswith("close")]
    return max(close, key=lambda v: float(v.split()[-1].rstrip(")"))) if close else "exact"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer calls per kernel (same sizes)")
    ap.add_argument("--kernels", help="comma-separated subset of pairs, e.g. saxpy,dot")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run every pair R times, forms interleaved; report each form's middle round")
    ap.add_argument("--no-write", action="store_true", help="print only, do not write benchmarks/results/")
    opts = ap.parse_args()
    pairs = PAIRS
    if opts.kernels:
        want = opts.kernels.split(",")
        if set(want) - {p.name for p in PAIRS}:
            ap.error("unknown kernels: %s" % ", ".join(sorted(set(want) - {p.name for p in PAIRS})))
        pairs = [p for p in PAIRS if p.name in want]

    started, load_before, info = datetime.datetime.now(), os.getloadavg(), rc.machine_info()
    blocked = rc.arrayjit_warmup()
    if blocked:
        sys.exit("arrayjit: %s" % blocked)
    info["jar"] = jar_stamp()
    rows = []
    for pair in pairs:
        calls = pair.quick_calls if opts.quick else pair.calls
        work = tempfile.mkdtemp(prefix="arrayjit-exprs-%s-" % pair.name)
        try:
            cli_args = write_inputs(pair, work)
            print("== %s (N=%d)" % (pair.name, calls), file=sys.stderr, flush=True)
            row = {"pair": pair, "calls": calls, "cmd": {}}
            for rnd in range(opts.rounds):
                for form in FORMS:
                    func = "%s_%s" % (pair.name, form)
                    for impl, runner in (("numba", run_numba), ("arrayjit", run_arrayjit)):
                        r = runner(func, pair, cli_args, calls, work)
                        row.setdefault(("rounds", impl, form), []).append(r)
                        print("   %-8s %s: %s" % (impl, form, {k: v for k, v in r.items() if k != "result"}),
                              file=sys.stderr, flush=True)
                    row["cmd"][form] = " ".join(shlex.quote(x) for x in arrayjit_cmd(
                        func, [os.path.basename(a) if a.endswith(".npy") else a for a in cli_args], calls, "OUT"))
            for impl in ("numba", "arrayjit"):
                for form in FORMS:  # the middle round by median (the lower of two), else the first error
                    runs = row["rounds", impl, form]
                    ok = sorted((r for r in runs if "error" not in r), key=lambda r: r["median_ms"])
                    row[impl, form] = ok[(len(ok) - 1) // 2] if ok else runs[0]
            row["check"] = check(row["numba", "expr"], {"arrayjit expr": row["arrayjit", "expr"],
                                                       "arrayjit loop": row["arrayjit", "loop"],
                                                       "Numba loop": row["numba", "loop"]}, pair.tol)
            rows.append(row)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    if jar_stamp() != info["jar"]:
        info["jar"] += ", REBUILT during the run (now %s): rerun" % jar_stamp()
    report = render(rows, info, started, load_before, os.getloadavg(), opts)
    print(report)
    if not opts.no_write:
        os.makedirs(RESULTS_DIR, exist_ok=True)
        base = os.path.join(RESULTS_DIR, "%s-array-exprs-%s" % (started.strftime("%Y-%m-%d"), rc.slug(info["cpu"])))
        path = base + ".md" if not os.path.exists(base + ".md") else "%s-%s.md" % (base, started.strftime("%H%M%S"))
        with open(path, "w") as f:
            f.write(report)
        print("wrote %s" % os.path.relpath(path, ROOT), file=sys.stderr)


def render(rows, info, started, load_before, load_after, opts):
    ms = lambda r, k="median_ms": r.get(k) if "error" not in r else None
    out = ["# Array expressions vs explicit loops: arrayjit and Numba — %s" % started.strftime("%Y-%m-%d %H:%M"), ""]
    out.append("Command (from the repository root): `%s`" % " ".join(shlex.quote(x) for x in [
        "/usr/bin/python3", os.path.relpath(os.path.abspath(__file__), ROOT)] + sys.argv[1:]))
    out.append("")
    out.append("Machine: %s, %s CPU(s) (%s thread(s) per core), AVX-512: %s, %s RAM, Linux %s. Shared machine; "
               "load average %.2f before, %.2f after." % (
                   info["cpu"], info["cpus"], info["threads_per_core"], "yes" if info["flags_avx512"] else "no",
                   info["mem"], info["kernel"], load_before[0], load_after[0]))
    out.append("")
    out.append("Versions: Python %s, Numba %s (llvmlite %s, SVML %s), NumPy %s; %s; arrayjit %s, jars built %s." % (
        info["python"], info["numba"], info["llvmlite"], info["svml"], info["numpy"], info["java"], info["arrayjit"],
        info["jar"]))
    out.append("")
    out.append("Mode: %s%s. 1-D inputs: %d float64 (%d MB each); 2-D: %dx%d float64. Times in ms, medians of N warm "
               "calls (fresh process / JVM per kernel). Bar: arrayjit expr/loop ≤ %.2f (✓/✗). Results: the "
               "worst of arrayjit expr, arrayjit loop and Numba loop against Numba expr." % (
                   "quick" if opts.quick else "full", "" if opts.rounds == 1 else
                   ", %d rounds (forms interleaved; each form's middle median of the rounds)" % opts.rounds, N1, N1 * 8 // 10 ** 6, N2, N2, BAR))
    out.append("")
    out.append("| kernel | expression | N | arrayjit expr ms | arrayjit loop ms | expr/loop | Numba expr ms "
               "| Numba loop ms | Numba expr/loop | arrayjit/Numba (expr) | results |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        ae, al, ne, nl = (ms(r[k]) for k in (("arrayjit", "expr"), ("arrayjit", "loop"), ("numba", "expr"),
                                             ("numba", "loop")))
        out.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["pair"].name, r["pair"].what, r["calls"], rc.fmt_ms(ae), rc.fmt_ms(al), rc.ratio(ae, al, BAR),
            rc.fmt_ms(ne), rc.fmt_ms(nl), rc.ratio(ne, nl), rc.ratio(ae, ne), r["check"]))
    out.append("")
    fails = [(r["pair"].name, form, impl, x["error"]) for r in rows for impl in ("arrayjit", "numba")
             for form in FORMS for x in r["rounds", impl, form] if "error" in x]
    if fails or any("MISMATCH" in r["check"] for r in rows):
        out += ["## Failures", ""]
        if "REBUILT" in info["jar"]:
            out += ["arrayjit's jars were rebuilt during the run: errors such as `NoClassDefFoundError` come from "
                    "that, not from the kernel.", ""]
        out += ["- **%s_%s** (%s): `%s`" % f for f in fails]
        out += ["- **%s**: %s" % (r["pair"].name, r["check"]) for r in rows if "MISMATCH" in r["check"]]
        out.append("")
    out += ["## Details", "",
            "| kernel | arrayjit compile ms expr / loop | Numba compile ms expr / loop | arrayjit JVM wall s expr / loop "
            "| arrayjit command (expr; `_loop` the same) |", "|---|---:|---:|---:|---|"]
    for r in rows:
        both = lambda impl, key, f: " / ".join(f(ms(r[impl, form], key)) for form in FORMS)
        out.append("| %s | %s | %s | %s | `%s` |" % (
            r["pair"].name, both("arrayjit", "compile_ms", rc.fmt_ms), both("numba", "compile_ms", rc.fmt_ms),
            both("arrayjit", "wall_s", lambda v: "–" if v is None else "%.1f" % v), r["cmd"]["expr"]))
    out.append("")
    if opts.rounds > 1:
        out += ["Medians of every round (ms):", "", "| kernel | arrayjit expr | arrayjit loop | Numba expr | Numba loop |",
                "|---|---|---|---|---|"]
        for r in rows:
            out.append("| %s | %s |" % (r["pair"].name, " | ".join(", ".join(rc.fmt_ms(ms(x)) for x in r["rounds", impl, form])
                                                            for impl in ("arrayjit", "numba") for form in FORMS)))
        out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--numba-worker":
        # --numba-worker FUNC CALLS RESULT OUT -- ARGS...
        func, calls, result, out = sys.argv[2:6]
        assert sys.argv[6] == "--"
        numba_worker(func, int(calls), result, out, sys.argv[7:])
    else:
        main()
