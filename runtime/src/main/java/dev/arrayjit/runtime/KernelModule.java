package dev.arrayjit.runtime;

import dev.arrayjit.runtime.call.EntryPoint;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.Program;
import dev.arrayjit.typeinfer.backend.Backend;
import dev.arrayjit.typeinfer.backend.CompiledUnit;
import dev.arrayjit.typeinfer.backend.CompileOptions;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.IrPrinter;
import dev.arrayjit.typeinfer.pipeline.Pipeline;
import java.util.HashSet;
import java.util.Set;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded source file: its kernels by name, each with its own {@link Dispatcher}. Native code lives
 * until {@link #close()} (or the end of the process); arrays kernels returned stay valid after it.
 */
public final class KernelModule implements AutoCloseable {
    private final Program program;
    private final ArrayJit.Options options;
    private final long loadNanos;
    private final ConcurrentHashMap<String, KernelFunction> functions = new ConcurrentHashMap<>();
    private volatile Backend backend;
    private volatile boolean closed;

    KernelModule(Program program, ArrayJit.Options options, long loadNanos) {
        this.program = program;
        this.options = options;
        this.loadNanos = loadNanos;
    }

    /** Time spent parsing and resolving the file. */
    public long loadNanos() { return loadNanos; }

    public Program program() { return program; }

    /** The options the module compiles with. */
    public ArrayJit.Options options() { return options; }

    /** The kernels' names in source order. */
    public List<String> kernelNames() { return program.kernels().stream().map(KernelInfo::name).toList(); }

    /** A kernel by name. */
    public KernelFunction function(String name) {
        if (closed) throw new IllegalStateException("module closed");
        KernelFunction f = functions.get(name);
        if (f != null) return f;
        KernelInfo info = program.kernel(name);
        if (info == null) throw new NoSuchKernelException(name, program.file().name(), kernelNames());
        program.checkCallable(name);
        boolean ufunc = info.kind() == KernelInfo.Kind.VECTORIZE || info.kind() == KernelInfo.Kind.GUVECTORIZE;
        return functions.computeIfAbsent(name, n -> new KernelFunction(info, dispatcherFor(info), ufunc ? new Ufunc(this, info) : null,
                info.kind() == KernelInfo.Kind.GPU_KERNEL ? new GpuKernel(this, info) : null));
    }

    private Dispatcher dispatcherFor(KernelInfo info) {
        List<List<Type>> eager = info.signatures().stream().map(KernelInfo.Signature::args).toList();
        return new Dispatcher(info.name(), info.params(), eager, types -> compile(info.name(), types));
    }

    /** The passes of one specialization: typing, code generation, binding the entry point. */
    private Specialization compile(String kernel, List<Type> argTypes) {
        return compile(kernel + argTypes, argTypes, () -> program.specialize(kernel, argTypes));
    }

    /** The passes of a specialization whose typing {@code typing} does (its entry takes {@code argTypes}). */
    Specialization compile(String label, List<Type> argTypes, java.util.function.Supplier<CompileUnit> typing) {
        long t0 = System.nanoTime();
        Pipeline p = new Pipeline(options.dumpAfter(), options.report());
        CompileUnit typed = p.run("typed", typing, IrPrinter::print);
        CompileUnit unit = p.run("lowered", () -> program.lower(typed), IrPrinter::print);
        Set<String> backendDumps = new HashSet<>(options.dumpAfter());
        backendDumps.remove("typed");
        backendDumps.remove("lowered");
        backendDumps.remove("opencl"); // the GPU's source, dumped where it is generated
        CompileOptions co = options.compileOptions();
        if (!backendDumps.isEmpty()) co = co.withDumps(backendDumps);
        CompileOptions codegenOptions = co;
        CompiledUnit code = p.run("codegen", () -> backend().compile(unit, codegenOptions), null);
        for (String stage : ArrayJit.Options.DUMPABLE) if (backendDumps.contains(stage)) p.dump(stage, code.dump(stage));
        EntryPoint entry = p.run("bind", () -> EntryPoint.at(code.entryAddress()), null);
        if (options.timings()) options.report().accept("timings for " + label + ":\n" + p.report());
        return new Specialization(argTypes, unit.entry().returnType(), unit.sites(), entry, code, System.nanoTime() - t0);
    }

    /** Compiles every eager signature of every kernel (their type errors surface now). */
    public void compileEager() {
        for (String n : kernelNames()) function(n).dispatcher().compileEager();
    }

    private Backend backend() {
        Backend b = backend;
        if (b == null) {
            synchronized (this) {
                if (backend == null) backend = Warmup.backend(options.target());
                b = backend;
            }
        }
        return b;
    }

    /**
     * The backend for a target: {@code parallel} is the {@code cpu} backend (its prange loops use
     * threads); under {@code opencl} only ufunc loops run on the device, everything else on the CPU.
     */
    static Backend findBackend(String target) {
        String name = "parallel".equals(target) || "opencl".equals(target) ? "cpu" : target;
        List<String> seen = new java.util.ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class, KernelModule.class.getClassLoader())) {
            if (b.name().equals(name)) return b;
            seen.add(b.name());
        }
        throw new IllegalStateException("no backend for target '" + target + "' on the class path (found " + seen + ")");
    }

    /** Frees the native code of every specialization. */
    @Override public void close() {
        closed = true;
        for (KernelFunction f : functions.values()) {
            for (Specialization s : f.dispatcher().specializations()) s.close();
            if (f.isUfunc()) {
                for (Specialization s : f.ufunc().specializations()) s.close();
                f.ufunc().closeDevice();
            }
            f.closeGpu();
        }
    }
}
