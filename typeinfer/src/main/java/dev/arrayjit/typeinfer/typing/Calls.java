package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls (builtins, math, NumPy, other kernels) and attribute reads. */
final class Calls {
    private final FunctionTyper t;

    Calls(FunctionTyper t) { this.t = t; }

    /** Math functions with one float result computed in the operand's precision. */
    private static final Map<String, MathFn> FLOAT_FUNCS = Map.ofEntries(
            Map.entry("sqrt", MathFn.SQRT), Map.entry("exp", MathFn.EXP), Map.entry("exp2", MathFn.EXP2),
            Map.entry("expm1", MathFn.EXPM1), Map.entry("log", MathFn.LOG), Map.entry("log2", MathFn.LOG2),
            Map.entry("log10", MathFn.LOG10), Map.entry("log1p", MathFn.LOG1P), Map.entry("sin", MathFn.SIN),
            Map.entry("cos", MathFn.COS), Map.entry("tan", MathFn.TAN), Map.entry("asin", MathFn.ASIN),
            Map.entry("acos", MathFn.ACOS), Map.entry("atan", MathFn.ATAN), Map.entry("sinh", MathFn.SINH),
            Map.entry("cosh", MathFn.COSH), Map.entry("tanh", MathFn.TANH), Map.entry("asinh", MathFn.ASINH),
            Map.entry("acosh", MathFn.ACOSH), Map.entry("atanh", MathFn.ATANH), Map.entry("fabs", MathFn.FABS),
            Map.entry("erf", MathFn.ERF), Map.entry("erfc", MathFn.ERFC), Map.entry("gamma", MathFn.GAMMA),
            Map.entry("lgamma", MathFn.LGAMMA), Map.entry("atan2", MathFn.ATAN2), Map.entry("pow", MathFn.POW),
            Map.entry("hypot", MathFn.HYPOT), Map.entry("copysign", MathFn.COPYSIGN), Map.entry("nextafter", MathFn.NEXTAFTER));

    /** The NumPy functions kernels may call besides the math functions (for suggestions). */
    static final java.util.Set<String> SUPPORTED_NUMPY = java.util.Set.of("empty", "zeros", "ones", "full", "empty_like",
            "zeros_like", "ones_like", "full_like", "arange", "linspace", "eye", "identity", "array", "asarray", "copy",
            "sum", "prod", "min", "max", "amin", "amax", "mean", "var", "std", "all", "any", "argmin", "argmax", "cumsum",
            "cumprod", "where", "dot", "outer", "clip", "sort", "argsort", "median", "searchsorted", "bincount", "histogram",
            "unique", "concatenate", "transpose", "reshape", "ravel", "abs", "absolute", "sign", "floor", "ceil", "trunc",
            "rint", "minimum", "maximum", "fmin", "fmax", "isnan", "isinf", "isfinite", "real", "imag", "conj", "conjugate",
            "negative", "positive", "square", "degrees", "radians", "power", "arctan2");

    /** NumPy spellings of the same functions (on scalars). */
    private static final Map<String, String> NUMPY_ALIASES = Map.ofEntries(
            Map.entry("arcsin", "asin"), Map.entry("arccos", "acos"), Map.entry("arctan", "atan"),
            Map.entry("arctan2", "atan2"), Map.entry("arcsinh", "asinh"), Map.entry("arccosh", "acosh"),
            Map.entry("arctanh", "atanh"), Map.entry("power", "pow"));

    // ---- attributes --------------------------------------------------------------------------

    TExpr attribute(Expr.Attribute a) {
        String q = t.scope.qualifiedName(a);
        if (q != null && GpuIntrinsics.isGpuName(q) && !t.scope.isModule(q)) return new GpuIntrinsics(t).attribute(q, a);
        if (q != null) {
            ConstValue c = Builtins.libraryConstant(q);
            if (c != null) return t.constant(c, a.span());
            String base = t.scope.qualifiedName(a.value());
            error(a.span(), "type.attribute", "'" + a.span().text() + "' cannot be used as a value here",
                    base != null && !isKnownLibraryFunction(q) ? "module '" + base + "' has no supported attribute '" + a.attr() + "'" : "call it");
            return null;
        }
        TExpr base = t.expr(a.value());
        if (base == null) return null;
        if ((a.attr().equals("real") || a.attr().equals("imag")) && Types.dtypeOf(base.type()).isScalar()
                && (base.type().isScalar() || base.type() instanceof Type.Array)) {
            boolean imag = a.attr().equals("imag");
            ComplexOps ops = new ComplexOps(t);
            if (base.type().isScalar()) return ops.part(base, imag, a.span());
            return new ArrayExprs(t).map(List.of(base), p -> ops.part(p.get(0), imag, a.span()), a.span());
        }
        if (base.type() instanceof Type.Array at) {
            switch (a.attr()) {
                case "shape" -> {
                    List<TExpr> dims = new ArrayList<>();
                    for (int i = 0; i < at.ndim(); i++) dims.add(new TExpr.ArrayDim(base, i, a.span()));
                    return new TExpr.MakeTuple(dims, new Type.Tuple(dims.stream().map(TExpr::type).toList()), a.span());
                }
                case "size" -> { return new TExpr.ArraySize(base, a.span()); }
                case "ndim" -> { return new TExpr.Const(Types.INT64, (long) at.ndim(), a.span()); }
                case "itemsize" -> { return new TExpr.Const(Types.INT64, (long) Types.sizeOf(at.dtype()), a.span()); }
                case "T" -> { return ArrayMethods.transpose(base, a.span()); }
                default -> { }
            }
        }
        error(a.span(), "type.attribute", "unknown attribute '" + a.attr() + "' of " + base.type(),
                base.type() instanceof Type.Array ? "arrays support .shape, .size, .ndim, .itemsize and .T here" : "");
        return null;
    }

    private static boolean isKnownLibraryFunction(String q) {
        String name = q.substring(q.lastIndexOf('.') + 1);
        return FLOAT_FUNCS.containsKey(name) || NUMPY_ALIASES.containsKey(name);
    }

    // ---- calls -------------------------------------------------------------------------------

    TExpr call(Expr.Call c) {
        if (c.func() instanceof Expr.Name n && t.innerFunction(n.id()) != null) return t.callInner(t.innerFunction(n.id()), c);
        if (c.func() instanceof Expr.Name n && !t.knownLocal(n.id())) {
            Binding b = t.scope.lookup(n.id());
            if (b instanceof Binding.Kernel k) return callKernel(k.decl(), c);
            if (b instanceof Binding.PlainFunction pf) {
                error(n.span(), "type.call.plain", "'" + n.id() + "' is a plain Python function and cannot be called from a kernel",
                        "decorate '" + n.id() + "' with @njit");
                typeArgs(c);
                return null;
            }
        }
        String q = t.scope.qualifiedName(c.func());
        if (q == null) {
            if (c.func() instanceof Expr.Attribute a && t.scope.qualifiedName(a.value()) == null) {
                TExpr base = t.expr(a.value());
                if (base != null && base.type() instanceof Type.Array) return new ArrayMethods(t).method(base, a, c);
                if (base != null && base.type() instanceof Type.ListOf) return new Lists(t).method(base, a, c);
                if (base != null && base.type().isScalar() && (a.attr().equals("conjugate") || a.attr().equals("conj"))
                        && c.args().isEmpty() && c.keywords().isEmpty()) {
                    return new ComplexOps(t).conjugate(base, c.span());
                }
                if (base != null) {
                    error(a.span(), "unsupported.method", "method '" + a.attr() + "' of " + base.type() + " is not supported yet",
                            base.type() instanceof Type.Array ? "write the loop explicitly" : "");
                }
                return null;
            }
            if (c.func() instanceof Expr.Name n) {
                if (t.isPoisoned(n.id())) {
                    typeArgs(c);
                } else if (t.knownLocal(n.id())) {
                    error(n.span(), "type.call.value", "'" + n.id() + "' is a variable, not a function", "");
                } else {
                    List<String> candidates = new ArrayList<>(t.knownNames());
                    candidates.addAll(List.of("abs", "min", "max", "int", "float", "bool", "len", "range", "round"));
                    candidates.addAll(t.scope.kernels().keySet());
                    String close = Suggest.closest(n.id(), candidates);
                    error(n.span(), "name.undefined", "name '" + n.id() + "' is not defined",
                            close != null ? "did you mean '" + close + "'?" : t.undefinedHint(n.id()));
                }
                typeArgs(c);
                return null;
            }
            error(c.func().span(), "type.call", "this expression cannot be called", "");
            return null;
        }
        if (q.startsWith("builtins.")) return builtin(q.substring(9), c);
        if (q.startsWith("math.")) return math(q.substring(5), c, false);
        if (q.startsWith("cmath.")) {
            List<TExpr> a = typeArgs(c);
            if (a == null) return null;
            String fn = q.substring(6);
            int want = fn.equals("rect") ? 2 : 1;
            if (a.size() != want || !c.keywords().isEmpty()) {
                error(c.span(), "type.call.arity", "cmath." + fn + "() takes " + want + " argument" + (want == 1 ? "" : "s"), "");
                return null;
            }
            for (TExpr x : a) {
                if (!x.type().isScalar()) {
                    error(x.span(), "type.call.argument", "cmath." + fn + "() needs a number, not " + x.type(), "");
                    return null;
                }
            }
            return new ComplexOps(t).cmath(fn, a, c.span());
        }
        if (q.startsWith("numpy.random.") || q.startsWith("random.")) return new RandomCalls(t).call(q, c);
        if (q.startsWith("numpy.")) return numpy(q.substring(6), c);
        if (GpuIntrinsics.isGpuName(q)) return new GpuIntrinsics(t).call(q, c);
        if (q.startsWith("numba.")) {
            Type st = Builtins.scalarConstructor(q);
            if (st != null) return convert(st, c);
        }
        error(c.func().span(), "unsupported.function", "'" + c.func().span().text() + "' is not supported in a kernel",
                "see README.md for the supported functions");
        return null;
    }

    private List<TExpr> typeArgs(Expr.Call c) {
        List<TExpr> out = new ArrayList<>();
        boolean unknown = false;
        for (Expr a : c.args()) {
            if (a instanceof Expr.Starred s) {
                error(s.span(), "unsupported.starred", "'*' arguments are not supported yet", "pass the arguments one by one");
                unknown = true;
                continue;
            }
            TExpr v = t.expr(a);
            if (v == null) unknown = true;
            out.add(v);
        }
        return unknown ? null : out;
    }

    private boolean noKeywords(Expr.Call c, String fn) {
        if (c.keywords().isEmpty()) return true;
        error(c.keywords().get(0).span(), "type.call.keyword", fn + "() takes no keyword arguments", "pass the arguments by position");
        return false;
    }

    private boolean arity(Expr.Call c, String fn, int min, int max) {
        int n = c.args().size();
        if (n >= min && n <= max) return true;
        String want = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
        error(c.span(), "type.call.arity", fn + "() takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", got " + n, "");
        return false;
    }

    TExpr callKernel(KernelDecl callee, Expr.Call c) { return callKernel(callee, c, List.of()); }

    /** A kernel call; {@code trailing} are typed values for the callee's last parameters (an inner function's captures). */
    TExpr callKernel(KernelDecl callee, Expr.Call c, List<TExpr> trailing) {
        List<Param> params = callee.def().params();
        for (Param p : params) {
            if (p.kind() != Param.Kind.PLAIN) {
                error(p.span(), "unsupported.params", "'" + callee.name() + "' has *args or **kwargs parameters, which are not supported yet",
                        "give it plain parameters");
                return null;
            }
        }
        List<TExpr> positional = typeArgs(c);
        TExpr[] bound = new TExpr[params.size()];
        int open = params.size() - trailing.size(); // parameters the call's own arguments fill
        for (int i = 0; i < trailing.size(); i++) bound[open + i] = trailing.get(i);
        boolean ok = positional != null;
        if (c.args().size() > open) {
            error(c.span(), "type.call.arity", "'" + callee.name() + "' takes " + open + " argument"
                    + (open == 1 ? "" : "s") + " but " + c.args().size() + " were given",
                    "call it as " + callee.name() + "(" + String.join(", ", callee.info().params()) + ")");
            return null;
        }
        if (positional != null) for (int i = 0; i < positional.size(); i++) bound[i] = positional.get(i);
        for (Keyword kw : c.keywords()) {
            int idx = callee.info().params().indexOf(kw.name());
            TExpr v = t.expr(kw.value());
            if (idx < 0) {
                error(kw.span(), "type.call.keyword", "'" + callee.name() + "' has no parameter '" + kw.name() + "'",
                        Suggest.hint(kw.name(), callee.info().params()));
                ok = false;
            } else if (idx < c.args().size()) {
                error(kw.span(), "type.call.keyword", "'" + callee.name() + "' got two values for '" + kw.name() + "'", "");
                ok = false;
            } else {
                bound[idx] = v;
                if (v == null) ok = false;
            }
        }
        for (int i = 0; i < params.size(); i++) {
            if (bound[i] != null || !ok) continue;
            Param p = params.get(i);
            if (p.defaultValue() == null) {
                error(c.span(), "type.call.arity", "'" + callee.name() + "' is missing the argument '" + p.name() + "'",
                        "call it as " + callee.name() + "(" + String.join(", ", callee.info().params()) + ")");
                return null;
            }
            ConstValue dv = t.constantOf(p.defaultValue());
            TExpr d = dv == null ? null : t.constant(dv, c.span());
            if (d == null) {
                error(p.defaultValue().span(), "unsupported.default", "the default value of '" + p.name() + "' must be a constant", "");
                return null;
            }
            bound[i] = d;
        }
        if (!ok) return null;
        List<TExpr> args = List.of(bound);
        if (callee.info().kind() == KernelInfo.Kind.VECTORIZE) return vectorized(callee, args, c.span());
        if (callee.info().kind() == KernelInfo.Kind.GPU_KERNEL) {
            error(c.span(), "gpu.call.kernel", "'" + callee.name() + "' is a @cuda.jit kernel: it is launched over a grid, not called",
                    "make it a device function with @cuda.jit(device=True), or launch it from the host as "
                            + callee.name() + "[blocks, threads](...)");
            return null;
        }
        if (callee.info().kind() == KernelInfo.Kind.GPU_DEVICE && !t.decl.info().kind().gpu()) {
            error(c.span(), "gpu.call.device", "'" + callee.name() + "' is a GPU device function: only GPU code can call it",
                    "call it from a @cuda.jit kernel, or decorate it with @njit to use it on the CPU");
            return null;
        }
        List<Type> argTypes = args.stream().map(TExpr::type).toList();
        if (t.specializer.typing(callee, argTypes)) {
            // Recursion: the callee's return type is what its other paths return (Numba's rule).
            TExpr call = t.specializer.recursiveCall(callee, argTypes, args, c.span());
            if (call == null && t.finalPass) {
                error(c.span(), "type.recursion", "cannot infer the return type of recursive '" + callee.name()
                        + "': no path returns without calling it", "add a base case that returns a value without recursing");
            }
            return call;
        }
        TypedFunction f = t.specializer.specialize(callee, argTypes, c.span(), t.finalPass);
        if (f == null) return null;
        List<TExpr> cast = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) cast.add(t.cast(args.get(i), f.params().get(i).type(), args.get(i).span()));
        return new TExpr.Call(f.symbol(), cast, f.returnType(), c.span());
    }

    /**
     * A {@code @vectorize} kernel called inside a kernel: with numbers, its loop for them; with arrays,
     * that loop applied element-wise over the operands broadcast together (an array expression that
     * fuses with the rest). The loop is the first signature every operand's type casts to safely, or
     * the operands' own types for a kernel without signatures.
     */
    private TExpr vectorized(KernelDecl callee, List<TExpr> args, Span span) {
        List<Type> dtypes = args.stream().map(a -> Types.dtypeOf(a.type())).toList();
        for (TExpr a : args) {
            if (!a.type().isScalar() && !(a.type() instanceof Type.Array)) {
                error(a.span(), "type.call.argument", "'" + callee.name() + "' is a ufunc: it takes arrays and numbers, not " + a.type(), "");
                return null;
            }
        }
        List<Type> loop = dtypes;
        if (!callee.info().signatures().isEmpty()) {
            loop = null;
            for (KernelInfo.Signature sig : callee.info().signatures()) {
                boolean all = sig.args().size() == dtypes.size();
                for (int i = 0; all && i < dtypes.size(); i++) all = Types.canCast(dtypes.get(i), sig.args().get(i));
                if (all) { loop = sig.args(); break; }
            }
            if (loop == null) {
                error(span, "type.call.ufunc", "ufunc '" + callee.name() + "' has no loop for " + dtypes + "; its loops are "
                        + callee.info().loops(), "convert the arguments, or add a signature to @vectorize");
                return null;
            }
        }
        TypedFunction f = t.specializer.specialize(callee, loop, span, t.finalPass);
        if (f == null) return null;
        if (!f.returnType().isScalar()) {
            error(span, "type.vectorize", "a @vectorize function returns one number per element, but '" + callee.name() + "' returns "
                    + f.returnType(), "return a number; use @guvectorize for array results");
            return null;
        }
        int ndim = 0;
        for (TExpr a : args) ndim = Math.max(ndim, Types.ndimOf(a.type()));
        if (args.stream().noneMatch(a -> a.type() instanceof Type.Array)) {
            List<TExpr> cast = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) cast.add(t.cast(args.get(i), loop.get(i), span));
            return new TExpr.Call(f.symbol(), cast, f.returnType(), span);
        }
        List<dev.arrayjit.typeinfer.ir.Var> params = new ArrayList<>();
        List<TExpr> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            dev.arrayjit.typeinfer.ir.Var p = t.newVar("$u", dtypes.get(i));
            params.add(p);
            values.add(t.cast(new TExpr.Load(p, span), loop.get(i), span));
        }
        return new TExpr.ElementWise(args, params, new TExpr.Call(f.symbol(), values, f.returnType(), span),
                new Type.Array(f.returnType(), ndim, dev.arrayjit.typeinfer.types.Layout.C, false), span);
    }

    // ---- builtins ----------------------------------------------------------------------------

    private TExpr builtin(String name, Expr.Call c) {
        switch (name) {
            case "abs" -> {
                if (!noKeywords(c, name) || !arity(c, name, 1, 1)) return null;
                TExpr x = one(c);
                return x == null ? null : abs(x, c.span());
            }
            case "min", "max" -> {
                if (c.args().size() == 1 && c.keywords().isEmpty()) return overIterable(name, c);
                return minMax(name, c);
            }
            case "sum" -> {
                if (!noKeywords(c, name) || !arity(c, name, 1, 1)) return null;
                return overIterable(name, c);
            }
            case "list" -> {
                if (!noKeywords(c, name) || !arity(c, name, 0, 1)) return null;
                if (c.args().isEmpty()) return new TExpr.ListNew(new Type.ListOf(null), new TExpr.Const(Types.INT64, 0L, c.span()), c.span());
                return new Lists(t).fromIterable(c.args().get(0), c.span());
            }
            case "sorted" -> {
                if (!arity(c, name, 1, 1)) return null;
                Lists lists = new Lists(t);
                Boolean reverse = lists.reverseKeyword(c, "sorted()");
                return reverse == null ? null : lists.sorted(c.args().get(0), reverse, c.span());
            }
            case "int" -> {
                if (!noKeywords(c, name) || !arity(c, name, 1, 1)) return null;
                TExpr x = scalarArg(c, 0, name);
                if (x == null) return null;
                return x.type() instanceof Type.Int ? x : t.cast(x, Types.INT64, c.span());
            }
            case "complex" -> {
                if (!noKeywords(c, name) || !arity(c, name, 0, 2)) return null;
                List<TExpr> a = typeArgs(c);
                if (a == null) return null;
                for (TExpr x : a) {
                    if (!x.type().isScalar()) {
                        error(x.span(), "type.call.argument", "complex() needs numbers, not " + x.type(), "");
                        return null;
                    }
                }
                if (a.isEmpty()) return new TExpr.Const(Types.COMPLEX128, new double[] {0.0, 0.0}, c.span());
                TExpr re = t.cast(a.get(0), Types.COMPLEX128, c.span());
                if (a.size() == 1) return re;
                // complex(a, b) is a + b*1j, as in Python (a complex b contributes its own real part times 1j).
                TExpr bj = t.binary(dev.arrayjit.frontend.ast.BinaryOp.MUL, t.cast(a.get(1), Types.COMPLEX128, c.span()),
                        new TExpr.Const(Types.COMPLEX128, new double[] {0.0, 1.0}, c.span()), c.span());
                return t.binary(dev.arrayjit.frontend.ast.BinaryOp.ADD, re, bj, c.span());
            }
            case "float" -> {
                if (!noKeywords(c, name) || !arity(c, name, 0, 1)) return null;
                if (c.args().isEmpty()) return new TExpr.Const(Types.FLOAT64, 0.0, c.span());
                TExpr x = scalarArg(c, 0, name);
                if (x == null) return null;
                return x.type().equals(Types.FLOAT32) ? x : t.cast(x, Types.FLOAT64, c.span());
            }
            case "bool" -> {
                if (!noKeywords(c, name) || !arity(c, name, 0, 1)) return null;
                if (c.args().isEmpty()) return new TExpr.Const(Types.BOOL, false, c.span());
                TExpr x = one(c);
                return x == null ? null : t.truth(x, c.span());
            }
            case "len" -> {
                if (!noKeywords(c, name) || !arity(c, name, 1, 1)) return null;
                TExpr x = one(c);
                if (x == null) return null;
                if (x.type() instanceof Type.Array at && at.ndim() > 0) return new TExpr.ArrayDim(x, 0, c.span());
                if (x.type() instanceof Type.Tuple tt) return new TExpr.Const(Types.INT64, (long) tt.elements().size(), c.span());
                if (x.type() instanceof Type.ListOf) return Lists.len(x, c.span());
                error(c.args().get(0).span(), "type.len", "len() of " + x.type() + " is not defined", "len() takes an array, a list or a tuple");
                return null;
            }
            case "round" -> {
                if (!noKeywords(c, name) || !arity(c, name, 1, 1)) return null;
                TExpr x = scalarArg(c, 0, name);
                if (x == null) return null;
                if (!(x.type() instanceof Type.Float)) return t.cast(x, Types.INT64, c.span());
                return t.cast(new TExpr.MathCall(MathFn.RINT, List.of(x), x.type(), c.span()), Types.INT64, c.span());
            }
            case "pow" -> {
                if (!noKeywords(c, name) || !arity(c, name, 2, 2)) return null;
                List<TExpr> a = typeArgs(c);
                return a == null ? null : t.binary(dev.arrayjit.frontend.ast.BinaryOp.POW, a.get(0), a.get(1), c.span());
            }
            case "range" -> {
                error(c.span(), "unsupported.range", "range() can only be used as the iterable of a for loop",
                        "write 'for i in range(...):'");
                return null;
            }
            case "print" -> { return print(c); }
            default -> {
                if (ExcKind.byName(name) != null) {
                    error(c.span(), "type.exception.value", "exceptions can only be raised, not used as values", "write raise " + name + "(...)");
                } else {
                    error(c.func().span(), "unsupported.builtin", "the builtin '" + name + "' is not supported yet", "");
                }
                return null;
            }
        }
    }

    /** {@code print(*values, sep=' ', end='\n')}: strings are printed as they are, other values as Python prints them. */
    private TExpr print(Expr.Call c) {
        String sep = " ", end = "\n";
        for (Keyword kw : c.keywords()) {
            ConstValue v = t.constantOf(kw.value());
            if ((kw.name().equals("sep") || kw.name().equals("end")) && v instanceof ConstValue.Str s) {
                if (kw.name().equals("sep")) sep = s.value(); else end = s.value();
            } else {
                error(kw.span(), "unsupported.keyword", "print() supports constant sep= and end= strings here, not '" + kw.name() + "'", "");
                return null;
            }
        }
        List<TExpr> pieces = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            Expr a = c.args().get(i);
            if (i > 0 && !sep.isEmpty()) pieces.add(text(sep, a.span()));
            List<Expr> parts = a instanceof Expr.FString f ? f.parts() : List.of(a);
            for (Expr part : parts) {
                ConstValue cv = part instanceof Expr.StrLit ? t.constantOf(part) : null;
                if (cv instanceof ConstValue.Str s) {
                    pieces.add(text(s.value(), part.span()));
                    continue;
                }
                if (part instanceof Expr.Call fc && fc.func() instanceof Expr.Name n && n.id().equals("format")) {
                    error(part.span(), "unsupported.format", "format specs in printed f-strings are not supported yet",
                            "print the value without a spec: f\"{x}\"");
                    return null;
                }
                Expr field = part instanceof Expr.Call fc && fc.func() instanceof Expr.Name n && (n.id().equals("str") || n.id().equals("repr"))
                        && fc.args().size() == 1 && a instanceof Expr.FString ? fc.args().get(0) : part;
                TExpr v = t.expr(field);
                if (v == null) return null;
                // An empty display with no element type prints as one.
                pieces.add(v instanceof TExpr.ListNew ln && !ln.type().known() ? text("[]", field.span()) : v);
            }
        }
        return new TExpr.Print(pieces, end, c.span());
    }

    /** A piece of printed text (see {@link TExpr.Print}). */
    private static TExpr text(String s, Span span) { return new TExpr.Const(Types.NONE, s, span); }

    private TExpr one(Expr.Call c) {
        List<TExpr> a = typeArgs(c);
        return a == null ? null : a.get(0);
    }

    private TExpr scalarArg(Expr.Call c, int i, String fn) {
        TExpr x = t.expr(c.args().get(i));
        if (x == null) return null;
        if (!x.type().isScalar() || x.type() instanceof Type.Complex) {
            error(c.args().get(i).span(), "type.call.argument", fn + "() needs a real number, not " + x.type(),
                    x.type() instanceof Type.Array ? "apply it to one element, e.g. a[i]" : "");
            return null;
        }
        return x;
    }

    /**
     * {@code sum/min/max(iterable)} with Python's semantics: of a list or anything a loop can walk
     * (copied into a list first); min/max keep the first of equal values and raise ValueError when empty.
     */
    private TExpr overIterable(String name, Expr.Call c) {
        Lists lists = new Lists(t);
        Expr arg = c.args().get(0);
        TExpr x;
        if (new Loops(t).isIterationCall(arg)) {
            x = lists.fromIterable(arg, c.span());
        } else {
            x = t.expr(arg);
            if (x == null) return null;
            if (x.type().isScalar()) {
                error(arg.span(), "type.call.argument", name + "() of a single number: it needs an iterable",
                        name.equals("sum") ? "pass a list or an array" : "pass two or more values: " + name + "(a, b)");
                return null;
            }
            if (!(x.type() instanceof Type.ListOf)) x = lists.fromValue(x, c.span());
        }
        return x == null ? null : lists.builtin(name, x, c.span());
    }

    private TExpr abs(TExpr x, Span span) {
        return switch (x.type()) {
            case Type.Complex c -> new ComplexOps(t).abs(x, span);
            case Type.Float f -> new TExpr.MathCall(MathFn.FABS, List.of(x), f, span);
            case Type.Int i when !i.signed() -> x;
            case Type.Int i -> new TExpr.Select(new TExpr.Compare(CmpOp.LT, x, new TExpr.Const(i, 0L, span), span),
                    new TExpr.Unary(UnOp.NEG, x, i, span), x, i, span);
            case Type.Bool b -> t.cast(x, Types.INT64, span);
            default -> {
                error(span, "type.call.argument", "abs() of " + x.type() + " is not supported", "");
                yield null;
            }
        };
    }

    private TExpr minMax(String name, Expr.Call c) {
        if (!noKeywords(c, name) || !arity(c, name, 2, Integer.MAX_VALUE)) return null;
        List<TExpr> a = new ArrayList<>();
        for (int i = 0; i < c.args().size(); i++) {
            TExpr x = scalarArg(c, i, name);
            if (x == null) return null;
            if (x.type() instanceof Type.Bool) {
                error(c.args().get(i).span(), "type.call.argument", name + "() of bool is not supported", "convert with int(...)");
                return null;
            }
            a.add(x);
        }
        Type rt = a.get(0).type();
        for (TExpr x : a) rt = Promotion.promote(rt, x.type());
        // Python keeps the first of equal values: replace the running result only on a strict win.
        TExpr acc = t.cast(a.get(0), rt, c.span());
        CmpOp win = name.equals("min") ? CmpOp.LT : CmpOp.GT;
        for (int i = 1; i < a.size(); i++) {
            TExpr x = t.cast(a.get(i), rt, c.span());
            acc = new TExpr.Select(new TExpr.Compare(win, x, acc, c.span()), x, acc, rt, c.span());
        }
        return acc;
    }

    // ---- math and numpy ------------------------------------------------------------------------

    /** The number of arguments of a math / NumPy function, or -1 when it is not supported. */
    private static int mathArity(String name, boolean numpyStyle) {
        switch (name) {
            case "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "degrees", "radians" -> { return 1; }
            case "rad2deg", "deg2rad", "abs", "absolute", "sign", "rint", "negative", "positive", "square" -> { return numpyStyle ? 1 : -1; }
            case "minimum", "maximum", "fmin", "fmax" -> { return numpyStyle ? 2 : -1; }
            default -> {
                MathFn fn = FLOAT_FUNCS.get(numpyStyle ? NUMPY_ALIASES.getOrDefault(name, name) : name);
                return fn == null ? -1 : fn.arity;
            }
        }
    }

    private TExpr math(String name, Expr.Call c, boolean numpyStyle) {
        if (!noKeywords(c, name)) return null;
        int arity = mathArity(name, numpyStyle);
        if (arity < 0) {
            String module = numpyStyle ? "numpy" : "math";
            java.util.Set<String> known = new java.util.TreeSet<>(FLOAT_FUNCS.keySet());
            if (numpyStyle) known.addAll(SUPPORTED_NUMPY);
            String close = Suggest.closest(name, known);
            String text = c.func().span().text();
            String prefix = text.contains(".") ? text.substring(0, text.lastIndexOf('.')) : module; // as the user spells the module
            error(c.func().span(), "unsupported.function", "'" + text + "' is not supported"
                    + (numpyStyle ? " yet" : ""), close != null ? "did you mean '" + prefix + "." + close + "'?"
                    : "see README.md for the supported " + module + " functions");
            typeArgs(c);
            return null;
        }
        if (!arity(c, name, arity, arity)) return null;
        List<TExpr> args = typeArgs(c);
        if (args == null) return null;
        if (numpyStyle && args.stream().anyMatch(a -> a.type() instanceof Type.Array)) {
            return new ArrayExprs(t).ufunc(name, args, c.span(), proxies -> mathTyped(name, proxies, c.span(), true));
        }
        for (TExpr x : args) {
            if (!x.type().isScalar() || x.type() instanceof Type.Complex) {
                error(x.span(), "type.call.argument", name + "() needs a real number, not " + x.type(),
                        x.type() instanceof Type.Array ? "use np." + name + "(...) for whole arrays, or apply it to one element, e.g. a[i]" : "");
                return null;
            }
        }
        return mathTyped(name, args, c.span(), numpyStyle);
    }

    /** A math / NumPy function of real scalars (the element function of the NumPy ufunc of that name). */
    TExpr mathTyped(String name, List<TExpr> args, Span span, boolean numpyStyle) {
        TExpr x = args.get(0);
        switch (name) {
            case "floor", "ceil", "trunc" -> {
                MathFn fn = name.equals("floor") ? MathFn.FLOOR : name.equals("ceil") ? MathFn.CEIL : MathFn.TRUNC;
                if (numpyStyle) {
                    TExpr f = floatOperand(x, span);
                    return new TExpr.MathCall(fn, List.of(f), f.type(), span);
                }
                // math.floor returns an int, as in Python.
                if (x.type() instanceof Type.Int i) return i.signed() ? t.cast(x, Types.INT64, span) : t.cast(x, Types.UINT64, span);
                if (x.type() instanceof Type.Bool) return t.cast(x, Types.INT64, span);
                return t.cast(new TExpr.MathCall(fn, List.of(x), x.type(), span), Types.INT64, span);
            }
            case "isnan", "isinf", "isfinite" -> {
                if (!(x.type() instanceof Type.Float)) return new TExpr.Const(Types.BOOL, name.equals("isfinite"), span);
                MathFn fn = name.equals("isnan") ? MathFn.ISNAN : name.equals("isinf") ? MathFn.ISINF : MathFn.ISFINITE;
                return new TExpr.MathCall(fn, List.of(x), Types.BOOL, span);
            }
            case "degrees", "radians", "rad2deg", "deg2rad" -> {
                TExpr f = floatOperand(x, span);
                double k = name.equals("degrees") || name.equals("rad2deg") ? 180.0 / Math.PI : Math.PI / 180.0;
                return new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.MUL, f, new TExpr.Const(f.type(), k, span), f.type(), null, span);
            }
            case "abs", "absolute" -> { return abs(x, span); }
            case "rint" -> {
                TExpr f = floatOperand(x, span);
                return new TExpr.MathCall(MathFn.RINT, List.of(f), f.type(), span);
            }
            case "negative", "positive", "square" -> {
                Type rt = x.type() instanceof Type.Bool ? Types.INT64 : x.type();
                TExpr v = t.cast(x, rt, span);
                return switch (name) {
                    case "negative" -> new TExpr.Unary(UnOp.NEG, v, rt, span);
                    case "square" -> new TExpr.Binary(dev.arrayjit.typeinfer.ir.ArithOp.MUL, v, v, rt, null, span);
                    default -> v;
                };
            }
            case "sign" -> {
                // NumPy's sign: -1, 0 or 1 in the operand's type; nan for nan.
                Type rt = x.type() instanceof Type.Bool ? Types.INT64 : x.type();
                TExpr v = t.cast(x, rt, span);
                TExpr zero = t.cast(new TExpr.Const(Types.INT64, 0L, span), rt, span);
                TExpr one = t.cast(new TExpr.Const(Types.INT64, 1L, span), rt, span);
                TExpr minusOne = rt instanceof Type.Int i && !i.signed() ? one : t.cast(new TExpr.Const(Types.INT64, -1L, span), rt, span);
                TExpr neg = new TExpr.Select(new TExpr.Compare(CmpOp.LT, v, zero, span), minusOne, v, rt, span);
                TExpr pos = new TExpr.Select(new TExpr.Compare(CmpOp.GT, v, zero, span), one, neg, rt, span);
                return pos;
            }
            case "minimum", "maximum", "fmin", "fmax" -> {
                TExpr y = args.get(1);
                Type rt = Promotion.promote(x.type(), y.type());
                TExpr a = t.cast(x, rt, span), b = t.cast(y, rt, span);
                CmpOp win = name.endsWith("min") || name.equals("minimum") ? CmpOp.LT : CmpOp.GT;
                // minimum/maximum propagate a nan from either side; fmin/fmax ignore one.
                TExpr pick = new TExpr.Select(new TExpr.Compare(win, b, a, span), b, a, rt, span);
                if (rt instanceof Type.Float) {
                    boolean propagate = name.equals("minimum") || name.equals("maximum");
                    TExpr aNan = new TExpr.MathCall(MathFn.ISNAN, List.of(a), Types.BOOL, span);
                    TExpr bNan = new TExpr.MathCall(MathFn.ISNAN, List.of(b), Types.BOOL, span);
                    pick = propagate
                            ? new TExpr.Select(aNan, a, new TExpr.Select(bNan, b, pick, rt, span), rt, span)
                            : new TExpr.Select(aNan, b, new TExpr.Select(bNan, a, pick, rt, span), rt, span);
                }
                return pick;
            }
            default -> { }
        }
        MathFn fn = FLOAT_FUNCS.get(numpyStyle ? NUMPY_ALIASES.getOrDefault(name, name) : name);
        Type ft = floatOperand(args.get(0), span).type();
        for (TExpr a : args) if (!floatOperand(a, span).type().equals(ft)) ft = Types.FLOAT64;
        List<TExpr> cast = new ArrayList<>();
        for (TExpr a : args) cast.add(t.cast(a, ft, a.span()));
        return new TExpr.MathCall(fn, cast, ft, span);
    }

    /** The argument as a float: float32 stays float32, everything else becomes float64. */
    private TExpr floatOperand(TExpr x, Span span) {
        return x.type() instanceof Type.Float ? x : t.cast(x, Types.FLOAT64, span);
    }

    private TExpr numpy(String name, Expr.Call c) {
        Type st = Builtins.scalarConstructor("numpy." + name);
        if (st != null) return convert(st, c);
        return switch (name) {
            case "empty", "zeros", "ones" -> allocate(name, c);
            case "empty_like", "zeros_like", "ones_like" -> allocateLike(name, c);
            case "real", "imag", "conj", "conjugate" -> {
                if (!noKeywords(c, "np." + name) || !arity(c, "np." + name, 1, 1)) yield null;
                TExpr x = t.expr(c.args().get(0));
                if (x == null) yield null;
                if (!Types.dtypeOf(x.type()).isScalar() || !(x.type().isScalar() || x.type() instanceof Type.Array)) {
                    error(x.span(), "type.call.argument", "np." + name + "() needs a number or an array, not " + x.type(), "");
                    yield null;
                }
                ComplexOps ops = new ComplexOps(t);
                java.util.function.Function<TExpr, TExpr> f = v -> name.startsWith("conj") ? ops.conjugate(v, c.span())
                        : ops.part(v, name.equals("imag"), c.span());
                yield x.type() instanceof Type.Array ? new ArrayExprs(t).map(List.of(x), p -> f.apply(p.get(0)), c.span()) : f.apply(x);
            }
            case "arange" -> new Creation(t).arange(c);
            case "array", "asarray" -> new Creation(t).array(name, c);
            case "linspace" -> new Creation(t).linspace(c);
            case "full" -> new Creation(t).full(c);
            case "full_like" -> new Creation(t).fullLike(c);
            case "eye" -> new Creation(t).eye(c, false);
            case "identity" -> new Creation(t).eye(c, true);
            case "sum", "prod", "min", "amin", "max", "amax", "mean", "var", "std", "all", "any", "argmin", "argmax", "cumsum", "cumprod", "copy",
                 "transpose", "reshape", "ravel", "where", "dot", "outer", "clip", "sort", "argsort", "median", "searchsorted", "bincount", "histogram", "unique", "concatenate" -> new ArrayMethods(t).function(name, c);
            default -> math(name, c, true);
        };
    }

    private TExpr convert(Type to, Expr.Call c) {
        String fn = c.func().span().text();
        if (!noKeywords(c, fn) || !arity(c, fn, 0, 1)) return null;
        if (c.args().isEmpty()) return t.cast(new TExpr.Const(Types.INT64, 0L, c.span()), to, c.span());
        TExpr x = t.expr(c.args().get(0));
        if (x == null) return null;
        if (!x.type().isScalar()) {
            error(c.args().get(0).span(), "type.call.argument", fn + "() converts a number, not " + x.type(),
                    x.type() instanceof Type.Array ? "use a.astype(...) (not supported yet) or convert element by element" : "");
            return null;
        }
        return t.cast(x, to, c.span());
    }

    Type dtypeArg(Expr e) {
        if (e instanceof Expr.Attribute a && a.attr().equals("dtype") && t.scope.qualifiedName(a.value()) == null) {
            TExpr base = t.expr(a.value());
            if (base == null) return null;
            if (base.type() instanceof Type.Array at) return at.dtype();
        }
        if (e instanceof Expr.StrLit s) {
            Type d = Builtins.dtypeString(s.value());
            if (d == null) error(e.span(), "type.dtype", "unknown dtype '" + s.value() + "'", "use a name such as 'float64' or 'int32'");
            return d;
        }
        String q = t.scope.qualifiedName(e);
        Type d = q == null ? null : Builtins.dtype(q);
        if (d == null) error(e.span(), "type.dtype", "'" + e.span().text() + "' is not a dtype", "use np.float64, np.int32, np.bool_ ...");
        return d;
    }

    private TExpr allocate(String name, Expr.Call c) {
        if (!arity(c, "np." + name, 1, 2)) return null;
        Expr dtypeExpr = c.args().size() == 2 ? c.args().get(1) : null;
        for (Keyword kw : c.keywords()) {
            if ("dtype".equals(kw.name())) dtypeExpr = kw.value();
            else if ("order".equals(kw.name())) continue; // read below
            else {
                error(kw.span(), "unsupported.keyword", "np." + name + "() does not support '" + kw.name() + "' here", "");
                return null;
            }
        }
        Layout order = Layout.C;
        for (Keyword kw : c.keywords()) {
            if ("order".equals(kw.name())) {
                ConstValue o = t.constantOf(kw.value());
                if (o instanceof ConstValue.Str s && (s.value().equals("C") || s.value().equals("F"))) {
                    order = s.value().equals("F") ? Layout.F : Layout.C;
                } else {
                    error(kw.value().span(), "type.call.argument", "order must be 'C' or 'F'", "");
                    return null;
                }
            }
        }
        Type dtype = dtypeExpr == null ? Types.FLOAT64 : dtypeArg(dtypeExpr);
        TExpr shape = t.expr(c.args().get(0));
        if (shape == null || dtype == null) return null;
        List<TExpr> dims = new ArrayList<>();
        if (shape.type() instanceof Type.Tuple tt) {
            for (int i = 0; i < tt.elements().size(); i++) {
                TExpr d = shape instanceof TExpr.MakeTuple mt ? mt.elements().get(i) : new TExpr.TupleGet(shape, i, c.span());
                if (!d.type().isIntegerOrBool()) { shapeError(c, shape.type()); return null; }
                dims.add(t.cast(d, Types.INT64, c.args().get(0).span()));
            }
        } else if (shape.type() instanceof Type.Int) {
            dims.add(t.cast(shape, Types.INT64, c.args().get(0).span()));
        } else {
            shapeError(c, shape.type());
            return null;
        }
        Fill fill = name.equals("empty") ? Fill.EMPTY : name.equals("zeros") ? Fill.ZEROS : Fill.ONES;
        // order='F' goes beyond Numba (which has only C order here); 1-D arrays are both.
        Layout layout = dims.size() > 1 ? order : Layout.C;
        return new TExpr.AllocArray(new Type.Array(dtype, dims.size(), layout, false), dims, fill,
                t.site(ExcKind.ValueError, "negative dimensions are not allowed", c.span()), c.span());
    }

    private void shapeError(Expr.Call c, Type got) {
        error(c.args().get(0).span(), "type.shape", "the shape must be an integer or a tuple of integers, not " + got,
                "write np.empty(n) or np.empty((rows, cols))");
    }

    private TExpr allocateLike(String name, Expr.Call c) {
        if (!arity(c, "np." + name, 1, 2)) return null;
        Expr dtypeExpr = c.args().size() == 2 ? c.args().get(1) : null;
        for (Keyword kw : c.keywords()) {
            if ("dtype".equals(kw.name())) dtypeExpr = kw.value();
            else {
                error(kw.span(), "unsupported.keyword", "np." + name + "() does not support '" + kw.name() + "' here", "");
                return null;
            }
        }
        TExpr proto = t.expr(c.args().get(0));
        if (proto == null) return null;
        if (!(proto.type() instanceof Type.Array at)) {
            error(c.args().get(0).span(), "type.call.argument", "np." + name + "() needs an array, not " + proto.type(),
                    "pass an array, or use np." + name.replace("_like", "") + "(shape)");
            return null;
        }
        Type dtype = dtypeExpr == null ? at.dtype() : dtypeArg(dtypeExpr);
        if (dtype == null) return null;
        List<TExpr> dims = new ArrayList<>();
        for (int i = 0; i < at.ndim(); i++) dims.add(new TExpr.ArrayDim(proto, i, c.span()));
        Fill fill = name.startsWith("empty") ? Fill.EMPTY : name.startsWith("zeros") ? Fill.ZEROS : Fill.ONES;
        return new TExpr.AllocArray(new Type.Array(dtype, at.ndim(), Layout.C, false), dims, fill,
                t.site(ExcKind.ValueError, "negative dimensions are not allowed", c.span()), c.span());
    }

    private void error(Span span, String code, String message, String hint) {
        t.error(code, span, message, hint);
    }
}
