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
result dtype is checked), ``note=...`` (free text, rest of the line), ``numpy-differs`` (Numba's
result is known to differ from plain NumPy's; say why with ``note=``). A ``# ULP: N`` line anywhere
in the file sets the default tolerance of all its cases.

NumPy cross-check: every case that does not raise in Numba is also run as plain CPython + NumPy
(``disp.py_func``, with every Numba dispatcher among its globals replaced by its own Python
function, so no compiled code runs) on fresh arguments. Its result and its array arguments after
the call must agree with Numba's in shape and value (dtypes may differ: Numba's typing rules are
not NumPy's): integers and bools exactly, floats within max(ulp, 4) ulp of Numba's dtype, NaN
matching NaN, tuples element by element. A disagreement fails the file, naming file:line and both
values, unless the case is tagged ``numpy-differs`` (recorded as ``"numpy_differs": true``) or is
an older case listed in ``PRE_XCHECK_DIFFERS``; such a case that agrees after all fails too (a stale
tag). Cases tagged ``unspecified`` are not cross-checked. Nothing else of the cross-check is
written to the manifest.

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
import types as pytypes
import warnings
import zipfile

os.environ["NUMBA_BOUNDSCHECK"] = "1"
os.environ.setdefault("NUMBA_DISABLE_PERFORMANCE_WARNINGS", "1")

import numpy as np  # noqa: E402
import numba  # noqa: E402
from numba.core import types  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.normpath(os.path.join(HERE, "..", ".."))
RUN_DIR = os.path.normpath(os.path.join(HERE, "..", "src", "test", "resources", "run"))
DATA_DIR = os.path.join(RUN_DIR, "data")
ERR_DIR = os.path.normpath(os.path.join(RUN_DIR, "..", "errors"))

CASE_RE = re.compile(r"^\s*#\s*CASE:\s*(.*?)\s*$")
CALL_RE = re.compile(r"^\s*#\s*CALL:\s*(.*?)\s*$")
ULP_RE = re.compile(r"^\s*#\s*ULP:\s*(\d+)\s*$")
MAX_ELEMS = 1000
XCHECK_MIN_ULP = 4  # the NumPy cross-check allows at least this many ulp between floats

# Cases written before the NumPy cross-check whose Numba result legitimately differs from plain
# CPython + NumPy: treated like a ``numpy-differs`` tag, but nothing is recorded, so their manifests
# stay as they were. New cases use the tag. Keyed by file stem, then the exact CASE call text.
PRE_XCHECK_DIFFERS = {
    "arith_small_ints": (
        "Numba computes small-int scalar arithmetic in int64; NumPy scalars wrap in their width",
        {"add(np.int32(2147483647), np.int32(1))",
         "add(np.int8(127), np.int8(1))",
         "mul(np.int16(300), np.int16(300))",
         "mul(np.uint8(200), np.uint8(3))",
         "add(np.uint16(65535), np.uint16(1))",
         "add(np.uint32(4000000000), np.uint32(1000000000))",
         "floordiv(np.int8(-128), np.int8(-1))",
         "to_int8(100)"}),
    "arr_dtypes": (
        "Numba widens uint8/int8 elements to int64 before adding; NumPy scalars wrap",
        {"first_plus_second(np.array([200, 100], dtype=np.uint8))",
         "first_plus_second(np.array([100, 100], dtype=np.int8))"}),
    "int_overflow": (
        "int64 arithmetic wraps around in Numba; CPython ints are unbounded",
        {"add(9223372036854775807, 1)",
         "add(-9223372036854775808, -1)",
         "mul(9223372036854775807, 2)",
         "mul(4294967296, 4294967296)",
         "negate(-9223372036854775808)",
         "accumulate(100)",
         "factorial(21)",
         "factorial(25)"}),
    "k_cumulative": (
        "uint8 - uint8 elements wrap in NumPy; Numba computes in int64",
        {"diff(np.array([10, 5, 0], dtype=np.uint8))"}),
    "k_int_algorithms": (
        "int64 arithmetic wraps around in Numba; CPython ints are unbounded",
        {"fib(100)"}),
    "math_edge": (
        "Numba's math functions return nan/inf where CPython's math module raises",
        {"sqrt_(-1.0)",
         "sqrt_(-1)",
         "log_(0.0)",
         "log_(0)",
         "log_(-1.0)",
         "exp_(1000.0)",
         "gamma_(0.0)",
         "gamma_(-1.0)",
         "gamma_(200.0)",
         "acos_(2.0)",
         "cos_(np.inf)",
         "pow_(-8.0, 1.0 / 3.0)",
         "pow_(0.0, -1.0)"}),
    "math_float32": (
        "Numba evaluates math on float32 in float32; CPython's math module in float64",
        {"f32_math(np.float32(2.5))",
         "f32_math(np.float32(0.1))",
         "f32_two(np.float32(1.0), np.float32(2.0))",
         "f32_special(np.float32(2.5))",
         "f32_norm(np.arange(10, dtype=np.float32))"}),
    "math_funcs": (
        "Numba's lgamma is 8 ulp away from CPython's at 2.5",
        {"special(2.5)"}),
    "power": (
        "Numba: int ** negative int is 0, float ** gives nan/inf where CPython gives a float or a"
        " complex or raises; float32 squares stay float32",
        {"ipow(2, -1)",
         "ipow(-2, -1)",
         "ipow(2, -2)",
         "fpow(0.0, -1.0)",
         "fpow(-8.0, 1.0 / 3.0)",
         "fpow(2.0, 1024.0)",
         "pow_literal_neg(2)",
         "square_cube(np.float32(0.1))"}),
    "shifts_bitops": (
        "shifts wrap in int64/uint64 in Numba; ~bool is a bool in Numba, -2/-1 in CPython;"
        " CPython rejects int64 >> uint64",
        {"shl(1, 63)",
         "shl(np.int32(1), np.int32(40))",
         "shl(np.uint8(255), 60)",
         "shr(-8, np.uint64(1))",
         "bool_bitops(True, False)",
         "bool_bitops(True, True)"}),
    "unary_ops": (
        "~bool is a bool in Numba, an int (-2/-1) in CPython",
        {"invert(True)",
         "invert(False)"}),
    "unsigned_ints": (
        "Numba computes unsigned scalars in uint64 (int64 with an int literal); NumPy scalars wrap"
        " in their own width or go to float64",
        {"sub(np.uint32(0), np.uint32(1))",
         "sub(np.uint8(0), np.uint8(1))",
         "add(np.uint64(18446744073709551615), 0)"}),
}


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
            elif tok == "numpy-differs":
                tags["numpy_differs"] = True
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
    launch = isinstance(node, ast.Call) and isinstance(node.func, ast.Subscript) and isinstance(node.func.value, ast.Name)
    if not isinstance(node, ast.Call) or not (isinstance(node.func, ast.Name) or launch) or node.keywords:
        raise CorpusError("%s: a call must be name(positional args) or kernel[grid, block](args): %r" % (where, call))
    # A GPU launch keeps its configuration in the name, as the CLI takes it: 'k[1, 4]'.
    fn = ast.get_source_segment(call, node.func) if launch else node.func.id
    return fn, [ast.get_source_segment(call, a) for a in node.args]


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
    if isinstance(t, (types.Integer, types.Float, types.Complex)):
        return np.dtype(str(t))
    raise CorpusError("unsupported scalar result type %s" % t)


def value_repr(v):
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    if isinstance(v, (complex, np.complexfloating)):
        return repr(complex(v))
    return str(int(v))


def is_ufunc(f):
    """A @vectorize or @guvectorize result: a NumPy ufunc, or Numba's DUFunc or GUFunc."""
    return isinstance(f, np.ufunc) or type(f).__name__ in ("DUFunc", "GUFunc")


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
    if isinstance(rt, types.List):
        return "list"
    if isinstance(rt, (types.Boolean, types.Integer, types.Float, types.Complex)):
        return "scalar"
    raise CorpusError("unsupported return type %s" % rt)


def describe_value(w, fname, t, v):
    """One returned value (scalar, array or list) -> manifest fields; writes its .npy (a list as
    the 1-D array of its elements)."""
    t = types.unliteral(t)
    if isinstance(t, types.List):
        arr = np.array(v, dtype=np_dtype_of(t.dtype)).reshape(len(v))
        check_size(arr, "result")
        w.put(fname, npy_bytes(arr))
        return {"npy": fname, "type": str(t), "dtype": arr.dtype.name, "shape": list(arr.shape), "list": True}
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
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            py(*eval_args(case))
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None, None


def plain_function(disp, memo=None):
    """disp.py_func with every Numba dispatcher among its globals replaced by its own plain
    function (recursively), so that calling it runs no compiled code at all."""
    memo = {} if memo is None else memo
    if id(disp) in memo:
        return memo[id(disp)]
    py = disp.py_func
    glb = dict(py.__globals__)
    f = pytypes.FunctionType(py.__code__, glb, py.__name__, py.__defaults__, py.__closure__)
    memo[id(disp)] = f
    for k, v in py.__globals__.items():
        if isinstance(v, numba.core.dispatcher.Dispatcher):
            glb[k] = plain_function(v, memo)
    return f


def as_array(v):
    if isinstance(v, np.ndarray):
        return v
    try:
        return np.asarray(v)
    except OverflowError:  # a Python int beyond 64 bits
        return np.array(v, dtype=object)


def ordered_bits(a):
    """Float array -> Python ints ordered like the floats (adjacent floats differ by 1)."""
    bits = a.view(np.int32 if a.dtype == np.float32 else np.int64).ravel().tolist()
    top = 0x7FFFFFFF if a.dtype == np.float32 else 0x7FFFFFFFFFFFFFFF
    return [b if b >= 0 else -(b & top) for b in bits]


def values_differ(nb, py, ulp):
    """None if NumPy's value py agrees with Numba's value nb (a scalar or an array), else why not.
    Dtypes are not compared; integers and bools must be equal, floats within ulp of Numba's dtype
    (of float64 where Numba's value is an integer), NaN equal to NaN."""
    nb, py = as_array(nb), as_array(py)
    if nb.shape != py.shape:
        return "shape %s, NumPy gives %s" % (nb.shape, py.shape)
    if nb.dtype.kind not in "fc" and py.dtype.kind not in "fc":
        return None if nb.tolist() == py.tolist() else "values differ"
    if "c" in (nb.dtype.kind, py.dtype.kind):
        # compare the real and the imaginary parts as floats of the part width
        part = np.float32 if nb.dtype == np.complex64 else np.float64
        why = values_differ(np.real(nb).astype(part), np.real(py).astype(part), ulp)
        return why or values_differ(np.imag(nb).astype(part), np.imag(py).astype(part), ulp)
    ft = nb.dtype if nb.dtype.kind == "f" else np.dtype(np.float64)
    with np.errstate(all="ignore"):
        x, y = nb.astype(ft), py.astype(ft)
    xn, yn = np.isnan(x), np.isnan(y)
    if not np.array_equal(xn, yn):
        return "NaNs differ"
    x, y = x[~xn], y[~yn]
    if not np.array_equal(np.isinf(x), np.isinf(y)) or \
            not np.array_equal(x[np.isinf(x)], y[np.isinf(y)]):
        return "infinities differ"
    dist = max((abs(p - q) for p, q in zip(ordered_bits(x), ordered_bits(y))), default=0)
    return None if dist <= ulp else "%d ulp apart (tolerance %d)" % (dist, ulp)


def show(v):
    if isinstance(v, np.ndarray):
        return "%s %s %s" % (v.dtype.name, list(v.shape),
                             np.array2string(v, threshold=40, separator=", ").replace("\n", ""))
    if isinstance(v, tuple):
        return "(" + ", ".join(show(e) for e in v) + ")"
    return "%s %r" % (type(v).__name__, v)


def numpy_disagreement(disp, case, result, args_after, ulp):
    """Runs the case as plain CPython + NumPy on fresh arguments; None if it agrees with Numba's
    result and array arguments after the call, else a message naming both values."""
    args = eval_args(case)
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            py = plain_function(disp)(*args)
    except Exception as e:  # noqa: BLE001
        return "Numba returns %s, NumPy raises %s: %s" % (show(result), type(e).__name__, e)
    if isinstance(result, tuple) != isinstance(py, tuple) or (result is None) != (py is None):
        return "Numba returns %s, NumPy returns %s" % (show(result), show(py))
    pairs = [("result", result, py)]
    if isinstance(result, tuple):
        if len(result) != len(py):
            return "Numba returns %s, NumPy returns %s" % (show(result), show(py))
        pairs = [("result[%d]" % j, r, q) for j, (r, q) in enumerate(zip(result, py))]
    elif result is None:
        pairs = []
    pairs += [("argument %d after the call" % i, a, b)
              for i, (a, b) in enumerate(zip(args_after, args)) if isinstance(a, np.ndarray)]
    for what, nb_v, py_v in pairs:
        why = values_differ(nb_v, py_v, ulp)
        if why:
            return "%s: %s; Numba: %s; NumPy: %s" % (what, why, show(nb_v), show(py_v))
    return None


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
        ufunc = is_ufunc(disp)
        if disp is None or not (hasattr(disp, "overloads") or ufunc):
            raise CorpusError("%s:%d: %s is not a Numba dispatcher or ufunc" % (path, case["line"], fn))
        inputs = eval_args(case)
        args = eval_args(case)
        argtypes = tuple(numba.typeof(a) for a in args)
        entry = {"function": fn, "call": case["call"], "line": case["line"],
                 "args": [describe_arg(w, k, i, v) for i, v in enumerate(inputs)],
                 "arg_types": [str(t) for t in argtypes]}
        before = set(getattr(disp, "overloads", ()))
        raised = None
        try:
            result = disp(*args)
        except Exception as e:  # noqa: BLE001
            if type(e).__module__.startswith("numba"):
                raise CorpusError("%s:%d: Numba failed to compile %s: %s"
                                  % (path, case["line"], case["call"], str(e).splitlines()[0:3]))
            raised = e
        rt = (None if raised is not None else numba.typeof(result)) if ufunc else find_return_type(disp, before, argtypes)
        entry["returns"] = None  # set below; assigned here to keep the manifests' key order
        entry["return_type"] = None if rt is None else str(types.unliteral(rt))
        if rt is not None and isinstance(types.unliteral(rt), types.Optional):
            # An Optional result is recorded as what this call returned: none, or the value.
            rt = types.none if raised is None and result is None else types.unliteral(rt).type
        entry["returns"] = kind_of(rt)
        if raised is not None:
            entry["raises"] = type(raised).__name__
            # Numba's text may quote the file it compiled: keep it relative to the repository.
            entry["message"] = str(raised).replace(ROOT_DIR + os.sep, "")
            py_kind, py_msg = (None, None) if ufunc else python_reference(disp, case)
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
            tags = case["tags"]
            known = case["call"] in PRE_XCHECK_DIFFERS.get(name, ("", ()))[1]
            # A @vectorize ufunc keeps no reference to its Python function: nothing to cross-check.
            if not tags.get("unspecified") and not ufunc:
                why = numpy_disagreement(disp, case, result, args,
                                         max(tags.get("ulp", default_ulp), XCHECK_MIN_ULP))
                if why and not (tags.get("numpy_differs") or known):
                    raise CorpusError("%s:%d: %s: Numba and NumPy disagree (tag the CASE "
                                      "numpy-differs with a note= if intended): %s"
                                      % (path, case["line"], case["call"], why))
                if not why and (tags.get("numpy_differs") or known):
                    raise CorpusError("%s:%d: %s: marked numpy-differs, but NumPy agrees"
                                      % (path, case["line"], case["call"]))
        entry["ulp"] = case["tags"].get("ulp", default_ulp)
        entry["unspecified"] = bool(case["tags"].get("unspecified", False))
        if "note" in case["tags"]:
            entry["note"] = case["tags"]["note"]
        if case["tags"].get("numpy_differs"):
            entry["numpy_differs"] = True
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
    base = fn.split("[")[0]
    disp = getattr(mod, base, None)
    if disp is None:
        return {"stage": "import", "raises": "AttributeError", "message": "no function %s" % fn}
    try:
        with np.errstate(all="ignore"):
            target = eval(fn, {base: disp}) if "[" in fn else disp  # kernel[grid, block]
            r = target(*[eval(a, dict(ARG_NS)) for a in arg_src])
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
