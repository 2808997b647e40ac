package dev.arrayjit.codegen.llvm;

import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.Flags;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.UnOp;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A terse builder of typed IR for tests (spans are null). */
final class Ir {
    private Ir() {}

    static final Type I64 = Types.INT64, F64 = Types.FLOAT64, F32 = Types.FLOAT32, BOOL = Types.BOOL;

    static TExpr.Const i(long v) { return new TExpr.Const(I64, v, null); }
    static TExpr.Const c(Type t, Object v) { return new TExpr.Const(t, v, null); }
    static TExpr.Const f(double v) { return new TExpr.Const(F64, v, null); }
    static TExpr.Const bool(boolean v) { return new TExpr.Const(BOOL, v, null); }
    static TExpr.Load load(Var v) { return new TExpr.Load(v, null); }
    static TExpr.Cast cast(TExpr e, Type to) { return new TExpr.Cast(e, to, null); }

    static TExpr.Binary bin(ArithOp op, TExpr l, TExpr r) { return bin(op, l, r, null); }
    static TExpr.Binary bin(ArithOp op, TExpr l, TExpr r, ErrorSite zeroDivision) {
        return new TExpr.Binary(op, l, r, l.type(), zeroDivision, null);
    }
    static TExpr.Binary add(TExpr l, TExpr r) { return bin(ArithOp.ADD, l, r); }
    static TExpr.Binary sub(TExpr l, TExpr r) { return bin(ArithOp.SUB, l, r); }
    static TExpr.Binary mul(TExpr l, TExpr r) { return bin(ArithOp.MUL, l, r); }
    static TExpr.Compare cmp(CmpOp op, TExpr l, TExpr r) { return new TExpr.Compare(op, l, r, null); }
    static TExpr.Unary unary(UnOp op, TExpr e) { return new TExpr.Unary(op, e, op == UnOp.NOT ? BOOL : e.type(), null); }
    static TExpr.Logical and(TExpr l, TExpr r) { return new TExpr.Logical(true, l, r, l.type(), null); }
    static TExpr.Logical or(TExpr l, TExpr r) { return new TExpr.Logical(false, l, r, l.type(), null); }
    static TExpr.Select select(TExpr c, TExpr a, TExpr b) { return new TExpr.Select(c, a, b, a.type(), null); }
    static TExpr.MathCall math(MathFn fn, TExpr... args) {
        return new TExpr.MathCall(fn, List.of(args), fn.predicate ? BOOL : args[0].type(), null);
    }
    static TExpr.Call call(TypedFunction f, TExpr... args) { return new TExpr.Call(f.symbol(), List.of(args), f.returnType(), null); }
    static TExpr.ArrayLoad at(TExpr array, ErrorSite oob, TExpr... idx) { return new TExpr.ArrayLoad(array, List.of(idx), oob, null); }
    static TExpr.ArrayDim dim(TExpr array, int axis) { return new TExpr.ArrayDim(array, axis, null); }
    static TExpr.ArraySize size(TExpr array) { return new TExpr.ArraySize(array, null); }
    static TExpr.AllocArray alloc(Type dtype, Fill fill, ErrorSite negative, TExpr... shape) {
        return new TExpr.AllocArray(new Type.Array(dtype, shape.length, Layout.C, false), List.of(shape), fill, negative, null);
    }
    static TExpr.MakeTuple tuple(TExpr... elements) {
        return new TExpr.MakeTuple(List.of(elements), new Type.Tuple(Arrays.stream(elements).map(TExpr::type).toList()), null);
    }
    static TExpr.TupleGet get(TExpr tuple, int index) { return new TExpr.TupleGet(tuple, index, null); }

    static TStmt.Assign assign(Var v, TExpr e) { return new TStmt.Assign(v, e, null); }
    static TStmt.Store store(TExpr array, ErrorSite oob, TExpr value, TExpr... idx) {
        return new TStmt.Store(array, List.of(idx), value, oob, null);
    }
    static TStmt.Eval eval(TExpr e) { return new TStmt.Eval(e, null); }
    static TStmt.Return ret(TExpr e) { return new TStmt.Return(e, null); }
    static TStmt.Return ret() { return new TStmt.Return(null, null); }
    static TStmt.Raise raise(ErrorSite s) { return new TStmt.Raise(s, null); }
    static TStmt.Break brk() { return new TStmt.Break(null); }
    static TStmt.Continue cont() { return new TStmt.Continue(null); }
    static TStmt.If ifThen(TExpr c, List<TStmt> then, List<TStmt> orElse) { return new TStmt.If(c, then, orElse, null); }
    static TStmt.If ifThen(TExpr c, TStmt... then) { return new TStmt.If(c, List.of(then), List.of(), null); }
    static TStmt.While loop(TExpr c, TStmt... body) { return new TStmt.While(c, List.of(body), null); }
    static TStmt.ForRange range(Var index, TExpr start, TExpr stop, TExpr step, ErrorSite zeroStep, TStmt... body) {
        return new TStmt.ForRange(index, start, stop, step, List.of(body), zeroStep, null);
    }
    static TStmt.ForRange range(Var index, TExpr stop, TStmt... body) { return range(index, i(0), stop, i(1), null, body); }

    static Type.Array array(Type dtype, int ndim, Layout layout) { return new Type.Array(dtype, ndim, layout, false); }

    /** Error sites of a unit, numbered in creation order. */
    static final class Sites {
        final List<ErrorSite> all = new ArrayList<>();
        ErrorSite add(ExcKind kind, String message) {
            ErrorSite s = new ErrorSite(all.size(), kind, message, null);
            all.add(s);
            return s;
        }
    }

    /** A function under construction: declare parameters and locals, then give the body. */
    static final class Fn {
        private final String name;
        private final Type returnType;
        private final List<Var> params = new ArrayList<>();
        private final List<Var> locals = new ArrayList<>();
        private Flags flags = Flags.DEFAULT;
        private int nextId;

        Fn(String name, Type returnType) {
            this.name = name;
            this.returnType = returnType;
        }

        Var param(String n, Type t) { Var v = new Var(n, t, nextId++); params.add(v); locals.add(v); return v; }
        Var local(String n, Type t) { Var v = new Var(n, t, nextId++); locals.add(v); return v; }
        Fn flags(Flags f) { flags = f; return this; }
        Fn fastmath() { return flags(new Flags(true, true, false, false)); }

        TypedFunction body(TStmt... body) {
            return new TypedFunction(name, name + "$sig", params, returnType, locals, List.of(body), flags, null);
        }
    }

    static CompileUnit unit(Sites sites, TypedFunction entry, TypedFunction... others) {
        List<TypedFunction> fns = new ArrayList<>();
        fns.add(entry);
        fns.addAll(List.of(others));
        return new CompileUnit(entry, fns, sites == null ? List.of() : sites.all);
    }
}
