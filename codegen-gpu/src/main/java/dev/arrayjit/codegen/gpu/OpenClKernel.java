package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.types.Type;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * A {@code @cuda.jit} kernel built for one device ({@link OpenClGenerator#kernel}): a launch sets
 * the status buffer and one argument per parameter (an array as buffer and extents), runs
 * {@code grid × block} work-items in blocks of {@code block}, waits, and reads the status back.
 */
final class OpenClKernel implements GpuOffload.Kernel {
    private final OpenClContext ctx;
    private final OpenClProgram source;
    private final TypedFunction entry;
    private final cl_program program;
    private final cl_kernel kernel;
    private final long maxBlock;
    private final LaunchStatus status;

    OpenClKernel(OpenClContext ctx, OpenClProgram source, TypedFunction entry) {
        this.ctx = ctx;
        this.source = source;
        this.entry = entry;
        this.program = ctx.build(source);
        this.kernel = CL.clCreateKernel(program, source.kernelName(), null);
        long[] wg = new long[1];
        CL.clGetKernelWorkGroupInfo(kernel, ctx.id, CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(wg), null);
        this.maxBlock = wg[0];
        this.status = new LaunchStatus(ctx);
    }

    @Override public String source() { return source.source(); }

    @Override public GpuOffload.Raised launch(long[] grid, long[] block, List<Object> args) {
        if (grid.length < 1 || grid.length > 3 || block.length < 1 || block.length > 3) {
            throw new IllegalArgumentException("a launch needs 1 to 3 grid and block extents; got " + grid.length + " and " + block.length);
        }
        // As CUDA's dim3: the missing extents of the shorter one are 1.
        int dims = Math.max(grid.length, block.length);
        grid = padded(grid, dims);
        block = padded(block, dims);
        if (args.size() != entry.params().size()) throw new IllegalArgumentException("kernel takes " + entry.params().size() + " arguments");
        long threads = 1, total = 1;
        long[] global = new long[grid.length];
        for (int k = 0; k < grid.length; k++) {
            if (grid[k] < 0 || block[k] < 1) throw new IllegalArgumentException("launch extents must be positive: grid " 
                    + java.util.Arrays.toString(grid) + ", block " + java.util.Arrays.toString(block));
            threads *= block[k];
            global[k] = Math.multiplyExact(grid[k], block[k]);
            total *= global[k];
        }
        if (threads > maxBlock) {
            throw new IllegalArgumentException("a block of " + threads + " threads is more than " + ctx.device.name()
                    + " runs together for this kernel (" + maxBlock + "); use smaller blocks and more of them");
        }
        if (total == 0) return null;
        synchronized (ctx) {
            status.reset();
            int a = 0;
            CL.clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(status.buffer.mem));
            for (int i = 0; i < args.size(); i++) a = setArg(a, entry.params().get(i), args.get(i));
            CL.clEnqueueNDRangeKernel(ctx.queue, kernel, grid.length, null, global, block, 0, null, null);
            return status.raised(); // a blocking read after the kernel on the in-order queue: the launch is done
        }
    }

    private static long[] padded(long[] v, int n) {
        long[] out = java.util.Arrays.copyOf(v, n);
        for (int k = v.length; k < n; k++) out[k] = 1;
        return out;
    }

    /** Sets the arguments of one parameter from index {@code a}; returns the next index. */
    private int setArg(int a, Var param, Object value) {
        Type t = param.type();
        if (t instanceof Type.Array at) {
            if (!(value instanceof GpuOffload.ArrayArg arr) || !(arr.buffer() instanceof OpenClBuffer b) || b.ctx != ctx) {
                throw new IllegalArgumentException("parameter " + param.name() + " needs an array on " + ctx.device.name());
            }
            if (arr.shape().length != at.ndim()) throw new IllegalArgumentException(param.name() + " needs " + at.ndim() + " dimensions");
            b.live();
            CL.clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(b.mem));
            for (long d : arr.shape()) CL.clSetKernelArg(kernel, a++, Sizeof.cl_long, Pointer.to(new long[] {d}));
            return a;
        }
        switch (t) {
            case Type.Bool bo -> CL.clSetKernelArg(kernel, a, 1, Pointer.to(new byte[] {(byte) (((Boolean) value) ? 1 : 0)}));
            case Type.Int i -> {
                long v = ((Number) value).longValue();
                switch (i.bits()) {
                    case 8 -> CL.clSetKernelArg(kernel, a, 1, Pointer.to(new byte[] {(byte) v}));
                    case 16 -> CL.clSetKernelArg(kernel, a, 2, Pointer.to(new short[] {(short) v}));
                    case 32 -> CL.clSetKernelArg(kernel, a, 4, Pointer.to(new int[] {(int) v}));
                    default -> CL.clSetKernelArg(kernel, a, 8, Pointer.to(new long[] {v}));
                }
            }
            case Type.Float f when f.bits() == 32 -> CL.clSetKernelArg(kernel, a, 4, Pointer.to(new float[] {((Number) value).floatValue()}));
            case Type.Float f -> CL.clSetKernelArg(kernel, a, 8, Pointer.to(new double[] {((Number) value).doubleValue()}));
            case Type.Complex c when c.bits() == 64 -> {
                double[] z = (double[]) value;
                CL.clSetKernelArg(kernel, a, 8, Pointer.to(new float[] {(float) z[0], (float) z[1]}));
            }
            case Type.Complex c -> CL.clSetKernelArg(kernel, a, 16, Pointer.to((double[]) value));
            default -> throw new IllegalArgumentException("parameter " + param.name() + " of type " + t + " cannot be passed to a GPU kernel");
        }
        return a + 1;
    }

    @Override public void close() {
        status.close();
        CL.clReleaseKernel(kernel);
        CL.clReleaseProgram(program);
    }
}
