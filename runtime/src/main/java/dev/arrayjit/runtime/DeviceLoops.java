package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.GufuncLayout;
import dev.arrayjit.typeinfer.backend.GpuOffload;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ufunc's loops on an OpenCL device ({@code target='opencl'}): the scalar kernel compiled for the
 * device once per loop and one work-item per element of the result. Host operands are broadcast and
 * converted on the host into contiguous buffers of the loop's types; {@link DeviceArray} operands of
 * the loop's type and the result's shape are used in place, and then the result stays on the device
 * too (a DeviceArray), as Numba's CUDA ufuncs do.
 */
final class DeviceLoops implements AutoCloseable {
    /** Why ufuncs cannot run on a device here (what to install), or null when they can. */
    static String unavailable() { return Gpu.unavailable(); }

    private record Compiled(GpuOffload.Loop loop, Type result) {}

    private record CompiledGufunc(GpuOffload.GufuncLoop loop, CompileUnit unit) {}

    private final ConcurrentHashMap<List<Object>, CompiledGufunc> gufuncs = new ConcurrentHashMap<>();
    private final KernelModule module;
    private final String kernel;
    /** By device and loop types (a loop is built for the device selected when it first ran there). */
    private final ConcurrentHashMap<List<Object>, Compiled> loops = new ConcurrentHashMap<>();

    DeviceLoops(KernelModule module, String kernel) {
        this.module = module;
        this.kernel = kernel;
    }

    /**
     * The loop {@code loop} applied to the inputs broadcast together: an array (a DeviceArray when
     * an input is one), or a number for numbers alone.
     */
    Object call(Object[] in, List<Type> types, List<Type> loop) { return call(in, types, loop, null, false); }

    /** {@link #call} as a host array of the loop's result type (0-d for numbers alone). */
    NDArray callArray(Object[] in, List<Type> types, List<Type> loop) { return (NDArray) call(in, types, loop, null, true); }

    /**
     * {@link #call}, writing into {@code out} when it is not null: a device array of the result's
     * shape and the loop's result type, used in place (Numba's {@code out=} of a CUDA ufunc).
     */
    Object call(Object[] in, List<Type> types, List<Type> loop, DeviceArray out) { return call(in, types, loop, out, false); }

    private Object call(Object[] in, List<Type> types, List<Type> loop, DeviceArray out, boolean hostArray) {
        GpuOffload gpu = Gpu.require(kernel + "() with target='opencl'");
        Compiled c = loops.computeIfAbsent(List.of(gpu.device(), List.copyOf(loop)), key -> {
            CompileUnit unit = unit(loop);
            return new Compiled(onDevice(() -> gpu.compile(unit), GpuOffload.Loop::source), unit.entry().returnType());
        });
        long[] shape = broadcastShape(in, types);
        long n = 1;
        for (long d : shape) n *= d;
        boolean onDevice = false;
        List<GpuOffload.Buffer> buffers = new ArrayList<>();
        List<GpuOffload.Buffer> temporaries = new ArrayList<>();
        DeviceArray result = null;
        try {
            for (int i = 0; i < in.length; i++) {
                if (in[i] instanceof DeviceArray d && d.dtype().equals(loop.get(i)) && java.util.Arrays.equals(d.shape(), shape)) {
                    buffers.add(d.buffer());
                    onDevice = true;
                    continue;
                }
                Object host = in[i] instanceof DeviceArray d ? d.copyToHost() : in[i];
                onDevice |= in[i] instanceof DeviceArray;
                MemorySegment m = buffer(host, loop.get(i), shape, n);
                GpuOffload.Buffer b = gpu.allocate(m.byteSize());
                temporaries.add(b);
                b.write(m);
                buffers.add(b);
            }
            if (out != null) {
                if (!out.dtype().equals(c.result()) || !java.util.Arrays.equals(out.shape(), shape)) {
                    throw new ArgumentException("the out device array of " + kernel + "() is " + out + " but the result is "
                            + c.result() + " " + java.util.Arrays.toString(shape) + "; give one of that dtype and shape");
                }
                c.loop().run(buffers, out.buffer(), n);
                java.lang.ref.Reference.reachabilityFence(in);
                return out;
            }
            result = DeviceArray.empty(c.result(), shape);
            c.loop().run(buffers, result.buffer(), n);
            if (onDevice && !hostArray) {
                DeviceArray r = result;
                result = null; // handed to the caller
                return r;
            }
            NDArray host = result.copyToHost();
            return shape.length == 0 && !hostArray ? host.get() : host;
        } finally {
            temporaries.forEach(GpuOffload.Buffer::close);
            if (result != null) result.close();
            java.lang.ref.Reference.reachabilityFence(in); // device arrays among them keep their memory until here
        }
    }

    /**
     * A {@code @guvectorize} loop ({@code loop}: the signature's types, inputs then outputs) over
     * {@code in}: the inputs, then the outputs when given. Core sizes come from the inputs (and
     * given outputs), the outer dimensions broadcast; each output comes back as a host array
     * (a number for a scalar core without outer dimensions), written into the given one if any.
     */
    Object[] callGeneralized(Object[] in, List<Type> loop, GufuncLayout layout) {
        GpuOffload gpu = Gpu.require(kernel + "() with target='opencl'");
        CompiledGufunc c = gufuncs.computeIfAbsent(List.of(gpu.device(), List.copyOf(loop)), key -> {
            CompileUnit unit = unit(loop);
            return new CompiledGufunc(onDevice(() -> gpu.compileGufunc(unit), GpuOffload.GufuncLoop::source), unit);
        });
        int nin = layout.inputs().size(), nout = layout.outputs().size();
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        long[] outer = new long[0];
        List<long[]> cores = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            long[] shape = in[i] instanceof NDArray a ? a.shape() : in[i] instanceof DeviceArray d ? d.shape() : new long[0];
            List<String> core = i < nin ? layout.inputs().get(i) : layout.outputs().get(i - nin);
            if (shape.length < core.size()) {
                throw new KernelException("ValueError", kernel + ": " + (i < nin ? "Input" : "Output") + " operand " + (i < nin ? i : i - nin)
                        + " does not have enough dimensions (has " + shape.length + ", gufunc core with signature " + layout
                        + " requires " + core.size() + ")", null);
            }
            long[] coreDims = new long[core.size()];
            for (int j = 0; j < core.size(); j++) {
                long d = shape[shape.length - core.size() + j];
                Long known = sizes.putIfAbsent(core.get(j), d);
                if (known != null && known != d) {
                    throw new KernelException("ValueError", kernel + ": " + (i < nin ? "Input" : "Output") + " operand " + (i < nin ? i : i - nin)
                            + " has a mismatch in its core dimension " + j + ", with gufunc signature " + layout + " (size " + d
                            + " is different from " + known + ")", null);
                }
                coreDims[j] = d;
            }
            cores.add(coreDims);
            long[] own = java.util.Arrays.copyOf(shape, shape.length - core.size());
            if (i < nin) {
                outer = broadcast(outer, own);
            } else if (!java.util.Arrays.equals(own, outer)) {
                throw new KernelException("ValueError", kernel + ": output operand " + (i - nin) + " has the outer shape " + tuple(own)
                        + " but the inputs broadcast to " + tuple(outer), null);
            }
        }
        for (int j = in.length - nin; j < nout; j++) { // outputs to allocate
            List<String> core = layout.outputs().get(j);
            long[] coreDims = new long[core.size()];
            for (int k = 0; k < core.size(); k++) {
                Long d = sizes.get(core.get(k));
                if (d == null) {
                    throw new ArgumentException(kernel + "(): the size of core dimension '" + core.get(k) + "' of output " + j
                            + " is not given by any input; pass the output array");
                }
                coreDims[k] = d;
            }
            cores.add(coreDims);
        }
        long n = 1;
        for (long d : outer) n *= d;
        List<GpuOffload.Buffer> buffers = new ArrayList<>();
        try {
            List<GpuOffload.ArrayArg> operands = new ArrayList<>();
            for (int i = 0; i < nin + nout; i++) {
                Type t = loop.get(i);
                Type dtype = Types.dtypeOf(t);
                boolean output = i >= nin;
                // A scalar core output is a one-element array in the kernel (written as out[0]).
                long[] core = output && cores.get(i).length == 0 ? new long[] {1} : cores.get(i);
                long[] full = concat(outer, core);
                long total = n;
                for (long d : core) total *= d;
                GpuOffload.Buffer b = gpu.allocate(total * Types.sizeOf(dtype));
                buffers.add(b);
                if (i < in.length) { // an input, or an output the caller gave: the kernel may read what it holds
                    Object host = in[i] instanceof DeviceArray d ? d.copyToHost() : in[i];
                    b.write(buffer(host, dtype, output && cores.get(i).length == 0 ? outer : full, total));
                }
                operands.add(new GpuOffload.ArrayArg(b, t instanceof Type.Array ? core : new long[0]));
            }
            GpuOffload.Raised raised = c.loop().run(operands, n);
            if (raised != null) throw KernelException.of(c.unit().sites().get(raised.site()), raised.payload());
            Object[] results = new Object[nout];
            for (int j = 0; j < nout; j++) {
                long[] core = cores.get(nin + j);
                NDArray r = NDArray.zeros(Types.dtypeOf(loop.get(nin + j)), concat(outer, core));
                buffers.get(nin + j).read(r.segment());
                if (nin + j < in.length) {
                    NDArray given = (NDArray) in[nin + j];
                    copyInto(given, r);
                    results[j] = given;
                } else {
                    results[j] = r.ndim() == 0 ? r.get() : r;
                }
            }
            return results;
        } finally {
            buffers.forEach(GpuOffload.Buffer::close);
        }
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@code src} broadcast into {@code dst}, converted to its dtype (an output the caller gave). */
    static void copyInto(NDArray dst, NDArray src) {
        long[] shape = dst.shape();
        long n = dst.size();
        long[] idx = new long[shape.length];
        for (long f = 0; f < n; f++) {
            dst.set(src.get(sourceIndex(src, idx)), idx);
            for (int k = shape.length - 1; k >= 0 && ++idx[k] == shape[k]; k--) idx[k] = 0;
        }
    }

    /** Two shapes broadcast together (ValueError naming both when they do not). */
    private static long[] broadcast(long[] shape, long[] s) {
        long[] wide = new long[Math.max(shape.length, s.length)];
        for (int k = 0; k < wide.length; k++) {
            long x = k - (wide.length - shape.length) >= 0 ? shape[k - (wide.length - shape.length)] : 1;
            long y = k - (wide.length - s.length) >= 0 ? s[k - (wide.length - s.length)] : 1;
            if (x != y && x != 1 && y != 1) {
                throw new KernelException("ValueError", "operands could not be broadcast together with shapes "
                        + tuple(shape) + " " + tuple(s) + " ", null); // NumPy's text ends with a space
            }
            wide[k] = x == 1 ? y : x;
        }
        return wide;
    }

    /** The kernel typed for a loop's types and lowered. */
    private CompileUnit unit(List<Type> loop) { return module.program().lower(module.program().specialize(kernel, loop)); }

    /** Compiles for the device, dumping the source when asked; what the device cannot run is an ArgumentException. */
    private <T> T onDevice(java.util.function.Supplier<T> compile, java.util.function.Function<T, String> source) {
        T built;
        try {
            built = compile.get();
        } catch (IllegalArgumentException e) {
            throw new ArgumentException(e.getMessage());
        }
        if (module.options().dumpAfter().contains("opencl")) module.options().report().accept("=== after opencl ===\n" + source.apply(built));
        return built;
    }

    /** NumPy's broadcast shape of the array operands; ValueError naming both shapes when they do not broadcast. */
    private static long[] broadcastShape(Object[] in, List<Type> types) {
        long[] shape = new long[0];
        for (Object o : in) {
            if (o instanceof NDArray a) shape = broadcast(shape, a.shape());
            else if (o instanceof DeviceArray d) shape = broadcast(shape, d.shape());
        }
        return shape;
    }

    private static String tuple(long[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < s.length; k++) sb.append(k == 0 ? "" : ",").append(s[k]);
        return sb.append(s.length == 1 ? ",)" : ")").toString();
    }

    /** {@code n} contiguous elements of {@code dtype}: the operand broadcast to {@code shape} (its own memory when it already is one). */
    private static MemorySegment buffer(Object operand, Type dtype, long[] shape, long n) {
        if (operand instanceof NDArray a && a.dtype().equals(dtype) && java.util.Arrays.equals(a.shape(), shape) && contiguous(a)) {
            return a.segment().asSlice(a.offset(), n * Types.sizeOf(dtype));
        }
        NDArray out = NDArray.zeros(dtype, shape.length == 0 ? new long[] {1} : shape);
        long[] idx = new long[shape.length];
        for (long f = 0; f < n; f++) {
            Object v = operand instanceof NDArray a ? a.get(sourceIndex(a, idx)) : operand;
            out.set(v, shape.length == 0 ? new long[] {0} : idx);
            for (int k = shape.length - 1; k >= 0 && ++idx[k] == shape[k]; k--) idx[k] = 0;
        }
        return out.segment();
    }

    /** The element of {@code a} that broadcasting puts at {@code idx}. */
    private static long[] sourceIndex(NDArray a, long[] idx) {
        long[] s = new long[a.ndim()];
        for (int k = 0; k < s.length; k++) s[k] = a.shape(k) == 1 ? 0 : idx[idx.length - s.length + k];
        return s;
    }

    private static boolean contiguous(NDArray a) {
        long expect = a.itemSize();
        for (int k = a.ndim() - 1; k >= 0; k--) {
            if (a.shape(k) != 1 && a.stride(k) != expect) return false;
            expect *= a.shape(k);
        }
        return true;
    }

    /** The programs of the loops made so far, for inspection. */
    List<String> sources() { return loops.values().stream().map(c -> c.loop().source()).toList(); }

    @Override public void close() {
        for (Compiled c : loops.values()) c.loop().close();
        loops.clear();
        for (CompiledGufunc c : gufuncs.values()) c.loop().close();
        gufuncs.clear();
    }
}
