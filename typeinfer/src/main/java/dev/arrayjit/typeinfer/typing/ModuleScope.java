package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.ast.Alias;
import dev.arrayjit.frontend.ast.Expr;
import dev.arrayjit.frontend.ast.Keyword;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.typeinfer.AotExportDecl;
import dev.arrayjit.typeinfer.GufuncLayout;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.ir.Flags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module-level names of a source file: imports, constants, kernels and plain functions. Runs
 * the file's top level the way Python would for the statements a Numba file has, and ignores the
 * rest (an {@code if __name__ == "__main__":} block, prints, plain Python code) unless a kernel uses it.
 */
public final class ModuleScope {
    private static final Set<String> SUBMODULES = Set.of("numba.types", "numba.core", "numba.core.types", "numpy.random", "numba.cuda",
            "numba.pycc");
    private static final Set<String> JIT_DECORATORS = Set.of("numba.njit", "numba.jit", "numba.vectorize",
            "numba.guvectorize", "numba.cfunc", "numba.generated_jit", "numba.cuda.jit");

    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private final Map<String, KernelDecl> kernels = new LinkedHashMap<>();
    /** Numba pycc modules ({@code cc = CC('name')}) by variable, and the exports their decorators ask for. */
    private final Map<String, String> pyccModules = new LinkedHashMap<>();
    private final List<AotExportDecl> pyccExports = new ArrayList<>();
    private final Diagnostics diags;

    public ModuleScope(Module module, Diagnostics diags) {
        this.diags = diags;
        for (Stmt s : module.body()) topLevel(s);
    }

    public Binding lookup(String name) { return bindings.get(name); }

    public Map<String, KernelDecl> kernels() { return kernels; }

    /** The exports of {@code @cc.export} decorators, in source order. */
    public List<AotExportDecl> pyccExports() { return List.copyOf(pyccExports); }

    /** The name of the file's pycc module ({@code CC('name')}), or null. */
    public String pyccModule() { return pyccModules.isEmpty() ? null : pyccModules.values().iterator().next(); }

    private void topLevel(Stmt s) {
        switch (s) {
            case Stmt.Import imp -> {
                for (Alias a : imp.names()) {
                    String module = canonicalModule(a.name());
                    if (a.asName() != null) bindings.put(a.asName(), new Binding.ModuleRef(module));
                    else bindings.put(a.boundName(), new Binding.ModuleRef(canonicalModule(a.boundName())));
                }
            }
            case Stmt.ImportFrom from -> {
                String module = canonicalModule(from.module());
                for (Alias a : from.names()) {
                    if (a.name().equals("*")) continue;
                    String q = module + "." + a.name();
                    bindings.put(a.boundName(), SUBMODULES.contains(q) ? new Binding.ModuleRef(q) : new Binding.Library(q));
                }
            }
            case Stmt.FunctionDef def -> defineFunction(def);
            case Stmt.Assign as when pyccModule(as) != null -> {
                for (Expr t : as.targets()) if (t instanceof Expr.Name n) pyccModules.put(n.id(), pyccModule(as));
            }
            case Stmt.Assign as -> {
                Binding value = evalTopLevel(as.value());
                for (Expr t : as.targets()) bindTarget(t, value, as.value());
            }
            case Stmt.AnnAssign an -> {
                if (an.value() != null) bindTarget(an.target(), evalTopLevel(an.value()), an.value());
            }
            case Stmt.AugAssign aug -> {
                if (aug.target() instanceof Expr.Name n) {
                    bindings.put(n.id(), new Binding.Opaque("it is changed at module level by '" + aug.op().symbol + "='", aug.span()));
                }
            }
            default -> { } // if __name__ == "__main__": blocks, prints, classes ... are plain Python, not kernels.
        }
    }

    private void bindTarget(Expr target, Binding value, Expr valueExpr) {
        switch (target) {
            case Expr.Name n -> {
                if (value instanceof Binding.Kernel k && !k.decl().name().equals(n.id())) {
                    KernelDecl renamed = renameKernel(k.decl(), n.id(), n.span());
                    kernels.put(n.id(), renamed);
                    bindings.put(n.id(), new Binding.Kernel(renamed));
                } else {
                    bindings.put(n.id(), value);
                }
            }
            case Expr.Tuple t when value instanceof Binding.Constant c && c.value() instanceof ConstValue.Tuple tv
                    && tv.elements().size() == t.elements().size() -> {
                for (int i = 0; i < t.elements().size(); i++) {
                    bindTarget(t.elements().get(i), new Binding.Constant(tv.elements().get(i), c.span()), valueExpr);
                }
            }
            case Expr.Tuple t -> {
                for (Expr e : t.elements()) bindTarget(e, new Binding.Opaque("it is unpacked from a value not known at compile time", valueExpr.span()), valueExpr);
            }
            default -> { }
        }
    }

    private static KernelDecl renameKernel(KernelDecl decl, String name, Span span) {
        KernelInfo i = decl.info();
        return new KernelDecl(new KernelInfo(name, i.kind(), i.params(), i.flags(), i.signatures(), i.span(), i.layout(), i.identity(),
                i.target()), decl.def());
    }

    /** The module name of {@code cc = CC('name')} (Numba's pycc), or null for any other assignment. */
    private String pyccModule(Stmt.Assign as) {
        if (!(as.value() instanceof Expr.Call c) || !"numba.pycc.CC".equals(qualifiedName(c.func()))) return null;
        return c.args().size() == 1 && c.args().get(0) instanceof Expr.StrLit s ? s.value() : "";
    }

    /** {@code @cc.export('name', 'sig')} of a pycc module: the export, or null for another decorator. */
    private AotExportDecl pyccExport(Expr dec, String kernel) {
        if (!(dec instanceof Expr.Call c) || !(c.func() instanceof Expr.Attribute a) || !a.attr().equals("export")
                || !(a.value() instanceof Expr.Name n) || !pyccModules.containsKey(n.id())) return null;
        if (c.args().size() != 2 || !(c.args().get(0) instanceof Expr.StrLit name) || !c.keywords().isEmpty()) {
            diags.error("decorator.export", dec.span(), "cc.export takes the exported name and a signature, both strings",
                    "write @" + n.id() + ".export('mult', 'f8(f8, f8)')");
            return new AotExportDecl(kernel, kernel, null, dec.span());
        }
        KernelInfo.Signature sig = new SignatureParser(this, diags).parse(c.args().get(1));
        return new AotExportDecl(name.value(), kernel, sig, dec.span());
    }

    private void defineFunction(Stmt.FunctionDef def) {
        Binding result = new Binding.PlainFunction(def);
        // Decorators apply bottom-up; the jit decorator is normally the only one.
        for (int i = def.decorators().size() - 1; i >= 0; i--) {
            Expr dec = def.decorators().get(i);
            AotExportDecl export = pyccExport(dec, def.name());
            if (export != null) {
                // pycc compiles the function as @njit would; several exports may share it.
                if (export.signature() != null) pyccExports.add(export);
                if (!(result instanceof Binding.Kernel)) {
                    result = new Binding.Kernel(makeKernel(def.name(), def, new JitCall("numba.njit", List.of(), List.of(), dec.span()),
                            def.nameSpan()));
                }
                continue;
            }
            JitCall jc = jitCall(dec);
            if (jc == null) {
                diags.error("decorator.unknown", dec.span(), "unsupported decorator '" + dec.span().text() + "'",
                        "arrayjit compiles functions decorated with numba's @njit, @jit, @vectorize, @guvectorize or @cuda.jit; remove this decorator");
                continue;
            }
            result = new Binding.Kernel(makeKernel(def.name(), def, jc, def.nameSpan()));
        }
        bindings.put(def.name(), result);
        if (result instanceof Binding.Kernel k) kernels.put(def.name(), k.decl());
    }

    /** A call of a jit decorator: its kind and arguments. */
    private record JitCall(String decorator, List<Expr> args, List<Keyword> keywords, Span span) {}

    /** {@code njit}, {@code numba.jit}, or {@code njit(...)} with arguments; null if it is not one. */
    private JitCall jitCall(Expr e) {
        String q = qualifiedName(e);
        if (q != null && JIT_DECORATORS.contains(q)) return new JitCall(q, List.of(), List.of(), e.span());
        if (e instanceof Expr.Call c) {
            String f = qualifiedName(c.func());
            if (f != null && JIT_DECORATORS.contains(f)) return new JitCall(f, c.args(), c.keywords(), e.span());
        }
        return null;
    }

    private KernelDecl makeKernel(String name, Stmt.FunctionDef def, JitCall jc, Span span) {
        boolean cudaJit = jc.decorator().equals("numba.cuda.jit");
        // GPU code follows Numba's CUDA default: division by zero gives inf/nan/0 instead of raising.
        boolean fastmath = false, boundscheck = true, numpyErrors = cudaJit, parallel = false, device = false;
        Integer identity = null;
        String target = cudaJit ? "opencl" : "cpu";
        for (Keyword kw : jc.keywords()) {
            String k = kw.name() == null ? "**" : kw.name();
            switch (k) {
                case "fastmath" -> fastmath = flag(kw);
                case "boundscheck" -> boundscheck = kw.value() instanceof Expr.NoneLit || flag(kw);
                case "parallel" -> parallel = flag(kw);
                case "device" -> {
                    if (!cudaJit) diags.error("decorator.option", kw.span(), "device= is an option of @cuda.jit", "remove it");
                    device = flag(kw);
                }
                case "opt", "lineinfo", "max_registers", "link" -> {
                    if (!cudaJit) diags.error("decorator.option", kw.span(), kw.name() + "= is an option of @cuda.jit", "remove it");
                }
                case "error_model" -> {
                    if (kw.value() instanceof Expr.StrLit s && (s.value().equals("numpy") || s.value().equals("python"))) {
                        numpyErrors = s.value().equals("numpy");
                    } else {
                        diags.error("decorator.option", kw.value().span(), "error_model must be 'python' or 'numpy'",
                                "write error_model='python' (division by zero raises) or error_model='numpy' (gives inf/nan)");
                    }
                }
                case "target" -> {
                    boolean ufunc = jc.decorator().equals("numba.vectorize") || jc.decorator().equals("numba.guvectorize");
                    String t = kw.value() instanceof Expr.StrLit s ? s.value() : null;
                    boolean gpu = "opencl".equals(t) || "cuda".equals(t);
                    if (ufunc && "parallel".equals(t)) {
                        parallel = true;
                        target = "parallel";
                    } else if (ufunc && gpu) {
                        target = "opencl"; // Numba's CUDA ufuncs and gufuncs run on any OpenCL device here
                    } else if (!ufunc || !"cpu".equals(t)) {
                        diags.error("decorator.option", kw.value().span(), "target " + kw.value().span().text() + " is not supported here",
                                !ufunc ? "remove target=; @njit kernels run on the CPU"
                                        : "write target='cpu', 'parallel' or 'opencl'");
                    }
                }
                case "identity" -> {
                    ConstValue v = kw.value() instanceof Expr.NoneLit || kw.value() instanceof Expr.StrLit ? null
                            : new ConstEvaluator(this).evalOrNull(kw.value());
                    if (v instanceof ConstValue.Scalar sc && sc.value() instanceof Long l && (l == 0 || l == 1)) identity = l.intValue();
                    else if (!(kw.value() instanceof Expr.NoneLit) && !(kw.value() instanceof Expr.StrLit s && s.value().equals("reorderable"))) {
                        diags.error("decorator.option", kw.value().span(), "identity must be 0, 1, None or 'reorderable'", "");
                    }
                }
                case "nopython", "cache", "nogil", "inline", "forceobj", "looplift", "signature_or_function",
                     "locals", "no_cpython_wrapper", "no_cfunc_wrapper", "debug", "_nrt", "writable_args", "cache_dir" -> { }
                default -> diags.error("decorator.option", kw.span(), "unknown option '" + k + "' for " + jc.decorator(),
                        "the options are nopython, cache, fastmath, parallel, nogil, boundscheck and error_model");
            }
        }
        List<KernelInfo.Signature> sigs = new ArrayList<>();
        GufuncLayout layout = null;
        Span layoutSpan = null;
        sigSpans.clear();
        for (Expr a : jc.args()) {
            if (a instanceof Expr.ListLit l) {
                for (Expr e : l.elements()) addSignature(sigs, e);
            } else if (a instanceof Expr.Tuple t && !(jc.decorator().equals("numba.guvectorize"))) {
                for (Expr e : t.elements()) addSignature(sigs, e);
            } else if (jc.decorator().equals("numba.guvectorize") && a instanceof Expr.StrLit lit) {
                layout = GufuncLayout.parse(lit.value());
                if (layout == null) {
                    diags.error("decorator.layout", a.span(), "bad gufunc layout " + a.span().text()
                            + ": it lists each input's core dimensions, then '->' and each output's",
                            "write e.g. \"(n),()->(n)\" or \"(m,n),(n,p)->(m,p)\"");
                }
                layoutSpan = a.span();
            } else {
                addSignature(sigs, a);
            }
        }
        KernelInfo.Kind kind = switch (jc.decorator()) {
            case "numba.vectorize" -> KernelInfo.Kind.VECTORIZE;
            case "numba.guvectorize" -> KernelInfo.Kind.GUVECTORIZE;
            case "numba.cuda.jit" -> device ? KernelInfo.Kind.GPU_DEVICE : KernelInfo.Kind.GPU_KERNEL;
            default -> KernelInfo.Kind.JIT;
        };
        List<String> params = def.params().stream().map(Param::name).toList();
        for (int i = 0; i < sigs.size(); i++) {
            int n = sigs.get(i).args().size();
            if (n != params.size() && def.params().stream().allMatch(p -> p.kind() == Param.Kind.PLAIN)) {
                diags.error("signature.arity", sigSpans.get(i), "the signature gives " + n + " argument type"
                        + (n == 1 ? "" : "s") + " but '" + def.name() + "' takes " + params.size() + " parameter"
                        + (params.size() == 1 ? "" : "s"), "give one type per parameter: " + name + "(" + String.join(", ", params) + ")");
            }
        }
        if (kind == KernelInfo.Kind.GUVECTORIZE) checkLayout(def, layout, layoutSpan, sigs, jc.span());
        return new KernelDecl(new KernelInfo(name, kind, params, new Flags(fastmath, boundscheck, numpyErrors, parallel), sigs, span, layout,
                identity, target), def);
    }

    /** A gufunc needs a layout that its signatures and parameters agree with, naming both sides when they do not. */
    private void checkLayout(Stmt.FunctionDef def, GufuncLayout layout, Span layoutSpan, List<KernelInfo.Signature> sigs, Span decorator) {
        if (layoutSpan == null) {
            diags.error("decorator.layout", decorator, "@guvectorize needs a layout string after its signatures",
                    "write @guvectorize([\"void(float64[:], float64[:])\"], \"(n)->()\")");
            return;
        }
        if (layout == null) return;
        int n = layout.inputs().size() + layout.outputs().size();
        if (def.params().size() != n) {
            diags.error("decorator.layout", layoutSpan, "the layout " + layout + " has " + n + " operands but '" + def.name() + "' takes "
                    + def.params().size() + " parameters", "give one parameter per input, then one per output");
        }
        for (int k = 0; k < sigs.size(); k++) {
            List<dev.arrayjit.typeinfer.types.Type> args = sigs.get(k).args();
            if (args.size() != n) continue; // reported as a signature arity error
            for (int i = 0; i < n; i++) {
                List<String> core = layout.core(i);
                dev.arrayjit.typeinfer.types.Type t = args.get(i);
                boolean output = i >= layout.inputs().size();
                int ndim = dev.arrayjit.typeinfer.types.Types.ndimOf(t);
                boolean ok = output ? t instanceof dev.arrayjit.typeinfer.types.Type.Array && ndim == Math.max(1, core.size())
                        : core.isEmpty() ? t.isScalar() : ndim == core.size();
                if (!ok) {
                    diags.error("decorator.layout", sigSpans.get(k), "argument " + (i + 1) + " of the signature is " + t + " but the layout "
                            + layout + " gives it core (" + String.join(",", core) + ")", output && core.isEmpty()
                            ? "declare a scalar output as a 1-D array (float64[:]) and write it as out[0]"
                            : "give it " + core.size() + " dimension" + (core.size() == 1 ? "" : "s"));
                }
            }
        }
    }

    private final List<Span> sigSpans = new ArrayList<>();

    private void addSignature(List<KernelInfo.Signature> sigs, Expr e) {
        KernelInfo.Signature s = new SignatureParser(this, diags).parse(e);
        if (s != null) {
            sigs.add(s);
            sigSpans.add(e.span());
        }
    }

    private boolean flag(Keyword kw) {
        if (kw.value() instanceof Expr.BoolLit b) return b.value();
        if (kw.value() instanceof Expr.Name n && lookup(n.id()) instanceof Binding.Constant c
                && c.value() instanceof ConstValue.Scalar s && s.value() instanceof Boolean b) return b;
        diags.error("decorator.option", kw.value().span(), "option '" + kw.name() + "' must be True or False", "");
        return false;
    }

    /** Evaluates the right-hand side of a module-level assignment. */
    private Binding evalTopLevel(Expr value) {
        // f2 = njit(f), f2 = njit("sig")(f), f2 = jit(nopython=True)(f)
        if (value instanceof Expr.Call c && c.args().size() == 1 && c.keywords().isEmpty()
                && c.args().get(0) instanceof Expr.Name fn && lookup(fn.id()) instanceof Binding.PlainFunction pf) {
            JitCall jc = jitCall(c.func());
            if (jc == null && qualifiedName(c.func()) != null && JIT_DECORATORS.contains(qualifiedName(c.func()))) {
                jc = new JitCall(qualifiedName(c.func()), List.of(), List.of(), c.func().span());
            }
            if (jc != null) return new Binding.Kernel(makeKernel(pf.def().name(), pf.def(), jc, value.span()));
        }
        if (value instanceof Expr.Name n && lookup(n.id()) != null) return lookup(n.id());
        try {
            return new Binding.Constant(new ConstEvaluator(this).eval(value), value.span());
        } catch (ConstEvaluator.NotConstant nc) {
            return new Binding.Opaque(nc.getMessage(), value.span());
        }
    }

    /** The dotted library name an expression refers to ({@code np.float32} → {@code numpy.float32}), or null. */
    public String qualifiedName(Expr e) {
        return switch (e) {
            case Expr.Name n -> switch (lookup(n.id())) {
                case Binding.ModuleRef m -> m.module();
                case Binding.Library l -> l.qualifiedName();
                case null -> Builtins.isBuiltin(n.id()) ? "builtins." + n.id() : null;
                default -> null;
            };
            case Expr.Attribute a -> {
                String base = qualifiedName(a.value());
                if (base == null) yield null;
                if (!(isModule(base))) yield null;
                yield canonicalModule(base + "." + a.attr());
            }
            default -> null;
        };
    }

    /** Whether a qualified name is a module (rather than an object in one). */
    public boolean isModule(String q) {
        return Set.of("numpy", "math", "numba", "cmath", "random", "numba.types", "numba.core", "numba.core.types",
                "numpy.random", "operator", "numba.cuda", "numba.cuda.threadIdx", "numba.cuda.blockIdx", "numba.cuda.blockDim",
                "numba.cuda.gridDim", "numba.cuda.shared", "numba.cuda.local", "numba.cuda.atomic", "numba.cuda.const", "numba.pycc")
                .contains(q);
    }

    /** Maps aliases of one module to one spelling: {@code numba.core.types} is {@code numba.types}. */
    public static String canonicalModule(String name) {
        if (name.startsWith("numba.core.types")) return "numba.types" + name.substring("numba.core.types".length());
        if (name.equals("numba.np.numpy_support")) return name;
        return name;
    }
}
