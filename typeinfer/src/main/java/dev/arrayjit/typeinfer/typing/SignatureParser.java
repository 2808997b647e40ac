package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.frontend.Parser;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Eager signatures, written as strings ({@code "float64(float64[:], int64)"}, {@code "f8[:, ::1]"},
 * {@code "void(i8)"}) or as type expressions ({@code float64(float64[:])}, {@code numba.void(numba.f8[:, :])}).
 * A string is parsed as a Python expression, since signature syntax is Python syntax.
 */
public final class SignatureParser {
    private final ModuleScope scope;
    private final Diagnostics diags;
    private Span where;

    public SignatureParser(ModuleScope scope, Diagnostics diags) {
        this.scope = scope;
        this.diags = diags;
    }

    /** A signature from a decorator argument, or null after reporting why it is not one. */
    public KernelInfo.Signature parse(Expr e) {
        where = e.span();
        if (e instanceof Expr.StrLit s) {
            Expr parsed = parseString(s);
            return parsed == null ? null : signature(parsed, true);
        }
        return signature(e, false);
    }

    private Expr parseString(Expr.StrLit s) {
        Diagnostics local = new Diagnostics();
        Module m = Parser.parse(new SourceFile(s.span().file().name(), s.value() + "\n"), local);
        if (local.hasErrors() || m.body().size() != 1 || !(m.body().get(0) instanceof Stmt.ExprStmt es)) {
            error("'" + s.value() + "' is not a signature");
            return null;
        }
        return es.value();
    }

    private KernelInfo.Signature signature(Expr e, boolean fromString) {
        if (e instanceof Expr.Call c) {
            Type ret = type(c.func(), fromString);
            List<Type> args = new ArrayList<>();
            for (Expr a : c.args()) {
                Type t = type(a, fromString);
                if (t == null) return null;
                args.add(t);
            }
            if (ret == null && !isVoid(c.func(), fromString)) return null;
            return new KernelInfo.Signature(args, ret == null ? Types.NONE : ret);
        }
        if (e instanceof Expr.Tuple t) {
            List<Type> args = new ArrayList<>();
            for (Expr a : t.elements()) {
                Type ty = type(a, fromString);
                if (ty == null) return null;
                args.add(ty);
            }
            return new KernelInfo.Signature(args, null);
        }
        Type single = type(e, fromString);
        return single == null ? null : new KernelInfo.Signature(List.of(single), null);
    }

    private boolean isVoid(Expr e, boolean fromString) {
        String n = name(e, fromString);
        return n != null && (n.equals("void") || n.equals("none"));
    }

    /** The type name an expression spells: {@code f8}, {@code numba.float64} → {@code float64}. */
    private String name(Expr e, boolean fromString) {
        if (fromString) {
            if (e instanceof Expr.Name n) return n.id();
            if (e instanceof Expr.Attribute a) return a.attr();
            return null;
        }
        String q = scope.qualifiedName(e);
        if (q == null) return null;
        if (q.startsWith("numba.types.")) return q.substring(12);
        if (q.startsWith("numba.")) return q.substring(6);
        return null;
    }

    private Type type(Expr e, boolean fromString) {
        if (e instanceof Expr.Subscript s) {
            Type dtype = type(s.value(), fromString);
            if (dtype == null) return null;
            List<Expr> dims = s.index() instanceof Expr.Tuple t ? t.elements() : List.of(s.index());
            int nd = dims.size();
            Layout layout = Layout.A;
            for (int i = 0; i < nd; i++) {
                if (!(dims.get(i) instanceof Expr.Slice sl) || sl.lower() != null || sl.upper() != null) {
                    error("array dimensions are written ':' or '::1', not '" + dims.get(i).span().text() + "'");
                    return null;
                }
                if (sl.step() != null) {
                    if (!(sl.step() instanceof Expr.IntLit one && one.value().intValue() == 1)) {
                        error("only '::1' marks a contiguous dimension");
                        return null;
                    }
                    if (i == nd - 1) layout = Layout.C;
                    else if (i == 0) layout = Layout.F;
                    else { error("'::1' must be on the first or the last dimension"); return null; }
                }
            }
            if (nd == 1 && layout == Layout.F) layout = Layout.C;
            return new Type.Array(dtype, nd, layout, false);
        }
        if (e instanceof Expr.Call c) {
            String n = name(c.func(), fromString);
            if ("UniTuple".equals(n) && c.args().size() == 2 && c.args().get(1) instanceof Expr.IntLit count) {
                Type el = type(c.args().get(0), fromString);
                return el == null ? null : new Type.Tuple(java.util.Collections.nCopies(count.value().intValue(), el));
            }
            if ("Tuple".equals(n)) {
                // Numba writes Tuple((f8, i8)): one argument, the element types; Tuple(f8, i8) is taken too.
                List<Expr> parts = c.args().size() == 1 && c.args().get(0) instanceof Expr.Tuple only ? only.elements() : c.args();
                List<Type> els = new ArrayList<>();
                for (Expr a : parts) {
                    Type el = type(a, fromString);
                    if (el == null) return null;
                    els.add(el);
                }
                return new Type.Tuple(els);
            }
        }
        if (e instanceof Expr.Tuple t) {
            List<Type> els = new ArrayList<>();
            for (Expr a : t.elements()) {
                Type el = type(a, fromString);
                if (el == null) return null;
                els.add(el);
            }
            return new Type.Tuple(els);
        }
        String n = name(e, fromString);
        if (n != null && (n.equals("void") || n.equals("none"))) return null;
        Type t = n == null ? null : Types.scalar(n);
        if (t == null) error("unknown type '" + (fromString ? n : e.span().text()) + "' in signature");
        return t;
    }

    private void error(String message) {
        diags.report(Diagnostic.error("signature.syntax", where, message,
                "write signatures as Numba does, e.g. \"float64(float64[:], int64)\" or \"void(f8[:, ::1])\""));
    }
}
