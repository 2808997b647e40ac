package dev.arrayjit.runtime;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.runtime.call.Typeof;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.backend.GpuOffload;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.ir.IrPrinter;
import dev.arrayjit.typeinfer.pipeline.Pipeline;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code @cuda.jit} kernel: compiled for the GPU once per argument-type tuple (arrays are typed
 * C-contiguous, as they are on the device) and launched over a grid. Host arrays are copied to the
 * device before the launch and back after it (not after a launch that raised), as Numba does;
 * {@link DeviceArray}s are used in place.
 */
final class GpuKernel implements AutoCloseable {
    private record Compiled(CompileUnit unit, GpuOffload.Kernel kernel) {}

    private final KernelModule module;
    private final KernelInfo info;
    /** By device and argument types: a kernel is built for the device selected when it was first launched there. */
    private final ConcurrentHashMap<List<Object>, Compiled> compiled = new ConcurrentHashMap<>();
    private volatile long compileNanos;

    GpuKernel(KernelModule module, KernelInfo info) {
        this.module = module;
        this.info = info;
    }

    long compileNanos() { return compileNanos; }

    /** Launches {@code grid} blocks of {@code block} threads over {@code args}; throws what the kernel raised. */
    void launch(long[] grid, long[] block, Object[] args) {
        if (args.length != info.params().size()) {
            throw new ArgumentException(info.name() + "() takes " + info.params().size() + " argument" + (info.params().size() == 1 ? "" : "s")
                    + " (" + String.join(", ", info.params()) + "), got " + args.length);
        }
        Object[] values = new Object[args.length];
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            values[i] = KernelFunction.javaArrayAsNDArray(args[i]);
            types.add(typeOf(values[i], i));
        }
        String device = Gpu.unavailable() == null ? Gpu.require("").device() : "";
        Compiled c = compiled.computeIfAbsent(List.of(device, List.copyOf(types)), k -> compile(types));
        List<Object> launchArgs = new ArrayList<>();
        List<Runnable> copyBack = new ArrayList<>();
        List<DeviceArray> temporaries = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                Object a = values[i];
                switch (a) {
                    case DeviceArray d -> launchArgs.add(new GpuOffload.ArrayArg(d.buffer(), d.shape()));
                    case NDArray host -> {
                        DeviceArray d = DeviceArray.of(host);
                        temporaries.add(d);
                        launchArgs.add(new GpuOffload.ArrayArg(d.buffer(), d.shape()));
                        if (!host.readOnly()) copyBack.add(() -> d.copyToHost(host));
                    }
                    default -> launchArgs.add(scalar(a, types.get(i)));
                }
            }
            GpuOffload.Raised raised;
            try {
                raised = c.kernel().launch(grid, block, launchArgs);
            } catch (IllegalArgumentException e) {
                throw new ArgumentException(info.name() + "[" + dims(grid) + ", " + dims(block) + "]: " + e.getMessage());
            }
            // As Numba: a launch that raised copies nothing back.
            if (raised != null) throw KernelException.of(c.unit().sites().get(raised.site()), raised.payload());
            copyBack.forEach(Runnable::run);
        } finally {
            temporaries.forEach(DeviceArray::close);
            java.lang.ref.Reference.reachabilityFence(args); // device arrays among them keep their memory until here
        }
    }

    /** Types and lowers first, so a kernel's type errors are reported even where there is no device. */
    private Compiled compile(List<Type> types) {
        long t0 = System.nanoTime();
        ArrayJit.Options options = module.options();
        Pipeline p = new Pipeline(options.dumpAfter(), options.report());
        CompileUnit typed = p.run("typed", () -> module.program().specialize(info.name(), types), IrPrinter::print);
        CompileUnit unit = p.run("lowered", () -> module.program().lower(typed), IrPrinter::print);
        GpuOffload gpu = Gpu.require(info.name() + "[...]");
        GpuOffload.Kernel kernel;
        try {
            kernel = p.run("codegen", () -> gpu.compileKernel(unit), null);
        } catch (IllegalArgumentException e) {
            throw new ArgumentException(e.getMessage());
        }
        if (options.dumpAfter().contains("opencl")) p.dump("opencl", kernel.source());
        compileNanos += System.nanoTime() - t0;
        return new Compiled(unit, kernel);
    }

    /** Arrays are C-contiguous and writable on the device; scalars keep Numba's typeof. */
    private Type typeOf(Object a, int i) {
        if (a instanceof DeviceArray d) return d.type();
        Type t = Typeof.of(a);
        if (t instanceof Type.Array at) return new Type.Array(at.dtype(), at.ndim(), Layout.C, at.readonly());
        if (t == null || !t.isScalar()) {
            throw new ArgumentException("argument " + (i + 1) + " of " + info.name() + " (" + info.params().get(i) + ") is "
                    + (a == null ? "None" : a.getClass().getSimpleName()) + "; a GPU kernel takes arrays, device arrays and numbers");
        }
        return t;
    }

    private static Object scalar(Object a, Type t) {
        return switch (t) {
            case Type.Bool b -> a instanceof Scalar s ? s.booleanValue() : (Boolean) a;
            case Type.Float f -> a instanceof Scalar s ? s.doubleValue() : ((Number) a).doubleValue();
            case Type.Complex c -> {
                Complex z = a instanceof Scalar s ? (Complex) s.value() : (Complex) a;
                yield new double[] {z.re(), z.im()};
            }
            default -> a instanceof Scalar s ? s.longValue() : ((Number) a).longValue();
        };
    }

    private static String dims(long[] d) {
        if (d.length == 1) return Long.toString(d[0]);
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < d.length; k++) sb.append(k == 0 ? "" : ", ").append(d[k]);
        return sb.append(')').toString();
    }

    /** The OpenCL C of each specialization so far, for inspection. */
    List<String> sources() { return compiled.values().stream().map(c -> c.kernel().source()).toList(); }

    @Override public void close() {
        for (Compiled c : compiled.values()) c.kernel().close();
        compiled.clear();
    }
}
