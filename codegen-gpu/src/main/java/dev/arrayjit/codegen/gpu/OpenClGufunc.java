package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/** A {@code @guvectorize} loop built for one device ({@link OpenClGenerator#gufunc}): one work-item per outer index. */
final class OpenClGufunc implements GpuOffload.GufuncLoop {
    private final OpenClContext ctx;
    private final OpenClProgram source;
    private final cl_program program;
    private final cl_kernel kernel;
    private final LaunchStatus status;

    OpenClGufunc(OpenClContext ctx, OpenClProgram source) {
        this.ctx = ctx;
        this.source = source;
        this.program = ctx.build(source);
        this.kernel = CL.clCreateKernel(program, source.kernelName(), null);
        this.status = new LaunchStatus(ctx);
    }

    @Override public String source() { return source.source(); }

    @Override public GpuOffload.Raised run(List<GpuOffload.ArrayArg> operands, long n) {
        if (n == 0) return null;
        synchronized (ctx) {
            status.reset();
            int a = 0;
            CL.clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(status.buffer.mem));
            for (GpuOffload.ArrayArg op : operands) {
                if (!(op.buffer() instanceof OpenClBuffer b) || b.ctx != ctx) throw new IllegalArgumentException("a buffer of another device");
                b.live();
                CL.clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(b.mem));
                for (long d : op.shape()) CL.clSetKernelArg(kernel, a++, Sizeof.cl_long, Pointer.to(new long[] {d}));
            }
            CL.clSetKernelArg(kernel, a, Sizeof.cl_long, Pointer.to(new long[] {n}));
            CL.clEnqueueNDRangeKernel(ctx.queue, kernel, 1, null, new long[] {n}, null, 0, null, null);
            return status.raised();
        }
    }

    @Override public void close() {
        status.close();
        CL.clReleaseKernel(kernel);
        CL.clReleaseProgram(program);
    }
}
