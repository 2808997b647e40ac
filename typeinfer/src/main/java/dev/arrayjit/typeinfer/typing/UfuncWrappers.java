package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.typeinfer.UfuncRequest;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.ir.ViewIndex;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The function a {@link UfuncRequest} becomes: typed IR written directly (there is no source for it)
 * around calls of the scalar kernel, with the element-wise parts as {@link TExpr.ElementWise}, so
 * broadcasting, loop versioning and vectorization are those of array expressions.
 */
final class UfuncWrappers {
    private final ErrorSites sites;
    private final KernelDecl kernel;
    private final TypedFunction scalar;
    private final String symbol;
    private final Diagnostics diags;
    private final Span s;
    private final List<Var> locals = new ArrayList<>();

    UfuncWrappers(ErrorSites sites, KernelDecl kernel, TypedFunction scalar, String symbol, Diagnostics diags) {
        this.sites = sites;
        this.kernel = kernel;
        this.scalar = scalar;
        this.symbol = symbol;
        this.diags = diags;
        this.s = kernel.def().nameSpan();
    }

    private Var var(String name, Type type) {
        Var v = new Var(name, type, locals.size());
        locals.add(v);
        return v;
    }

    private static TExpr load(Var v, Span s) { return new TExpr.Load(v, s); }

    private TExpr i64(long v) { return new TExpr.Const(Types.INT64, v, s); }

    private static TExpr cast(TExpr v, Type to, Span s) { return v.type().equals(to) ? v : new TExpr.Cast(v, to, s); }

    /** The scalar kernel applied to values, each converted to its loop type. */
    private TExpr apply(List<TExpr> values, List<Type> loop) {
        List<TExpr> args = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) args.add(cast(values.get(i), loop.get(i), s));
        return new TExpr.Call(scalar.symbol(), args, scalar.returnType(), s);
    }

    TypedFunction build(UfuncRequest r) {
        Type ret = scalar.returnType();
        if (!ret.isScalar() && r.method() != UfuncRequest.Method.GENERALIZED) {
            diags.report(Diagnostic.error("type.vectorize", s, "a @vectorize function returns one number per element, but '"
                    + kernel.name() + "' returns " + ret + " for " + r.loop(), "return a number; use @guvectorize for array results"));
            return null;
        }
        if (r.method() != UfuncRequest.Method.CALL && r.method() != UfuncRequest.Method.GENERALIZED && r.loop().size() != 2) {
            diags.report(Diagnostic.error("type.vectorize", s, "ufunc." + r.method().name().toLowerCase(java.util.Locale.ROOT)
                    + "() needs a function of two inputs; '" + kernel.name() + "' takes " + r.loop().size(), ""));
            return null;
        }
        List<Var> params = new ArrayList<>();
        for (int i = 0; i < r.argTypes().size(); i++) {
            String name = i < kernel.info().params().size() && r.method() == UfuncRequest.Method.CALL ? kernel.info().params().get(i) : "a" + i;
            params.add(var(name, r.argTypes().get(i)));
        }
        List<TStmt> body = new ArrayList<>();
        Type result = switch (r.method()) {
            case CALL -> call(r, params, body);
            case OUTER -> outer(r, params, body);
            case REDUCE -> reduce(r, params.get(0), body);
            case ACCUMULATE -> accumulate(r, params.get(0), body);
            case GENERALIZED -> new Generalized(r, params, body).build();
        };
        if (result == null) return null;
        var f = kernel.info().flags();
        return new TypedFunction(kernel.name() + "$ufunc", symbol, params, result, List.copyOf(locals), body,
                new dev.arrayjit.typeinfer.ir.Flags(f.fastmath(), f.boundscheck(), f.numpyErrors(), r.parallel()), kernel.def().span());
    }

    /** Element parameters of an element-wise body, one per operand, of the operand's dtype. */
    private List<Var> elementParams(List<Var> operands) {
        List<Var> out = new ArrayList<>();
        for (Var o : operands) out.add(var("$" + o.name(), Types.dtypeOf(o.type())));
        return out;
    }

    private Type call(UfuncRequest r, List<Var> params, List<TStmt> body) {
        Type ret = scalar.returnType();
        int ndim = 0;
        for (Type t : r.argTypes()) ndim = Math.max(ndim, Types.ndimOf(t));
        boolean anyArray = r.argTypes().stream().anyMatch(t -> t instanceof Type.Array);
        if (!anyArray && r.out() == null) {
            List<TExpr> values = new ArrayList<>();
            for (Var p : params) values.add(load(p, s));
            body.add(new TStmt.Return(apply(values, r.loop()), s));
            return ret;
        }
        List<Var> els = elementParams(params);
        List<TExpr> values = new ArrayList<>();
        for (Var e : els) values.add(load(e, s));
        List<TExpr> operands = new ArrayList<>();
        for (Var p : params) operands.add(load(p, s));
        if (r.out() == null) {
            body.add(new TStmt.Return(new TExpr.ElementWise(operands, els, apply(values, r.loop()),
                    new Type.Array(ret, ndim, Layout.C, false), s), s));
            return new Type.Array(ret, ndim, Layout.C, false);
        }
        if (!Types.canCastSameKind(ret, r.out().dtype())) {
            diags.report(Diagnostic.error("type.vectorize.out", s, "cannot cast ufunc '" + kernel.name() + "' output from " + ret + " to "
                    + r.out().dtype() + " with casting rule 'same_kind'", "pass an out array of " + ret));
            return null;
        }
        Var out = var("out", r.out());
        params.add(out);
        TExpr ew = new TExpr.ElementWise(operands, els, cast(apply(values, r.loop()), r.out().dtype(), s),
                new Type.Array(r.out().dtype(), ndim, Layout.C, false), s);
        ErrorSite mismatch = sites.add(ExcKind.ValueError, "non-broadcastable output operand with shape "
                + dev.arrayjit.typeinfer.ir.ErrorSite.shapeTemplate(ndim, r.out().ndim()) + " doesn't match the broadcast shape "
                + dev.arrayjit.typeinfer.ir.ErrorSite.shapeTemplate(0, ndim), s);
        body.add(new TStmt.ArrayAssign(load(out, s), ew, mismatch, s));
        body.add(new TStmt.Return(load(out, s), s));
        return r.out();
    }

    private Type outer(UfuncRequest r, List<Var> params, List<TStmt> body) {
        Type.Array a = (Type.Array) params.get(0).type(), b = (Type.Array) params.get(1).type();
        List<ViewIndex> idx = new ArrayList<>();
        for (int k = 0; k < a.ndim(); k++) idx.add(new ViewIndex.Range(null, null, null));
        for (int k = 0; k < b.ndim(); k++) idx.add(new ViewIndex.NewAxis());
        Type.Array wide = new Type.Array(a.dtype(), a.ndim() + b.ndim(), Layout.A, a.readonly());
        Var va = var("$outer", wide);
        body.add(new TStmt.Assign(va, new TExpr.View(load(params.get(0), s), idx, wide, null, null, s), s));
        List<Var> ops = List.of(va, params.get(1));
        List<Var> els = elementParams(ops);
        Type.Array type = new Type.Array(scalar.returnType(), a.ndim() + b.ndim(), Layout.C, false);
        body.add(new TStmt.Return(new TExpr.ElementWise(List.of(load(va, s), load(params.get(1), s)), els,
                apply(List.of(load(els.get(0), s), load(els.get(1), s)), r.loop()), type, s), s));
        return type;
    }

    /** A {@code @guvectorize} kernel over the outer dimensions of its operands. */
    private final class Generalized {
        private final UfuncRequest r;
        private final List<Var> params;
        private final List<TStmt> body;
        private final dev.arrayjit.typeinfer.GufuncLayout layout = kernel.info().layout();
        private final int nin = layout.inputs().size(), nout = layout.outputs().size();
        private final java.util.Map<String, TExpr> sizes = new java.util.HashMap<>();
        private final List<Var> outer = new ArrayList<>();

        Generalized(UfuncRequest r, List<Var> params, List<TStmt> body) {
            this.r = r;
            this.params = params;
            this.body = body;
        }

        private Type fail(String message, String hint) {
            diags.report(Diagnostic.error("type.guvectorize", s, "gufunc '" + kernel.name() + "' " + layout + ": " + message, hint));
            return null;
        }

        private Var hold(String name, TExpr v) {
            Var x = var(name, v.type());
            body.add(new TStmt.Assign(x, v, s));
            return x;
        }

        Type build() {
            boolean outsGiven = r.argTypes().size() == nin + nout;
            int rank = 0;
            int[] outerRank = new int[nin];
            for (int i = 0; i < nin; i++) {
                int nd = Types.ndimOf(r.argTypes().get(i)), core = layout.inputs().get(i).size();
                if (nd < core) {
                    return fail("input " + (i + 1) + " has " + nd + " dimension" + (nd == 1 ? "" : "s") + " but its core ("
                            + String.join(",", layout.inputs().get(i)) + ") needs " + core, "pass an array with at least " + core + " dimensions");
                }
                outerRank[i] = nd - core;
                rank = Math.max(rank, outerRank[i]);
            }
            // Core sizes from the inputs: a name seen again must have the same size (ValueError otherwise).
            for (int i = 0; i < nin; i++) {
                List<String> core = layout.inputs().get(i);
                for (int j = 0; j < core.size(); j++) {
                    TExpr d = new TExpr.ArrayDim(load(params.get(i), s), outerRank[i] + j, s);
                    TExpr known = sizes.get(core.get(j));
                    if (known == null) {
                        sizes.put(core.get(j), load(hold("$" + core.get(j), d), s));
                    } else {
                        ErrorSite site = sites.add(ExcKind.ValueError, kernel.name() + ": Input operand " + i + " has a mismatch in its core dimension "
                                + j + ", with gufunc signature " + layout + " (size {0} is different from {1})", s);
                        body.add(new TStmt.If(new TExpr.Compare(CmpOp.NE, d, known, s), List.of(new TStmt.Raise(site, List.of(d, known), s)), List.of(), s));
                    }
                }
            }
            // The outer shape: the inputs' outer dimensions broadcast together.
            for (int k = 0; k < rank; k++) outer.add(hold("$outer", i64(1)));
            ErrorSite mismatch = sites.add(ExcKind.ValueError, kernel.name() + ": operands could not be broadcast together on their outer dimensions", s);
            for (int i = 0; i < nin; i++) {
                for (int a = 0; a < outerRank[i]; a++) {
                    Var o = outer.get(a + rank - outerRank[i]);
                    TExpr d = new TExpr.ArrayDim(load(params.get(i), s), a, s);
                    body.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, load(o, s), i64(1), s), List.of(new TStmt.Assign(o, d, s)),
                            List.of(new TStmt.If(new TExpr.Logical(true, new TExpr.Compare(CmpOp.NE, d, i64(1), s),
                                    new TExpr.Compare(CmpOp.NE, d, load(o, s), s), Types.BOOL, s), List.of(new TStmt.Raise(mismatch, s)), List.of(), s)), s));
                }
            }
            // Inputs: converted to the loop's dtypes where they differ, broadcast to the outer shape.
            List<TExpr> inputs = new ArrayList<>();
            for (int i = 0; i < nin; i++) {
                Type t = r.argTypes().get(i), want = Types.dtypeOf(r.loop().get(i));
                TExpr v = load(params.get(i), s);
                if (t instanceof Type.Array at) {
                    if (!at.dtype().equals(want)) v = load(hold("$conv", converted(v, want)), s);
                    Type.Array vt = (Type.Array) v.type();
                    if (outerRank[i] < rank || rank > 0) {
                        List<TExpr> shape = new ArrayList<>();
                        for (Var o : outer) shape.add(load(o, s));
                        for (int j = 0; j < layout.inputs().get(i).size(); j++) shape.add(new TExpr.ArrayDim(v, outerRank[i] + j, s));
                        v = load(hold("$b", new TExpr.BroadcastTo(v, shape, new Type.Array(want, shape.size(), Layout.A, vt.readonly()), s)), s);
                    }
                } else {
                    v = cast(v, want, s);
                }
                inputs.add(v);
            }
            // Outputs: given, or new arrays of the outer shape and their core sizes.
            List<TExpr> outputs = new ArrayList<>();
            for (int j = 0; j < nout; j++) {
                List<String> core = layout.outputs().get(j);
                Type.Array lt = (Type.Array) r.loop().get(nin + j);
                if (outsGiven) {
                    Type.Array given = (Type.Array) r.argTypes().get(nin + j);
                    if (!given.dtype().equals(lt.dtype()) || given.ndim() != rank + core.size()) {
                        return fail("output " + (j + 1) + " is " + given + " but this loop writes " + lt.dtype() + " with " + (rank + core.size())
                                + " dimensions", "pass an output of that dtype and shape, or none to have it allocated");
                    }
                    outputs.add(load(params.get(nin + j), s));
                    continue;
                }
                List<TExpr> shape = new ArrayList<>();
                for (Var o : outer) shape.add(load(o, s));
                for (String n : core) {
                    TExpr size = sizes.get(n);
                    if (size == null) return fail("the size of output dimension '" + n + "' is set by no input", "pass the output array too");
                    shape.add(size);
                }
                if (shape.isEmpty()) shape.add(i64(1));
                Type.Array ot = new Type.Array(lt.dtype(), shape.size(), Layout.C, false);
                outputs.add(load(hold("$out", new TExpr.AllocArray(ot, shape, Fill.EMPTY, null, s)), s));
            }
            // The loop over the outer shape, calling the kernel with each position's core views.
            List<Var> idx = new ArrayList<>();
            for (int k = 0; k < rank; k++) idx.add(var("$i", Types.INT64));
            List<TExpr> args = new ArrayList<>();
            for (int i = 0; i < nin; i++) {
                TExpr v = inputs.get(i);
                if (!(v.type() instanceof Type.Array vt) || rank == 0) {
                    args.add(v);
                    continue;
                }
                List<TExpr> at = new ArrayList<>();
                for (Var x : idx) at.add(load(x, s));
                if (layout.inputs().get(i).isEmpty()) args.add(new TExpr.ArrayLoad(v, at, null, s));
                else args.add(view(v, at, false));
            }
            for (int j = 0; j < nout; j++) {
                TExpr o = outputs.get(j);
                List<TExpr> at = new ArrayList<>();
                for (Var x : idx) at.add(load(x, s));
                args.add(rank == 0 ? o : view(o, at, layout.outputs().get(j).isEmpty()));
            }
            List<TExpr> cast = new ArrayList<>();
            for (int k = 0; k < args.size(); k++) cast.add(cast(args.get(k), r.loop().get(k), s));
            List<TStmt> inner = List.of(new TStmt.Eval(new TExpr.Call(scalar.symbol(), cast, scalar.returnType(), s), s));
            for (int k = rank - 1; k >= 0; k--) {
                inner = List.of(new TStmt.ForRange(idx.get(k), i64(0), load(outer.get(k), s), i64(1), inner, null, s));
            }
            if (r.parallel() && rank > 0) {
                // target='parallel': the outermost positions split across threads (each writes its own outputs).
                inner = List.of(new TStmt.ParallelRange((TStmt.ForRange) inner.get(0), List.of(), i64(1), s));
            }
            body.addAll(inner);
            // The outputs: one array, a number for a scalar core without outer dimensions, or a tuple.
            List<TExpr> results = new ArrayList<>();
            for (int j = 0; j < nout; j++) {
                TExpr o = outputs.get(j);
                boolean number = rank == 0 && layout.outputs().get(j).isEmpty() && !outsGiven;
                results.add(number ? new TExpr.ArrayLoad(o, List.of(i64(0)), null, s) : o);
            }
            TExpr result = results.size() == 1 ? results.get(0)
                    : new TExpr.MakeTuple(results, new Type.Tuple(results.stream().map(TExpr::type).toList()), s);
            body.add(new TStmt.Return(result, s));
            return result.type();
        }

        /** The core view of an operand at an outer position; a scalar core as a one-element 1-D view. */
        private TExpr view(TExpr v, List<TExpr> at, boolean scalarCore) {
            Type.Array vt = (Type.Array) v.type();
            List<ViewIndex> ix = new ArrayList<>();
            for (int k = 0; k < at.size(); k++) {
                boolean last = k == at.size() - 1;
                if (scalarCore && last) {
                    ix.add(new ViewIndex.Range(at.get(k), new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.ADD, at.get(k), i64(1), Types.INT64, null, s), null));
                } else {
                    ix.add(new ViewIndex.At(at.get(k)));
                }
            }
            int nd = scalarCore ? 1 : vt.ndim() - at.size();
            return new TExpr.View(v, ix, new Type.Array(vt.dtype(), nd, Layout.A, vt.readonly()), null, null, s);
        }
    }

    /** The operand with {@code axis} moved first (a view), held in a variable. */
    private Var axisFirst(Var a, int axis, List<TStmt> body) {
        Type.Array at = (Type.Array) a.type();
        if (axis == 0) return a;
        List<Integer> perm = new ArrayList<>();
        perm.add(axis);
        for (int k = 0; k < at.ndim(); k++) if (k != axis) perm.add(k);
        Type.Array vt = at.withLayout(Layout.A);
        Var v = var("$moved", vt);
        body.add(new TStmt.Assign(v, new TExpr.Transpose(load(a, s), perm, vt, s), s));
        return v;
    }

    private TExpr row(Var v, TExpr i) {
        Type.Array vt = (Type.Array) v.type();
        Type.Array rt = new Type.Array(vt.dtype(), vt.ndim() - 1, vt.layout() == Layout.C ? Layout.C : Layout.A, vt.readonly());
        return new TExpr.View(load(v, s), List.of(new ViewIndex.At(i)), rt, null, null, s);
    }

    /** {@code f(x, y)} applied element-wise to two arrays of one shape, converted to {@code ret}. */
    private TExpr pairwise(TExpr x, TExpr y, List<Type> loop, Type ret) {
        Var px = var("$x", Types.dtypeOf(x.type())), py = var("$y", Types.dtypeOf(y.type()));
        return new TExpr.ElementWise(List.of(x, y), List.of(px, py), cast(apply(List.of(load(px, s), load(py, s)), loop), ret, s),
                new Type.Array(ret, Types.ndimOf(x.type()), Layout.C, false), s);
    }

    private TExpr converted(TExpr x, Type ret) {
        Var p = var("$x", Types.dtypeOf(x.type()));
        return new TExpr.ElementWise(List.of(x), List.of(p), cast(load(p, s), ret, s), new Type.Array(ret, Types.ndimOf(x.type()), Layout.C, false), s);
    }

    private ErrorSite equalShapes() {
        return sites.add(ExcKind.ValueError, "could not broadcast input array", s);
    }

    private Type reduce(UfuncRequest r, Var a, List<TStmt> body) {
        Type ret = scalar.returnType();
        Var v = axisFirst(a, r.axis(), body);
        int nd = ((Type.Array) v.type()).ndim();
        Var n = var("$n", Types.INT64);
        body.add(new TStmt.Assign(n, new TExpr.ArrayDim(load(v, s), 0, s), s));
        Integer identity = kernel.info().identity();
        List<TStmt> whenEmpty = new ArrayList<>();
        if (identity == null) {
            whenEmpty.add(new TStmt.Raise(sites.add(ExcKind.ValueError, "zero-size array to reduction operation " + kernel.name()
                    + " which has no identity", s), s));
        } else if (nd == 1) {
            whenEmpty.add(new TStmt.Return(cast(i64(identity), ret, s), s));
        } else {
            // An empty axis reduces to the identity everywhere.
            Type.Array et = new Type.Array(ret, nd - 1, Layout.C, false);
            List<TExpr> rest = new ArrayList<>();
            for (int k = 1; k < nd; k++) rest.add(new TExpr.ArrayDim(load(v, s), k, s));
            whenEmpty.add(new TStmt.Return(new TExpr.AllocArray(et, rest, identity == 0 ? Fill.ZEROS : Fill.ONES, null, s), s));
        }
        body.add(new TStmt.If(new TExpr.Compare(CmpOp.EQ, load(n, s), i64(0), s), whenEmpty, List.of(), s));
        Var i = var("$i", Types.INT64);
        if (nd == 1) {
            Var acc = var("$acc", ret);
            body.add(new TStmt.Assign(acc, cast(new TExpr.ArrayLoad(load(v, s), List.of(i64(0)), null, s), ret, s), s));
            TExpr next = cast(apply(List.of(load(acc, s), new TExpr.ArrayLoad(load(v, s), List.of(load(i, s)), null, s)), r.loop()), ret, s);
            body.add(new TStmt.ForRange(i, i64(1), load(n, s), i64(1), List.of(new TStmt.Assign(acc, next, s)), null, s));
            body.add(new TStmt.Return(load(acc, s), s));
            return ret;
        }
        Type.Array at = new Type.Array(ret, nd - 1, Layout.C, false);
        List<TExpr> shape = new ArrayList<>();
        for (int k = 1; k < nd; k++) shape.add(new TExpr.ArrayDim(load(v, s), k, s));
        Var acc = var("$acc", at);
        body.add(new TStmt.Assign(acc, new TExpr.AllocArray(at, shape, Fill.EMPTY, null, s), s));
        body.add(new TStmt.ArrayAssign(load(acc, s), converted(row(v, i64(0)), ret), equalShapes(), s));
        body.add(new TStmt.ForRange(i, i64(1), load(n, s), i64(1), List.of(new TStmt.ArrayAssign(load(acc, s),
                pairwise(load(acc, s), row(v, load(i, s)), r.loop(), ret), equalShapes(), s)), null, s));
        body.add(new TStmt.Return(load(acc, s), s));
        return at;
    }

    private Type accumulate(UfuncRequest r, Var a, List<TStmt> body) {
        Type ret = scalar.returnType();
        Type.Array in = (Type.Array) a.type();
        Var v = axisFirst(a, r.axis(), body);
        int nd = in.ndim();
        Var n = var("$n", Types.INT64);
        body.add(new TStmt.Assign(n, new TExpr.ArrayDim(load(v, s), 0, s), s));
        Type.Array ot = new Type.Array(ret, nd, Layout.C, false);
        List<TExpr> shape = new ArrayList<>();
        for (int k = 0; k < nd; k++) shape.add(new TExpr.ArrayDim(load(v, s), k, s));
        Var out = var("$out", ot);
        body.add(new TStmt.Assign(out, new TExpr.AllocArray(ot, shape, Fill.EMPTY, null, s), s));
        Var i = var("$i", Types.INT64);
        TExpr prev = new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.SUB, load(i, s), i64(1), Types.INT64, null, s);
        List<TStmt> first = new ArrayList<>();
        List<TStmt> step = new ArrayList<>();
        if (nd == 1) {
            first.add(new TStmt.Store(load(out, s), List.of(i64(0)), cast(new TExpr.ArrayLoad(load(v, s), List.of(i64(0)), null, s), ret, s), null, s));
            step.add(new TStmt.Store(load(out, s), List.of(load(i, s)), cast(apply(List.of(new TExpr.ArrayLoad(load(out, s), List.of(prev), null, s),
                    new TExpr.ArrayLoad(load(v, s), List.of(load(i, s)), null, s)), r.loop()), ret, s), null, s));
        } else {
            first.add(new TStmt.ArrayAssign(row(out, i64(0)), converted(row(v, i64(0)), ret), equalShapes(), s));
            step.add(new TStmt.ArrayAssign(row(out, load(i, s)), pairwise(row(out, prev), row(v, load(i, s)), r.loop(), ret), equalShapes(), s));
        }
        first.add(new TStmt.ForRange(i, i64(1), load(n, s), i64(1), step, null, s));
        body.add(new TStmt.If(new TExpr.Compare(CmpOp.GT, load(n, s), i64(0), s), first, List.of(), s));
        if (r.axis() == 0) {
            body.add(new TStmt.Return(load(out, s), s));
            return ot;
        }
        // Back to the operand's axis order: a view of the result.
        List<Integer> inverse = new ArrayList<>();
        for (int k = 0; k < nd; k++) inverse.add(k == r.axis() ? 0 : k < r.axis() ? k + 1 : k);
        Type.Array rt = ot.withLayout(Layout.A);
        body.add(new TStmt.Return(new TExpr.Transpose(load(out, s), inverse, rt, s), s));
        return rt;
    }
}
