#!/usr/bin/python3
"""Regenerates the golden data of the gpu/ corpus from Numba's CUDA simulator.

Usage (Numba 0.56 + NumPy are only visible to the system interpreter; see tests/README.md):

    /usr/bin/python3 tests/golden-tools/generate_gpu.py                 # every gpu/*.py
    /usr/bin/python3 tests/golden-tools/generate_gpu.py gpu_matmul      # only these (stem or path)
    /usr/bin/python3 tests/golden-tools/generate_gpu.py --check         # exit 1 if anything would change

Each ``tests/src/test/resources/gpu/<name>.py`` is plain Numba source with ``@cuda.jit`` kernels and
``# CASE: kern[GRID, BLOCK](ARG, ...)`` lines: GRID and BLOCK are an int or a tuple of 1-3 ints, the
arguments Python expressions as in the run/ corpus, tags after a second ``#`` as in generate.py
(``ulp=N``, ``unspecified``, ``note=...``; a ``# ULP: N`` line sets the file's default). The script
sets NUMBA_ENABLE_CUDASIM=1 before Numba is imported, so every launch runs in Numba's CUDA
simulator (each GPU thread a Python thread, each block after the other), and writes

    gpu/<name>.cases.json        the manifest, in the format of run/*.cases.json plus ``launch``
    gpu/data/<name>.npz          case<k>.arg<i>.npy inputs (identical ones shared) and
                                 case<k>.arg<i>.after.npy: EVERY array argument after the launch
                                 (``mutated`` lists them all, changed or not)

Kernels return nothing: ``returns`` and ``return_type`` are ``"none"``, ``result`` is null. A launch
that raises records ``raises``/``message`` (the simulator prefixes the message with the failing
thread: ``tid=[8, 0, 0] ctaid=[1, 0, 0]: index 16 is out of bounds for axis 0 with size 16``) and no
arrays after it. Only IndexError may be raised: other exceptions (ValueError from ``math.sqrt(-1)``,
ZeroDivisionError from a Python int ``// 0``, NameError, ...) are simulator-only behaviour or mistakes
in the corpus, and fail the file. So does a NumPy warning during a launch that does not raise (the
simulator computes with NumPy scalars: int32 * int32 wraps with a warning where Numba computes in
int64; float division by zero warns).

Independent CPU check: a plain (undecorated) function ``ref_<kernel>`` of the file, taking the same
arguments, is called with fresh arguments (plain Python + NumPy, no Numba); every array argument
afterwards must equal the simulator's: integers and bools exactly, floats within 1e-12 relative (or
the case's ulp tolerance), NaN matching NaN. A ref that also needs the launch configuration declares
keyword-only parameters ``grid`` and/or ``block`` (tuples of ints). Every case that does not raise
needs a ref; ``unspecified`` cases are not checked. Each case is launched a second time with the
blocks, and the threads in each block, started in the reverse order: both runs must agree bit for
bit (a device runs them in any order), which catches races and float atomics whose order shows in
the rounding. A disagreement fails the file, naming file:line and both values.

Limits, to keep the simulator fast: at most 256 threads per block and 1024 per launch.
"""
import argparse
import ast
import inspect
import os
import sys
import time
import types as pytypes
import warnings

os.environ["NUMBA_ENABLE_CUDASIM"] = "1"  # before anything imports numba
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import numba  # noqa: E402
from numba.cuda.simulator import kernel as simkernel  # noqa: E402
from numba.cuda.simulator.kernel import FakeCUDAKernel  # noqa: E402

import generate as gen  # noqa: E402  (imports numba too: after the simulator switch)
from generate import CorpusError  # noqa: E402

GPU_DIR = os.path.normpath(os.path.join(gen.HERE, "..", "src", "test", "resources", "gpu"))
MAX_BLOCK_THREADS = 256
MAX_LAUNCH_THREADS = 1024
REL_TOL = 1e-12
RAISES_OK = ("IndexError",)  # what a real device can report as well (bounds-checked targets)


# ----------------------------------------------------------------------------- parsing

def launch_dims(src, where):
    """'(2, 2)' or '8' -> [2, 2] or [8]."""
    v = eval(src, dict(gen.ARG_NS))
    dims = list(v) if isinstance(v, tuple) else [v]
    if not 1 <= len(dims) <= 3 or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 1
                                          for d in dims):
        raise CorpusError("%s: a launch dimension must be a positive int or a tuple of 1-3: %r"
                          % (where, src))
    return dims


def parse_launch(call, where):
    """'k[2, (8, 4)](x, y)' -> ('k', ['x', 'y'], [2], [8, 4])."""
    try:
        node = ast.parse(call, mode="eval").body
    except SyntaxError as e:
        raise CorpusError("%s: bad launch %r: %s" % (where, call, e))
    sub = getattr(node, "func", None)
    if not isinstance(node, ast.Call) or node.keywords or not isinstance(sub, ast.Subscript) \
            or not isinstance(sub.value, ast.Name) or not isinstance(sub.slice, ast.Tuple) \
            or len(sub.slice.elts) != 2:
        raise CorpusError("%s: a launch must be kernel[GRID, BLOCK](positional args): %r" % (where, call))
    grid, block = (launch_dims(ast.get_source_segment(call, e), where) for e in sub.slice.elts)
    per_block, blocks = int(np.prod(block)), int(np.prod(grid))
    if per_block > MAX_BLOCK_THREADS or per_block * blocks > MAX_LAUNCH_THREADS:
        raise CorpusError("%s: %d threads per block, %d in all (the simulator is slow: at most %d and %d)"
                          % (where, per_block, per_block * blocks, MAX_BLOCK_THREADS, MAX_LAUNCH_THREADS))
    return sub.value.id, [ast.get_source_segment(call, a) for a in node.args], grid, block


def parse_cases(path):
    """generate.py's CASE-line reader (``# ULP:``, tags) with launches instead of calls."""
    saved = gen.parse_call
    gen.parse_call = lambda call, where: parse_launch(call, where)[:2]
    try:
        cases, default_ulp = gen.parse_cases(path)
    finally:
        gen.parse_call = saved
    for c in cases:
        where = "%s:%d" % (path, c["line"])
        _, _, c["grid"], c["block"] = parse_launch(c["call"], where)
        if c["tags"].get("numpy_differs"):
            raise CorpusError("%s: numpy-differs has no meaning here: ref_ must agree" % where)
    return cases, default_ulp


# ----------------------------------------------------------------------------- running

class BackwardsNumPy:
    """NumPy for the simulator's kernel module, except that np.ndindex counts backwards: the
    simulator then runs the blocks, and starts the threads of each block, in the reverse order."""

    def __getattr__(self, name):
        return getattr(np, name)

    @staticmethod
    def ndindex(*shape):
        return reversed(list(np.ndindex(*shape)))


def launch(kernel, case, backwards=False):
    """Launches the case on fresh arguments: (arguments after the launch, exception or None)."""
    args = gen.eval_args(case)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        simkernel.np = BackwardsNumPy() if backwards else np
        try:
            kernel[tuple(case["grid"]), tuple(case["block"])](*args)
            raised = None
        except Exception as e:  # noqa: BLE001
            raised = e
        finally:
            simkernel.np = np
    if caught and raised is None:
        # NumPy scalars in the simulator warn on overflow, division by zero, ...: Numba on a device
        # would compute something else (int64 intermediates, no warning), so keep out of it.
        raise CorpusError("the simulator warns: %s" % "; ".join(sorted({str(w.message) for w in caught})))
    return args, raised


def outcome_key(args, raised):
    if raised is not None:
        return (type(raised).__name__, str(raised))
    return tuple(gen.npy_bytes(a) for a in args if isinstance(a, np.ndarray))


def ref_differs(sim, ref, ulp):
    """None if the ref's array agrees with the simulator's, else why not."""
    sim, ref = np.asarray(sim), np.asarray(ref)
    if sim.shape != ref.shape:
        return "shape %s, ref gives %s" % (sim.shape, ref.shape)
    if sim.dtype.kind != "f":
        return gen.values_differ(sim, ref, 0)
    x, y = sim.astype(np.float64), ref.astype(np.float64)
    if not np.array_equal(np.isnan(x), np.isnan(y)):
        return "NaNs differ"
    with np.errstate(all="ignore"):
        close = (x == y) | (np.abs(x - y) <= REL_TOL * np.maximum(np.abs(x), np.abs(y)))
    close |= np.isnan(x)
    if close.all() or (ulp and gen.values_differ(sim, ref.astype(sim.dtype), ulp) is None):
        return None
    bad = np.argwhere(~close)[0]
    return "first difference at %s: %r vs %r (tolerance %g relative%s)" % (
        tuple(int(b) for b in bad), x[tuple(bad)], y[tuple(bad)], REL_TOL,
        ", %d ulp" % ulp if ulp else "")


def ref_disagreement(ref, case, sim_args, ulp):
    args = gen.eval_args(case)
    params = inspect.signature(ref).parameters
    kw = {k: tuple(case[k]) for k in ("grid", "block")
          if k in params and params[k].kind == inspect.Parameter.KEYWORD_ONLY}
    try:
        with np.errstate(all="ignore"):
            ref(*args, **kw)
    except Exception as e:  # noqa: BLE001
        return "ref_%s raises %s: %s" % (case["function"], type(e).__name__, e)
    for i, (s, r) in enumerate(zip(sim_args, args)):
        if isinstance(s, np.ndarray):
            why = ref_differs(s, r, ulp)
            if why:
                return "argument %d after the launch: %s; simulator: %s; ref_%s: %s" % (
                    i, why, gen.show(s), case["function"], gen.show(r))
    return None


# ----------------------------------------------------------------------------- one file

def load_file(path):
    """A corpus file's stem, module (its ref_ functions checked), CASE lines and default ulp."""
    stem = os.path.splitext(os.path.basename(path))[0]
    mod = gen.load_module(path, "gpu_" + stem)
    for attr in (a for a in dir(mod) if a.startswith("ref_")):
        if not isinstance(getattr(mod, attr), pytypes.FunctionType):
            raise CorpusError("%s: %s must be a plain (undecorated) Python function" % (path, attr))
        if not isinstance(getattr(mod, attr[4:], None), FakeCUDAKernel):
            raise CorpusError("%s: %s has no kernel %s" % (path, attr, attr[4:]))
    cases, default_ulp = parse_cases(path)
    if not cases:
        raise CorpusError("%s: no CASE lines" % path)
    return stem, mod, cases, default_ulp


def generate_file(path):
    name, mod, cases, default_ulp = load_file(path)
    w = gen.Writer(name)
    manifest = {"file": os.path.basename(path),
                "generator": "tests/golden-tools/generate_gpu.py",
                "numba": numba.__version__, "numpy": np.__version__,
                "simulator": "NUMBA_ENABLE_CUDASIM=1",
                "boundscheck": True,
                "cases": []}
    for k, case in enumerate(cases):
        where = "%s:%d: %s" % (path, case["line"], case["call"])
        kernel = getattr(mod, case["function"], None)
        if not isinstance(kernel, FakeCUDAKernel) or kernel._device:
            raise CorpusError("%s: %s is not a @cuda.jit kernel" % (where, case["function"]))
        inputs = gen.eval_args(case)
        entry = {"function": case["function"], "call": case["call"], "line": case["line"],
                 "launch": {"grid": case["grid"], "block": case["block"]},
                 "args": [gen.describe_arg(w, k, i, v) for i, v in enumerate(inputs)],
                 "arg_types": [str(numba.typeof(v)) for v in inputs],
                 "returns": "none", "return_type": "none"}
        try:
            args, raised = launch(kernel, case)
            again = outcome_key(*launch(kernel, case, backwards=True))
        except CorpusError as e:
            raise CorpusError("%s: %s" % (where, e))
        if outcome_key(args, raised) != again:
            raise CorpusError("%s: the launch gives another result with its blocks and threads in the "
                              "reverse order (a race, or float atomics whose order shows)" % where)
        ulp = case["tags"].get("ulp", default_ulp)
        if raised is not None:
            if type(raised).__name__ not in RAISES_OK:
                raise CorpusError("%s: the simulator raises %s: %s (only %s may be recorded)"
                                  % (where, type(raised).__name__, raised, ", ".join(RAISES_OK)))
            entry.update(raises=type(raised).__name__, message=str(raised), result=None)
        else:
            entry.update(raises=None, message=None, result=None, mutated=[])
            for i, a in enumerate(args):
                if isinstance(a, np.ndarray):
                    fname = "case%d.arg%d.after.npy" % (k, i)
                    w.put(fname, gen.npy_bytes(np.ascontiguousarray(a) if gen.layout_of(a) == "A" else a))
                    entry["mutated"].append({"arg": i, "npy": fname})
            if not case["tags"].get("unspecified"):
                ref = getattr(mod, "ref_" + case["function"], None)
                if ref is None:
                    raise CorpusError("%s: no ref_%s: every kernel that does not raise needs one"
                                      % (where, case["function"]))
                why = ref_disagreement(ref, case, args, ulp)
                if why:
                    raise CorpusError("%s: simulator and ref_%s disagree: %s" % (where, case["function"], why))
        entry["ulp"] = ulp
        entry["unspecified"] = bool(case["tags"].get("unspecified", False))
        if "note" in case["tags"]:
            entry["note"] = case["tags"]["note"]
        manifest["cases"].append(entry)
    return name, manifest, w.files


def run_file(path, check):
    """Generates (or checks) one corpus file: (summary line, number of cases, out of date)."""
    t0 = time.time()
    name, manifest, files = generate_file(path)
    changed = gen.write_outputs(name, manifest, files, check)
    cases = manifest["cases"]
    line = "%-28s %3d cases (%d raise) %5.1fs%s" % (name, len(cases), sum(1 for c in cases if c["raises"]),
                                                   time.time() - t0, " CHANGED" if changed else "")
    return line, len(cases), changed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="corpus files (stem or path); default: all")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if out of date")
    opts = ap.parse_args()
    sys.setswitchinterval(1e-4)  # the simulator's block manager polls its threads: 2x faster
    # generate.write_outputs writes under its module-level RUN_DIR/DATA_DIR: point them at gpu/.
    gen.RUN_DIR, gen.DATA_DIR = GPU_DIR, os.path.join(GPU_DIR, "data")
    if opts.files:
        paths = [f if f.endswith(".py") else os.path.join(GPU_DIR, f + ".py") for f in opts.files]
    else:
        paths = sorted(os.path.join(GPU_DIR, f) for f in os.listdir(GPU_DIR) if f.endswith(".py"))
    start = time.time()
    done = []  # (cases, out of date) of each file that worked
    for p in paths:
        try:
            line, n, changed = run_file(p, opts.check)
        except CorpusError as e:
            print("ERROR", e, file=sys.stderr)
            continue
        print(line)
        done.append((n, changed))
    failed, stale = len(paths) - len(done), sum(c for _, c in done)
    print("%d files, %d cases, %d failed%s, %.0fs" % (len(done), sum(n for n, _ in done), failed,
                                                    ", %d out of date" % stale if opts.check else "",
                                                    time.time() - start))
    if failed or (opts.check and stale):
        sys.exit(1)


if __name__ == "__main__":
    main()
