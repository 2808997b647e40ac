package dev.arrayjit.typeinfer;

import dev.arrayjit.frontend.Parser;
import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.ast.Module;
import dev.arrayjit.frontend.ast.Param;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostics;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.typing.ErrorSites;
import dev.arrayjit.typeinfer.typing.KernelDecl;
import dev.arrayjit.typeinfer.typing.ModuleScope;
import dev.arrayjit.typeinfer.typing.Specializer;
import dev.arrayjit.typeinfer.ir.IrVerifier;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.lower.ArrayLowering;
import dev.arrayjit.typeinfer.lower.ParallelOutlining;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed and resolved kernel source file: the front half of the compiler. It knows the file's
 * kernels and turns one kernel plus an argument-type tuple into a typed {@link CompileUnit}.
 * Thread-safe: specializations of one program may be typed from several threads at once.
 */
public final class Program {
    private final SourceFile file;
    private final Module module;
    private final ModuleScope scope;
    private final Specializer specializer;
    private final ErrorSites sites = new ErrorSites();
    /** Lowered functions by symbol: a specialization is typed once, so it is lowered once. */
    private final Map<String, List<TypedFunction>> lowered = new HashMap<>();

    private Program(SourceFile file, Module module, ModuleScope scope) {
        this.file = file;
        this.module = module;
        this.scope = scope;
        this.specializer = new Specializer(scope, sites);
    }

    /** Parses and resolves a file; parse errors and module-level errors throw {@link CompileException}. */
    public static Program load(SourceFile file) {
        Diagnostics diags = new Diagnostics();
        Module module = Parser.parse(file, diags);
        diags.throwIfErrors();
        ModuleScope scope = new ModuleScope(module, diags);
        diags.throwIfErrors();
        return new Program(file, module, scope);
    }

    public SourceFile file() { return file; }

    /** The syntax tree, for tools that dump it. */
    public Module module() { return module; }

    /** The file's kernels (decorated or jit-wrapped functions), in source order. */
    public List<KernelInfo> kernels() {
        return scope.kernels().values().stream().map(KernelDecl::info).toList();
    }

    /** The exports the file asks for in Numba's pycc form ({@code @cc.export}), in source order. */
    public List<AotExportDecl> pyccExports() { return scope.pyccExports(); }

    /** The module name of the file's {@code CC('name')}, or null when it has none. */
    public String pyccModule() { return scope.pyccModule(); }

    /**
     * A signature written as Numba writes it ({@code "f8(f8, i8[:])"}, {@code "float64[:](float64[:])"}),
     * resolved against this file's names.
     * @throws CompileException naming what is wrong, at {@code origin} (where the text came from)
     */
    public KernelInfo.Signature parseSignature(String text, String origin) {
        SourceFile src = new SourceFile(origin, "'" + text + "'");
        Diagnostics diags = new Diagnostics();
        KernelInfo.Signature sig = new dev.arrayjit.typeinfer.typing.SignatureParser(scope, diags)
                .parse(new dev.arrayjit.frontend.ast.Expr.StrLit(text, new dev.arrayjit.frontend.Span(src, 0, text.length() + 2)));
        diags.throwIfErrors();
        if (sig == null) throw new IllegalStateException("no signature in '" + text + "'");
        return sig;
    }

    /** A kernel by name, or null. */
    public KernelInfo kernel(String name) {
        KernelDecl d = scope.kernels().get(name);
        return d == null ? null : d.info();
    }

    /**
     * Types the kernel for these argument types, with every kernel it calls.
     * @throws CompileException with all type errors found, each rendered with file:line:col and caret
     * @throws IllegalArgumentException for an unknown kernel or a wrong number of arguments
     */
    public CompileUnit specialize(String kernel, List<Type> argTypes) {
        KernelDecl d = scope.kernels().get(kernel);
        if (d == null) throw new IllegalArgumentException("no kernel named '" + kernel + "' in " + file.name());
        checkCallable(kernel);
        if (argTypes.size() != d.info().params().size()) {
            throw new IllegalArgumentException("'" + kernel + "' takes " + d.info().params().size() + " argument"
                    + (d.info().params().size() == 1 ? "" : "s") + " (" + String.join(", ", d.info().params()) + "), got "
                    + argTypes.size());
        }
        Diagnostics diags = new Diagnostics();
        CompileUnit unit = specializer.unit(d, argTypes, diags);
        diags.throwIfErrors();
        return unit;
    }

    /**
     * Types a use of the {@code @vectorize} kernel {@code kernel} as a ufunc (see {@link UfuncRequest}).
     * @throws CompileException when the scalar kernel does not type for the request's loop
     */
    public CompileUnit specializeUfunc(String kernel, UfuncRequest request) {
        KernelDecl d = scope.kernels().get(kernel);
        if (d == null) throw new IllegalArgumentException("no kernel named '" + kernel + "' in " + file.name());
        Diagnostics diags = new Diagnostics();
        CompileUnit unit = specializer.ufuncUnit(d, request, diags);
        diags.throwIfErrors();
        return unit;
    }

    /**
     * The {@code lower-arrays} and {@code outline-parallel} passes over a unit: whole-array
     * operations become loops and parallel loops calls of chunk functions, so the result
     * holds only what every backend compiles ({@link IrVerifier#verifyLowered}).
     */
    public CompileUnit lower(CompileUnit unit) {
        List<TypedFunction> fs = new ArrayList<>();
        TypedFunction entry = null;
        synchronized (lowered) {
            for (TypedFunction f : unit.functions()) {
                List<TypedFunction> l = lowered.computeIfAbsent(f.symbol(), k -> {
                    // lower-arrays, then outline-parallel: the chunk functions follow the function they came from.
                    List<TypedFunction> chunks = new ArrayList<>();
                    TypedFunction main = ParallelOutlining.outline(ArrayLowering.lower(f, sites::add), chunks);
                    List<TypedFunction> all = new ArrayList<>(List.of(main));
                    all.addAll(chunks);
                    return List.copyOf(all);
                });
                fs.addAll(l);
                if (f == unit.entry()) entry = l.get(0);
            }
        }
        CompileUnit out = new CompileUnit(entry, List.copyOf(fs), sites.snapshot());
        IrVerifier.verifyLowered(out);
        return out;
    }

    /**
     * Rejects a kernel the runtime cannot call at all (one with {@code *args} or {@code **kwargs}
     * parameters), before arguments are matched to its parameters.
     * @throws CompileException naming the parameter
     */
    public void checkCallable(String kernel) {
        KernelDecl d = scope.kernels().get(kernel);
        if (d == null) return;
        for (var p : d.def().params()) {
            if (p.kind() == Param.Kind.VARARGS || p.kind() == Param.Kind.KWARGS) {
                String star = p.kind() == Param.Kind.VARARGS ? "*" : "**";
                throw new CompileException(Diagnostic.error("unsupported.params", p.span(),
                        star + p.name() + " parameters are not supported in a kernel" + (star.equals("*") ? " yet" : ""),
                        "give '" + kernel + "' one parameter per argument"));
            }
        }
    }
}
