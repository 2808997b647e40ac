package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.UfuncRequest;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.Exprs;
import dev.arrayjit.typeinfer.ir.IrVerifier;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed specializations of a program's kernels, one per (kernel, argument-type tuple), cached, with
 * calls between kernels resolved here. Typing is fast next to code generation, so one lock keeps
 * the cache consistent when several threads type at once.
 */
public final class Specializer {
    private record Key(String kernel, List<Type> args) {}

    /** A finished specialization: the function, or the errors that stopped it. */
    private record Result(TypedFunction function, List<Diagnostic> errors) {}

    private final ModuleScope scope;
    private final ErrorSites sites;
    private final Map<Key, Result> cache = new HashMap<>();
    private final Map<String, TypedFunction> bySymbol = new HashMap<>();
    private final Map<String, Integer> symbolCounts = new HashMap<>();
    private Diagnostics sink;

    public Specializer(ModuleScope scope, ErrorSites sites) {
        this.scope = scope;
        this.sites = sites;
    }

    /** Types an entry kernel and everything it calls; errors go to {@code diags}. */
    public synchronized CompileUnit unit(KernelDecl kernel, List<Type> args, Diagnostics diags) {
        sink = diags;
        try {
            TypedFunction entry = specialize(kernel, args, kernel.info().span(), true);
            if (entry == null || diags.hasErrors()) return null;
            Map<String, TypedFunction> reach = new LinkedHashMap<>();
            collect(entry, reach);
            CompileUnit unit = new CompileUnit(entry, List.copyOf(reach.values()), sites.snapshot());
            IrVerifier.verify(unit);
            return unit;
        } finally {
            sink = null;
        }
    }

    /**
     * The function a use of a {@code @vectorize} kernel as a ufunc becomes (see {@link UfuncRequest}),
     * with the scalar kernel for the request's loop and everything it calls; errors go to {@code diags}.
     */
    public synchronized CompileUnit ufuncUnit(KernelDecl kernel, UfuncRequest request, Diagnostics diags) {
        sink = diags;
        try {
            TypedFunction scalar = specialize(kernel, request.loop(), kernel.info().span(), true);
            if (scalar == null || diags.hasErrors()) return null;
            TypedFunction wrapper = new UfuncWrappers(sites, kernel, scalar, symbolFor(kernel.name() + "__ufunc"), diags).build(request);
            if (wrapper == null || diags.hasErrors()) return null;
            Map<String, TypedFunction> reach = new LinkedHashMap<>();
            reach.put(wrapper.symbol(), wrapper);
            collect(scalar, reach);
            CompileUnit unit = new CompileUnit(wrapper, List.copyOf(reach.values()), sites.snapshot());
            IrVerifier.verify(unit);
            return unit;
        } finally {
            sink = null;
        }
    }

    /** Functions being typed right now (a recursive call finds its callee here). */
    private final Map<Key, FunctionTyper> inProgress = new HashMap<>();

    /**
     * A call of a specialization that is still being typed (recursion): typed with the callee's
     * return type as inferred so far, or null (unknown) until a non-recursive path returns a value.
     * The callee's own fixed point then settles both.
     */
    TExpr recursiveCall(KernelDecl kernel, List<Type> args, List<TExpr> values, Span span) {
        boolean prelude = Prelude.owns(kernel);
        FunctionTyper callee = inProgress.get(new Key((prelude ? "<numpy>." : "") + kernel.name(), List.copyOf(args)));
        if (callee == null) return null;
        Type rt = callee.currentReturnType();
        if (rt == null) return null;
        return new TExpr.Call(callee.symbol(), values, rt, span);
    }

    /** Inner functions as kernels, one per (enclosing kernel, definition), so their specializations are cached. */
    private final Map<Stmt.FunctionDef, KernelDecl> inner = new java.util.IdentityHashMap<>();

    KernelDecl innerKernel(KernelDecl outer, Stmt.FunctionDef def, List<String> captured) {
        return inner.computeIfAbsent(def, k -> {
            List<Param> params = new ArrayList<>(def.params());
            for (String n : captured) params.add(new Param(n, null, Param.Kind.PLAIN, def.nameSpan()));
            String name = outer.name() + "." + def.name();
            Stmt.FunctionDef fn = new Stmt.FunctionDef(name, params, List.of(), def.body(), def.docstring(), def.nameSpan(), def.span());
            KernelInfo info = new KernelInfo(name, KernelInfo.Kind.JIT, params.stream().map(Param::name).toList(),
                    outer.info().flags(), List.of(), def.span());
            return new KernelDecl(info, fn);
        });
    }

    /** Whether this specialization is being typed now (a call of it is recursive). */
    boolean typing(KernelDecl kernel, List<Type> args) {
        boolean prelude = Prelude.owns(kernel);
        return inProgress.containsKey(new Key((prelude ? "<numpy>." : "") + kernel.name(), List.copyOf(args)));
    }

    /** A callee's specialization, or null when it has errors (reported once, when {@code report}). */
    TypedFunction specialize(KernelDecl kernel, List<Type> args, Span callSite, boolean report) {
        boolean prelude = Prelude.owns(kernel);
        Key key = new Key((prelude ? "<numpy>." : "") + kernel.name(), List.copyOf(args));
        Result r = cache.get(key);
        if (r == null) {
            Diagnostics local = new Diagnostics();
            FunctionTyper typer = new FunctionTyper(this, prelude ? Prelude.scope() : scope, kernel, key.args(),
                    symbolFor((prelude ? "np_" : "") + kernel.name()), local, sites)
                    .declaredReturn(declaredReturn(kernel, key.args()));
            inProgress.put(key, typer);
            try {
                TypedFunction f = typer.run();
                r = new Result(f, local.all());
            } finally {
                inProgress.remove(key);
            }
            cache.put(key, r);
            if (r.function() != null) bySymbol.put(r.function().symbol(), r.function());
        }
        if (report && sink != null) for (Diagnostic d : r.errors()) sink.report(d);
        return r.function();
    }

    /** The return type an eager signature with exactly these argument types declares, or null. */
    private static Type declaredReturn(KernelDecl kernel, List<Type> args) {
        for (var sig : kernel.info().signatures()) {
            if (sig.args().equals(args) && sig.returnType() != null) return sig.returnType();
        }
        return null;
    }

    private String symbolFor(String name) {
        String base = name.replaceAll("[^A-Za-z0-9_]", "_");
        int n = symbolCounts.merge(base, 1, Integer::sum);
        return base + "_" + n;
    }

    private void collect(TypedFunction f, Map<String, TypedFunction> out) {
        if (out.containsKey(f.symbol())) return;
        out.put(f.symbol(), f);
        for (String c : Exprs.callees(f.body())) collect(bySymbol.get(c), out);
    }
}
