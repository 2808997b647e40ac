package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.typeinfer.ir.AtomicOp;
import dev.arrayjit.typeinfer.ir.GpuQuery;
import dev.arrayjit.typeinfer.ir.GpuSync;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numba's CUDA kernel API inside {@code @cuda.jit} code: {@code cuda.threadIdx.x} and its kin,
 * {@code cuda.grid}, {@code cuda.gridsize}, {@code cuda.shared.array}, {@code cuda.local.array},
 * {@code cuda.syncthreads} and {@code cuda.atomic.*}. Positions are int64, like Python ints.
 */
final class GpuIntrinsics {
    private static final String PREFIX = "numba.cuda.";

    private final FunctionTyper t;

    GpuIntrinsics(FunctionTyper t) { this.t = t; }

    static boolean isGpuName(String q) { return q.startsWith(PREFIX); }

    /** {@code cuda.threadIdx.x} ...: a position of the work-item. */
    TExpr attribute(String q, Expr.Attribute a) {
        if (!inGpuCode(a.span(), a.span().text())) return null;
        String name = q.substring(PREFIX.length());
        int dot = name.indexOf('.');
        GpuQuery query = dot < 0 ? null : switch (name.substring(0, dot)) {
            case "threadIdx" -> GpuQuery.THREAD_IDX;
            case "blockIdx" -> GpuQuery.BLOCK_IDX;
            case "blockDim" -> GpuQuery.BLOCK_DIM;
            case "gridDim" -> GpuQuery.GRID_DIM;
            default -> null;
        };
        int axis = dot < 0 ? -1 : "xyz".indexOf(name.substring(dot + 1));
        if (query == null || axis < 0 || name.length() != dot + 2) {
            t.error("unsupported.gpu", a.span(), "'" + a.span().text() + "' is not supported",
                    "the positions are cuda.threadIdx, cuda.blockIdx, cuda.blockDim and cuda.gridDim, each with .x, .y and .z");
            return null;
        }
        return new TExpr.GpuIndex(query, axis, a.span());
    }

    /** A call of {@code cuda.<name>}. */
    TExpr call(String q, Expr.Call c) {
        String name = q.substring(PREFIX.length());
        if (!inGpuCode(c.span(), "cuda." + name + "()")) return null;
        return switch (name) {
            case "grid" -> position(c, GpuQuery.GLOBAL_ID);
            case "gridsize" -> position(c, GpuQuery.GLOBAL_SIZE);
            case "syncthreads", "threadfence", "threadfence_block", "threadfence_system" -> {
                if (!c.args().isEmpty() || !c.keywords().isEmpty()) {
                    t.error("type.call.arity", c.span(), "cuda." + name + "() takes no arguments", "");
                    yield null;
                }
                GpuSync sync = switch (name) {
                    case "syncthreads" -> GpuSync.BARRIER;
                    case "threadfence_block" -> GpuSync.FENCE_BLOCK;
                    default -> GpuSync.FENCE;
                };
                yield new TExpr.GpuBarrier(sync, null, c.span());
            }
            case "syncthreads_count", "syncthreads_and", "syncthreads_or" -> {
                if (c.args().size() != 1 || !c.keywords().isEmpty()) {
                    t.error("type.call.arity", c.span(), "cuda." + name + "() takes one predicate", "write cuda." + name + "(x > 0)");
                    yield null;
                }
                TExpr p = t.expr(c.args().get(0));
                if (p == null) yield null;
                if (!p.type().isScalar()) {
                    t.error("type.call.argument", c.args().get(0).span(), "cuda." + name + "() takes a number or bool, not " + p.type(), "");
                    yield null;
                }
                GpuSync sync = name.endsWith("count") ? GpuSync.COUNT : name.endsWith("and") ? GpuSync.AND : GpuSync.OR;
                yield new TExpr.GpuBarrier(sync, p.type() instanceof Type.Bool ? p : new TExpr.Truth(p, p.span()), c.span());
            }
            case "const.array_like" -> {
                // The array is a module-level constant already (Numba freezes globals): it is its own constant copy.
                TExpr a = c.args().size() == 1 && c.keywords().isEmpty() ? t.expr(c.args().get(0)) : null;
                if (a == null || !(a instanceof TExpr.ConstArray)) {
                    if (a != null || c.args().size() != 1) {
                        t.error("type.call.argument", c.span(), "cuda.const.array_like() takes one module-level NumPy array",
                                "define the array at the top of the file and pass its name");
                    }
                    yield null;
                }
                yield a;
            }
            case "shared.array" -> array(c, true);
            case "local.array" -> array(c, false);
            case "atomic.add", "atomic.sub", "atomic.min", "atomic.max", "atomic.exch", "atomic.xor", "atomic.inc", "atomic.dec",
                 "atomic.cas" -> atomic(AtomicOp.valueOf(name.substring(7).toUpperCase(Locale.ROOT)), c);
            case "atomic.and_" -> atomic(AtomicOp.AND, c);
            case "atomic.or_" -> atomic(AtomicOp.OR, c);
            case "atomic.compare_and_swap" -> compareAndSwap(c);
            default -> {
                t.error("unsupported.gpu", c.func().span(), "'" + c.func().span().text() + "' is not supported yet",
                        "supported: cuda.grid, cuda.gridsize, cuda.syncthreads (and _count, _and, _or), cuda.threadfence (and _block, _system), "
                                + "cuda.shared.array, cuda.local.array, cuda.const.array_like and "
                                + "cuda.atomic.add, sub, min, max, exch, and_, or_, xor, inc, dec, cas and compare_and_swap");
                yield null;
            }
        };
    }

    private boolean inGpuCode(Span span, String what) {
        if (t.decl.info().kind().gpu()) return true;
        t.error("gpu.outside", span, what + " works only inside a @cuda.jit kernel or device function",
                "decorate '" + t.decl.name() + "' with @cuda.jit, or pass the value in as an argument");
        return false;
    }

    /** {@code cuda.grid(n)} / {@code cuda.gridsize(n)}: an int for n = 1, else a tuple of n. */
    private TExpr position(Expr.Call c, GpuQuery query) {
        String fn = query == GpuQuery.GLOBAL_ID ? "cuda.grid" : "cuda.gridsize";
        ConstValue n = c.args().size() == 1 && c.keywords().isEmpty() ? t.constantOf(c.args().get(0)) : null;
        if (!(n instanceof ConstValue.Scalar s && s.value() instanceof Long k && k >= 1 && k <= 3)) {
            t.error("type.call.argument", c.span(), fn + "() takes the number of dimensions, a constant 1, 2 or 3",
                    "write " + fn + "(1), " + fn + "(2) or " + fn + "(3)");
            return null;
        }
        int dims = (int) (long) (Long) s.value();
        if (dims == 1) return new TExpr.GpuIndex(query, 0, c.span());
        List<TExpr> parts = new ArrayList<>();
        for (int d = 0; d < dims; d++) parts.add(new TExpr.GpuIndex(query, d, c.span()));
        return new TExpr.MakeTuple(parts, new Type.Tuple(parts.stream().map(TExpr::type).toList()), c.span());
    }

    /** {@code cuda.shared.array(shape, dtype)}: constant extents, C order. */
    private TExpr array(Expr.Call c, boolean shared) {
        String fn = shared ? "cuda.shared.array" : "cuda.local.array";
        Expr shapeExpr = c.args().isEmpty() ? null : c.args().get(0);
        Expr dtypeExpr = c.args().size() > 1 ? c.args().get(1) : null;
        for (Keyword kw : c.keywords()) {
            if ("shape".equals(kw.name())) shapeExpr = kw.value();
            else if ("dtype".equals(kw.name())) dtypeExpr = kw.value();
            else {
                t.error("unsupported.keyword", kw.span(), fn + "() takes shape and dtype, not '" + kw.name() + "'", "");
                return null;
            }
        }
        if (shapeExpr == null || dtypeExpr == null || c.args().size() > 2) {
            t.error("type.call.arity", c.span(), fn + "() takes a shape and a dtype", "write " + fn + "((16, 16), np.float64)");
            return null;
        }
        ConstValue shape = t.constantOf(shapeExpr);
        List<Long> dims = new ArrayList<>();
        if (shape instanceof ConstValue.Scalar s && s.value() instanceof Long k) dims.add(k);
        else if (shape instanceof ConstValue.Tuple tu) {
            for (ConstValue e : tu.elements()) dims.add(e instanceof ConstValue.Scalar s && s.value() instanceof Long k ? k : null);
        } else {
            dims.add(null);
        }
        long total = 1;
        for (Long d : dims) {
            if (d == null || d <= 0) {
                t.error("gpu.array.shape", shapeExpr.span(), "the shape of " + fn + "() must be positive integers known at compile time",
                        "use literals or module-level constants, e.g. TPB = 16 and " + fn + "((TPB, TPB), np.float64)");
                return null;
            }
            total *= d;
        }
        if (dims.isEmpty() || dims.size() > 8 || total > (1 << 24)) {
            t.error("gpu.array.shape", shapeExpr.span(), "a " + fn + "() needs 1 to 8 dimensions and at most 16M elements", "");
            return null;
        }
        Type dtype = new Calls(t).dtypeArg(dtypeExpr);
        if (dtype == null) return null;
        if (!(dtype instanceof Type.Int || dtype instanceof Type.Float || dtype instanceof Type.Bool)) {
            t.error("gpu.array.dtype", dtypeExpr.span(), fn + "() of " + dtype + " is not supported on the GPU", "use a number type");
            return null;
        }
        return new TExpr.GpuArray(new Type.Array(dtype, dims.size(), Layout.C, false), List.copyOf(dims), shared, c.span());
    }

    /** {@code cuda.atomic.op(array, index, value)} ({@code cas}: {@code (array, index, old, value)}): the old element. */
    private TExpr atomic(AtomicOp op, Expr.Call c) {
        String fn = "cuda.atomic." + op.pythonName();
        int arity = op == AtomicOp.CAS ? 4 : 3;
        if (c.args().size() != arity || !c.keywords().isEmpty()) {
            t.error("type.call.arity", c.span(), fn + "() takes an array, an index and " + (op == AtomicOp.CAS ? "the expected and the new value" : "a value"),
                    op == AtomicOp.CAS ? "write cuda.atomic.cas(a, i, old, new)" : "write " + fn + "(hist, i, 1)");
            return null;
        }
        TExpr array = t.expr(c.args().get(0)), index = t.expr(c.args().get(1));
        List<TExpr> operands = new ArrayList<>();
        for (int k = 2; k < arity; k++) operands.add(t.expr(c.args().get(k)));
        if (array == null || index == null || operands.contains(null)) return null;
        if (!(array.type() instanceof Type.Array at) || !(at.dtype() instanceof Type.Int || at.dtype() instanceof Type.Float)) {
            t.error("type.call.argument", c.args().get(0).span(), fn + "() updates an array of numbers, not " + array.type(), "");
            return null;
        }
        if (op.integerOnly() && !(at.dtype() instanceof Type.Int)) {
            t.error("type.call.argument", c.args().get(0).span(), fn + "() updates integer arrays, not " + array.type(), "");
            return null;
        }
        List<TExpr> indices = new ArrayList<>();
        if (index.type() instanceof Type.Tuple tt) {
            for (int i = 0; i < tt.elements().size(); i++) {
                indices.add(index instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(index, i, index.span()));
            }
        } else {
            indices.add(index);
        }
        for (int i = 0; i < indices.size(); i++) {
            if (!(indices.get(i).type() instanceof Type.Int)) {
                t.error("type.index", c.args().get(1).span(), "the index of " + fn + "() must be integers, not " + index.type(), "");
                return null;
            }
            indices.set(i, t.cast(indices.get(i), Types.INT64, c.args().get(1).span()));
        }
        if (indices.size() != at.ndim()) {
            t.error("type.index", c.args().get(1).span(), fn + "() needs one index per dimension: " + at.ndim() + " for " + at
                    + ", got " + indices.size(), at.ndim() > 1 ? "pass a tuple, e.g. (i, j)" : "");
            return null;
        }
        for (int k = 0; k < operands.size(); k++) {
            TExpr v = operands.get(k);
            if (!v.type().isScalar() || v.type() instanceof Type.Complex) {
                t.error("type.call.argument", c.args().get(2 + k).span(), fn + "() needs a number, not " + v.type(), "");
                return null;
            }
            operands.set(k, t.cast(v, at.dtype(), c.args().get(2 + k).span()));
        }
        if (at.readonly()) {
            t.error("type.readonly", c.args().get(0).span(), fn + "() cannot update a read-only array", "");
            return null;
        }
        TExpr value = operands.get(operands.size() - 1), compare = op == AtomicOp.CAS ? operands.get(0) : null;
        return new TExpr.GpuAtomic(op, array, indices, value, compare, t.boundsSite(c.span()), c.span());
    }

    /** {@code cuda.atomic.compare_and_swap(array, old, value)}: {@code cas} on the first element of a 1-D array. */
    private TExpr compareAndSwap(Expr.Call c) {
        if (c.args().size() != 3 || !c.keywords().isEmpty()) {
            t.error("type.call.arity", c.span(), "cuda.atomic.compare_and_swap() takes an array, the expected and the new value",
                    "write cuda.atomic.compare_and_swap(a, old, new), or cuda.atomic.cas(a, i, old, new) for another element");
            return null;
        }
        Expr zero = new Expr.IntLit(java.math.BigInteger.ZERO, c.span());
        return atomic(AtomicOp.CAS, new Expr.Call(c.func(), List.of(c.args().get(0), zero, c.args().get(1), c.args().get(2)), c.keywords(), c.span()));
    }
}
