package dev.arrayjit.codegen.gpu;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * An element-wise OpenCL program built for one device: {@link #run} copies the inputs in, runs one
 * work-item per element and copies the result out; {@link #runOn} works on buffers already on the
 * device. Closing it releases the program (the device's context stays, see {@link OpenClContext}).
 */
public final class OpenClUfunc implements AutoCloseable {
    private final OpenClContext ctx;
    private final cl_program program;
    private final cl_kernel kernel;

    private OpenClUfunc(OpenClContext ctx, cl_program program, cl_kernel kernel) {
        this.ctx = ctx;
        this.program = program;
        this.kernel = kernel;
    }

    public OpenClDevices.Device device() { return ctx.device; }

    /**
     * Builds the program for the device.
     * @throws GpuBuildError with the compiler's log when the device's compiler rejects the source
     * @throws IllegalStateException when the program needs double precision and the device has none
     */
    public static OpenClUfunc build(OpenClProgram p, OpenClDevices.Device device) {
        OpenClContext.checkSupports(p, device);
        OpenClContext ctx = OpenClContext.of(device);
        cl_program program = ctx.build(p);
        return new OpenClUfunc(ctx, program, CL.clCreateKernel(program, p.kernelName(), null));
    }

    /**
     * Runs the kernel over {@code n} elements: {@code inputs} hold n elements each of the kernel's
     * input types (bool as a byte), contiguous; {@code out} receives n results.
     */
    public void run(List<MemorySegment> inputs, MemorySegment out, long n) {
        if (n == 0) return;
        List<OpenClBuffer> buffers = new ArrayList<>();
        try (OpenClBuffer result = new OpenClBuffer(ctx, out.byteSize())) {
            for (MemorySegment in : inputs) {
                OpenClBuffer b = new OpenClBuffer(ctx, in.byteSize());
                buffers.add(b);
                b.write(in);
            }
            runOn(buffers, result, n);
            result.read(out);
        } finally {
            for (OpenClBuffer b : buffers) b.close();
        }
    }

    /** Runs over {@code n} elements of buffers on this device. */
    void runOn(List<OpenClBuffer> inputs, OpenClBuffer out, long n) {
        if (n == 0) return;
        synchronized (ctx) {
            int a = 0;
            for (OpenClBuffer b : inputs) {
                b.live();
                CL.clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(b.mem));
            }
            out.live();
            CL.clSetKernelArg(kernel, a++, Sizeof.cl_mem, Pointer.to(out.mem));
            CL.clSetKernelArg(kernel, a, Sizeof.cl_long, Pointer.to(new long[] {n}));
            CL.clEnqueueNDRangeKernel(ctx.queue, kernel, 1, null, new long[] {n}, null, 0, null, null);
            CL.clFinish(ctx.queue);
        }
    }

    /** Medians of the parts of a run, in milliseconds: copying the inputs in, the kernel, copying the result out. */
    public record Timing(double inMs, double kernelMs, double outMs) {}

    /** {@link #run} {@code reps} times with each part timed on its own (blocking copies, a finish after the kernel). */
    public Timing timedRun(List<MemorySegment> inputs, MemorySegment out, long n, int reps) {
        double[] in = new double[reps], kern = new double[reps], back = new double[reps];
        for (int r = 0; r < reps; r++) {
            List<OpenClBuffer> buffers = new ArrayList<>();
            try (OpenClBuffer result = new OpenClBuffer(ctx, out.byteSize())) {
                long t0 = System.nanoTime();
                for (MemorySegment m : inputs) {
                    OpenClBuffer b = new OpenClBuffer(ctx, m.byteSize());
                    buffers.add(b);
                    b.write(m);
                }
                long t1 = System.nanoTime();
                runOn(buffers, result, n);
                long t2 = System.nanoTime();
                result.read(out);
                long t3 = System.nanoTime();
                in[r] = (t1 - t0) / 1e6;
                kern[r] = (t2 - t1) / 1e6;
                back[r] = (t3 - t2) / 1e6;
            } finally {
                for (OpenClBuffer b : buffers) b.close();
            }
        }
        return new Timing(median(in), median(kern), median(back));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    @Override public void close() {
        CL.clReleaseKernel(kernel);
        CL.clReleaseProgram(program);
    }
}
