#!/usr/bin/python3
"""Regenerates the golden data of the run/ corpus from Numba itself.

Usage (Numba 0.56 + NumPy are only visible to the system interpreter; see tests/README.md):

    /usr/bin/python3 tests/golden-tools/generate.py            # every run/*.py
    /usr/bin/python3 tests/golden-tools/generate.py power k_dot  # only these files (stem or path)
    /usr/bin/python3 tests/golden-tools/generate.py --check    # exit 1 if anything would change
    /usr/bin/python3 tests/golden-tools/generate.py --errors   # only errors/calls.json + data.npz

For each ``tests/src/test/resources/run/<name>.py`` it imports the file as a module, evaluates
the arguments of each ``# CASE: func(ARG, ...)`` comment line, calls the Numba function and writes

    run/<name>.cases.json        the manifest (format: see tests/README.md)
    run/data/<name>.npz          a zip of .npy members (np.load reads it; so does java.util.zip):
        case<k>.arg<i>.npy         array inputs (identical inputs in one file are shared)
        case<k>.arg<i>.base.npy    base array of a non-contiguous input view
        case<k>.return.npy         result (a 0-d array for a scalar, so the dtype is kept)
        case<k>.return.<j>.npy     tuple elements
        case<k>.arg<i>.after.npy   array arguments the call changed
    One archive per corpus file instead of loose files keeps the tree small on disk: a thousand
    200-byte .npy files occupy 4 MB of 4 KiB blocks.

A CASE line may end with ``# tag tag ...``: ``ulp=N`` (float tolerance in units in the last place
of the result dtype), ``unspecified`` (the value is undefined behaviour in Numba/LLVM: only the
result dtype is checked), ``note=...`` (free text, rest of the line). A ``# ULP: N`` line anywhere
in the file sets the default tolerance of all its cases.

Bounds checking: Numba does not check bounds by default but arrayjit does, so this script sets
NUMBA_BOUNDSCHECK=1 before importing Numba (it overrides every decorator's ``boundscheck=``):
out-of-bounds cases then raise IndexError in Numba too, and never read garbage or crash.
For raising cases the manifest also records the message plain CPython/NumPy gives for the same call
(``python_message``), which for IndexError names the index, axis and extent.
"""
import argparse
import ast
import hashlib
import importlib.util
import io
import json
import math
import os
import re
import sys
import zipfile

os.environ["NUMBA_BOUNDSCHECK"] = "1"
os.environ.setdefault("NUMBA_DISABLE_PERFORMANCE_WARNINGS", "1")

import numpy as np  # noqa: E402
import numba  # noqa: E402
from numba.core import types  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_DIR = os.path.normpath(os.path.join(HERE, "..", "src", "test", "resources", "run"))
DATA_DIR = os.path.join(RUN_DIR, "data")
ERR_DIR = os.path.normpath(os.path.join(RUN_DIR, "..", "errors"))

CASE_RE = re.compile(r"^\s*#\s*CASE:\s*(.*?)\s*$")
CALL_RE = re.compile(r"^\s*#\s*CALL:\s*(.*?)\s*$")
ULP_RE = re.compile(r"^\s*#\s*ULP:\s*(\d+)\s*$")
MAX_ELEMS = 1000


class CorpusError(Exception):
    pass


# ----------------------------------------------------------------------------- parsing

def split_case(text):
    """'f(1, 2)  # ulp=4 note=xyz' -> ('f(1, 2)', {'ulp': 4, 'note': 'xyz'})."""
    tags = {}
    call = text
    if "#" in text:
        call, _, tail = text.partition("#")
        tail = tail.strip()
        m = re.search(r"note=(.*)$", tail)
        if m:
            tags["note"] = m.group(1).strip()
            tail = tail[: m.start()]
        for tok in tail.split():
            if tok.startswith("ulp="):
                tags["ulp"] = int(tok[4:])
            elif tok == "unspecified":
                tags["unspecified"] = True
            else:
                raise CorpusError("unknown CASE tag %r" % tok)
    return call.strip(), tags


def parse_cases(path):
    cases = []
    default_ulp = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            m = ULP_RE.match(line)
            if m:
                default_ulp = int(m.group(1))
                continue
            m = CASE_RE.match(line)
            if not m:
                continue
            call, tags = split_case(m.group(1))
            fn, arg_src = parse_call(call, "%s:%d" % (path, lineno))
            cases.append({"line": lineno, "call": call, "function": fn,
                          "arg_src": arg_src, "tags": tags})
    return cases, default_ulp


def parse_call(call, where):
    """'f(1, np.zeros(3))' -> ('f', ['1', 'np.zeros(3)'])."""
    try:
        node = ast.parse(call, mode="eval").body
    except SyntaxError as e:
        raise CorpusError("%s: bad call %r: %s" % (where, call, e))
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name) or node.keywords:
        raise CorpusError("%s: a call must be name(positional args): %r" % (where, call))
    return node.func.id, [ast.get_source_segment(call, a) for a in node.args]


ARG_NS = {"np": np, "__builtins__": {"float": float, "int": int, "range": range, "True": True,
                                     "False": False, "list": list, "abs": abs, "len": len}}


def eval_args(case):
    return [eval(src, dict(ARG_NS)) for src in case["arg_src"]]  # fresh objects every time


# ----------------------------------------------------------------------------- arguments

def scalar_token(v):
    """A scalar argument in the arrayjit CLI syntax."""
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, int):
        if not -2**63 <= v < 2**63:
            raise CorpusError("Python int argument out of int64 range: %r" % v)
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, np.floating):
        if v.dtype == np.float64:
            return repr(float(v))
        return "%s:%s" % (v.dtype.name, repr(float(v)))
    if isinstance(v, np.integer):
        if v.dtype == np.int64:
            return str(int(v))
        return "%s:%d" % (v.dtype.name, int(v))
    raise CorpusError("unsupported argument %r (%s)" % (v, type(v).__name__))


def layout_of(a):
    if a.flags.c_contiguous:
        return "C"
    if a.flags.f_contiguous:
        return "F"
    return "A"


def npy_bytes(a):
    buf = io.BytesIO()
    np.save(buf, a, allow_pickle=False)
    return buf.getvalue()


class Writer:
    """Writes the .npy files of one corpus file, sharing identical inputs."""

    def __init__(self, name):
        self.name = name
        self.files = {}          # file name -> bytes
        self.by_digest = {}      # digest of input bytes -> file name

    def put(self, fname, data):
        self.files[fname] = data
        return fname

    def put_input(self, fname, a):
        data = npy_bytes(a)
        digest = hashlib.sha1(data).hexdigest()
        if digest in self.by_digest:
            return self.by_digest[digest]
        self.by_digest[digest] = fname
        return self.put(fname, data)


def check_size(a, what):
    if a.size > MAX_ELEMS:
        raise CorpusError("%s has %d elements (max %d)" % (what, a.size, MAX_ELEMS))


def describe_arg(w, k, i, v):
    if isinstance(v, np.ndarray):
        check_size(v, "argument %d" % i)
        entry = {"npy": w.put_input("case%d.arg%d.npy" % (k, i), v)}
        lay = layout_of(v)
        if lay == "A":
            # .npy cannot hold a strided view: it stores a contiguous copy. Record how the view was
            # made so a harness can rebuild it: base array plus element offset and element strides.
            base = v
            while isinstance(base.base, np.ndarray):
                base = base.base
            check_size(base, "base of argument %d" % i)
            off = (v.__array_interface__["data"][0] - base.__array_interface__["data"][0]) // v.itemsize
            entry["view"] = {"base": w.put_input("case%d.arg%d.base.npy" % (k, i), base),
                             "offset": int(off),
                             "strides": [s // v.itemsize for s in v.strides],
                             "shape": list(v.shape)}
        entry["layout"] = lay
        return entry
    if isinstance(v, (list, tuple)):
        raise CorpusError("list/tuple arguments are not part of the CLI syntax: %r" % (v,))
    return scalar_token(v)


# ----------------------------------------------------------------------------- results

def np_dtype_of(t):
    t = types.unliteral(t)
    if isinstance(t, types.Boolean):
        return np.dtype(np.bool_)
    if isinstance(t, (types.Integer, types.Float)):
        return np.dtype(str(t))
    raise CorpusError("unsupported scalar result type %s" % t)


def value_repr(v):
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def find_return_type(disp, before, argtypes):
    new = [k for k in disp.overloads if k not in before]
    if new:
        return disp.overloads[new[-1]].signature.return_type
    if argtypes in disp.overloads:
        return disp.overloads[argtypes].signature.return_type
    if len(disp.overloads) == 1:
        return next(iter(disp.overloads.values())).signature.return_type
    # an eager signature that accepted these arguments by conversion
    for cres in disp.overloads.values():
        sig = cres.signature.args
        if len(sig) == len(argtypes) and all(
                s == a or (isinstance(s, types.Array) and isinstance(a, types.Array)
                           and s.dtype == a.dtype and s.ndim == a.ndim and s.layout == "A")
                for s, a in zip(sig, argtypes)):
            return cres.signature.return_type
    return None


def kind_of(rt):
    if rt is None:
        return None
    rt = types.unliteral(rt)
    if rt == types.none:
        return "none"
    if isinstance(rt, types.Array):
        return "array"
    if isinstance(rt, types.BaseTuple):
        return "tuple"
    if isinstance(rt, (types.Boolean, types.Integer, types.Float)):
        return "scalar"
    raise CorpusError("unsupported return type %s" % rt)


def describe_value(w, fname, t, v):
    """One returned value (scalar or array) -> manifest fields; writes its .npy."""
    t = types.unliteral(t)
    if isinstance(t, types.Array):
        check_size(v, "result")
        w.put(fname, npy_bytes(v))
        return {"npy": fname, "type": str(t), "dtype": v.dtype.name, "shape": list(v.shape)}
    dt = np_dtype_of(t)
    arr = np.array(v, dtype=dt)
    if arr.ndim != 0:
        raise CorpusError("scalar result of type %s came back as %r" % (t, v))
    w.put(fname, npy_bytes(arr))
    return {"npy": fname, "type": str(t), "dtype": dt.name, "value": value_repr(arr[()])}


def same_bytes(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and \
        np.ascontiguousarray(a).tobytes() == np.ascontiguousarray(b).tobytes()


# ----------------------------------------------------------------------------- one file

def load_module(path, name):
    spec = importlib.util.spec_from_file_location("arrayjit_corpus_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def python_reference(disp, case):
    """The exception plain CPython/NumPy raises for the same call (for the message only)."""
    py = getattr(disp, "py_func", None)
    if py is None:
        return None, None
    try:
        with np.errstate(all="ignore"):
            py(*eval_args(case))
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None, None


def generate_file(path):
    name = os.path.splitext(os.path.basename(path))[0]
    cases, default_ulp = parse_cases(path)
    if not cases:
        raise CorpusError("%s: no CASE lines" % path)
    mod = load_module(path, name)
    w = Writer(name)
    manifest = {"file": os.path.basename(path),
                "generator": "tests/golden-tools/generate.py",
                "numba": numba.__version__, "numpy": np.__version__,
                "boundscheck": True,
                "cases": []}
    for k, case in enumerate(cases):
        fn = case["function"]
        disp = getattr(mod, fn, None)
        if disp is None or not hasattr(disp, "overloads"):
            raise CorpusError("%s:%d: %s is not a Numba dispatcher" % (path, case["line"], fn))
        inputs = eval_args(case)
        args = eval_args(case)
        argtypes = tuple(numba.typeof(a) for a in args)
        entry = {"function": fn, "call": case["call"], "line": case["line"],
                 "args": [describe_arg(w, k, i, v) for i, v in enumerate(inputs)],
                 "arg_types": [str(t) for t in argtypes]}
        before = set(disp.overloads)
        raised = None
        try:
            result = disp(*args)
        except Exception as e:  # noqa: BLE001
            if type(e).__module__.startswith("numba"):
                raise CorpusError("%s:%d: Numba failed to compile %s: %s"
                                  % (path, case["line"], case["call"], str(e).splitlines()[0:3]))
            raised = e
        rt = find_return_type(disp, before, argtypes)
        entry["returns"] = kind_of(rt)
        entry["return_type"] = None if rt is None else str(types.unliteral(rt))
        if raised is not None:
            entry["raises"] = type(raised).__name__
            entry["message"] = str(raised)
            py_kind, py_msg = python_reference(disp, case)
            entry["python_raises"] = py_kind
            entry["python_message"] = py_msg
        else:
            entry["raises"] = None
            entry["message"] = None
            kind = entry["returns"]
            if kind == "none":
                if result is not None:
                    raise CorpusError("%s: none-typed result %r" % (case["call"], result))
            elif kind == "tuple":
                rt_u = types.unliteral(rt)
                elems = []
                for j, (t, v) in enumerate(zip(rt_u.types, result)):
                    if isinstance(types.unliteral(t), types.BaseTuple):
                        raise CorpusError("nested tuple results are not supported")
                    elems.append(describe_value(w, "case%d.return.%d.npy" % (k, j), t, v))
                entry["result"] = elems
            else:
                entry["result"] = describe_value(w, "case%d.return.npy" % k, rt, result)
            mutated = []
            for i, (a0, a1) in enumerate(zip(inputs, args)):
                if isinstance(a0, np.ndarray) and not same_bytes(a0, a1):
                    w.put("case%d.arg%d.after.npy" % (k, i), npy_bytes(np.ascontiguousarray(a1)
                                                                       if layout_of(a1) == "A" else a1))
                    mutated.append({"arg": i, "npy": "case%d.arg%d.after.npy" % (k, i)})
            entry["mutated"] = mutated
        entry["ulp"] = case["tags"].get("ulp", default_ulp)
        entry["unspecified"] = bool(case["tags"].get("unspecified", False))
        if "note" in case["tags"]:
            entry["note"] = case["tags"]["note"]
        manifest["cases"].append(entry)
    return name, manifest, w.files


# ----------------------------------------------------------------------------- error corpus

def sanitize(msg, path):
    msg = re.sub(r"[\w./-]*errors/(?=\w+\.py\b)", "", msg)  # Numba prints paths cwd-relative
    if "\nReturn of:" in msg:  # Numba lists these blocks in a varying order
        msg = msg[:msg.index("\nReturn of:")] + "\n[Return of: ... blocks omitted, their order varies]"
    msg = re.sub(r"0x[0-9a-f]{6,}", "0x<addr>", msg)
    msg = re.sub(r"/usr/lib/python3[^ ]*/(site|dist)-packages", "<site-packages>", msg)
    lines = [ln.rstrip() for ln in msg.splitlines()]
    if len(lines) > 25:
        lines = lines[:25] + ["[... %d more lines]" % (len(lines) - 25)]
    return "\n".join(lines)


def numba_reaction(path, fn, arg_src):
    """What Numba 0.56 does with an error-corpus file: where it fails and its message."""
    name = os.path.splitext(os.path.basename(path))[0]
    try:
        mod = load_module(path, "err_" + name)
    except BaseException as e:  # noqa: BLE001 - SyntaxError, TypingError at eager compile, ...
        return {"stage": "import", "raises": type(e).__name__, "message": sanitize(str(e), path)}
    disp = getattr(mod, fn, None)
    if disp is None:
        return {"stage": "import", "raises": "AttributeError", "message": "no function %s" % fn}
    try:
        with np.errstate(all="ignore"):
            r = disp(*[eval(a, dict(ARG_NS)) for a in arg_src])
    except BaseException as e:  # noqa: BLE001
        return {"stage": "call", "raises": type(e).__name__, "message": sanitize(str(e), path)}
    return {"stage": "call", "raises": None,
            "message": "Numba accepts this; returned %s" % sanitize(repr(r)[:200], path)}


def generate_errors():
    """errors/*.py -> errors/calls.json (CLI arguments of each CALL line, Numba's reaction) and
    errors/data.npz (array arguments). The expected arrayjit output lives in <name>.err/.expect."""
    w = Writer("errors")
    calls = {}
    for f in sorted(os.listdir(ERR_DIR)):
        if not f.endswith(".py"):
            continue
        path = os.path.join(ERR_DIR, f)
        name = f[:-3]
        found = []
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                m = CALL_RE.match(line)
                if m:
                    found.append((lineno, m.group(1)))
        if len(found) != 1:
            raise CorpusError("%s: needs exactly one '# CALL:' line, found %d" % (path, len(found)))
        lineno, call = found[0]
        fn, arg_src = parse_call(call, "%s:%d" % (path, lineno))
        args = [eval(a, dict(ARG_NS)) for a in arg_src]
        entry = {"function": fn, "call": call,
                 "args": [describe_arg(w, 0, i, v) if not isinstance(v, np.ndarray)
                          else {"npy": w.put_input("%s.arg%d.npy" % (name, i), v)}
                          for i, v in enumerate(args)]}
        entry["numba"] = numba_reaction(path, fn, arg_src)
        calls[name] = entry
    return calls, w.files


def write_errors(calls, files, check):
    path = os.path.join(ERR_DIR, "calls.json")
    text = json.dumps({"generator": "tests/golden-tools/generate.py", "numba": numba.__version__,
                       "files": calls}, indent=1) + "\n"
    npz_path = os.path.join(ERR_DIR, "data.npz")
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            old = fh.read()
    changed = old != text or (read_npz_members(npz_path) or {}) != files
    if changed and not check:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        with open(npz_path, "wb") as fh:
            fh.write(npz_bytes(files))
    return changed


ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def npz_bytes(files):
    """A deterministic zip (readable by np.load and java.util.zip) of name -> .npy bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return buf.getvalue()


def read_npz_members(path):
    if not os.path.exists(path):
        return None
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_outputs(name, manifest, files, check):
    """Writes (or, with check, compares) the manifest and the data archive. True if changed."""
    man_path = os.path.join(RUN_DIR, name + ".cases.json")
    man_text = json.dumps(manifest, indent=1) + "\n"
    npz_path = os.path.join(DATA_DIR, name + ".npz")
    old_man = None
    if os.path.exists(man_path):
        with open(man_path, encoding="utf-8") as fh:
            old_man = fh.read()
    old_files = read_npz_members(npz_path) or {}
    changed = old_man != man_text or old_files != files
    if check or not changed:
        return changed
    with open(man_path, "w", encoding="utf-8") as fh:
        fh.write(man_text)
    if files:
        os.makedirs(DATA_DIR, exist_ok=True)
        with open(npz_path, "wb") as fh:
            fh.write(npz_bytes(files))
    elif os.path.exists(npz_path):
        os.remove(npz_path)
    return changed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="corpus files (stem or path); default: all")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if out of date")
    ap.add_argument("--errors", action="store_true", help="only the error corpus (errors/calls.json)")
    opts = ap.parse_args()
    if opts.errors or not opts.files:
        try:
            calls, files = generate_errors()
        except CorpusError as e:
            print("ERROR", e, file=sys.stderr)
            sys.exit(1)
        changed = write_errors(calls, files, opts.check)
        accepted = sorted(n for n, c in calls.items() if c["numba"]["raises"] is None)
        print("errors/calls.json: %d files%s; Numba itself accepts: %s"
              % (len(calls), " CHANGED" if changed else "", ", ".join(accepted) or "none"))
        if opts.errors:
            sys.exit(1 if opts.check and changed else 0)
    if opts.files:
        paths = [f if f.endswith(".py") else os.path.join(RUN_DIR, f + ".py") for f in opts.files]
    else:
        paths = sorted(os.path.join(RUN_DIR, f) for f in os.listdir(RUN_DIR) if f.endswith(".py"))
    total = failed = stale = 0
    for p in paths:
        try:
            name, manifest, files = generate_file(p)
        except CorpusError as e:
            print("ERROR", e, file=sys.stderr)
            failed += 1
            continue
        n = len(manifest["cases"])
        total += n
        changed = write_outputs(name, manifest, files, opts.check)
        stale += changed
        raising = sum(1 for c in manifest["cases"] if c["raises"])
        print("%-28s %3d cases (%d raise)%s" % (name, n, raising,
                                               " CHANGED" if changed else ""))
    print("%d files, %d cases, %d failed%s" % (len(paths) - failed, total, failed,
                                              ", %d out of date" % stale if opts.check else ""))
    if failed or (opts.check and stale):
        sys.exit(1)


if __name__ == "__main__":
    main()
