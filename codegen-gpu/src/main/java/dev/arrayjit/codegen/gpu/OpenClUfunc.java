package dev.arrayjit.codegen.gpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * An element-wise OpenCL program built for one device: {@link #run} copies the inputs in, runs one
 * work-item per element and copies the result out. Closing it releases the device objects.
 */
public final class OpenClUfunc implements AutoCloseable {
    private final OpenClDevices.Device device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_program program;
    private final cl_kernel kernel;

    private OpenClUfunc(OpenClDevices.Device device, cl_context context, cl_command_queue queue, cl_program program, cl_kernel kernel) {
        this.device = device;
        this.context = context;
        this.queue = queue;
        this.program = program;
        this.kernel = kernel;
    }

    public OpenClDevices.Device device() { return device; }

    /**
     * Builds the program for the device.
     * @throws GpuBuildError with the compiler's log when the device's compiler rejects the source
     * @throws IllegalStateException when the program needs double precision and the device has none
     */
    public static OpenClUfunc build(OpenClProgram p, OpenClDevices.Device device) {
        if (p.needsFp64() && !device.fp64()) {
            throw new IllegalStateException("this kernel computes in float64 but the OpenCL device " + device.name()
                    + " has no double precision (cl_khr_fp64); use float32 signatures or another device (ARRAYJIT_OPENCL_DEVICE)");
        }
        CL.setExceptionsEnabled(true);
        cl_device_id[] ids = OpenClDevices.handles(device);
        cl_context context = CL.clCreateContext(null, 1, ids, null, null, null);
        cl_command_queue queue = CL.clCreateCommandQueueWithProperties(context, ids[0], new cl_queue_properties(), null);
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {p.source()}, null, null);
        try {
            CL.clBuildProgram(program, 1, ids, "", null, null);
        } catch (CLException e) {
            String log = buildLog(program, ids[0]);
            CL.clReleaseProgram(program);
            CL.clReleaseCommandQueue(queue);
            CL.clReleaseContext(context);
            throw new GpuBuildError("the OpenCL compiler of " + device.name() + " rejected the generated program:\n" + log, p.source(), log);
        }
        cl_kernel kernel = CL.clCreateKernel(program, p.kernelName(), null);
        return new OpenClUfunc(device, context, queue, program, kernel);
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), java.nio.charset.StandardCharsets.UTF_8).trim();
    }

    /**
     * Runs the kernel over {@code n} elements: {@code inputs} hold n elements each of the kernel's
     * input types (bool as a byte), contiguous; {@code out} receives n results.
     */
    public synchronized void run(List<MemorySegment> inputs, MemorySegment out, long n) {
        if (n == 0) return;
        List<cl_mem> buffers = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            for (MemorySegment in : inputs) {
                // An explicit write rather than CL_MEM_COPY_HOST_PTR: drivers stage that copy far more slowly.
                MemorySegment src = in.isNative() ? in : arena.allocate(in.byteSize(), 8).copyFrom(in);
                cl_mem b = CL.clCreateBuffer(context, CL.CL_MEM_READ_ONLY, Math.max(1, src.byteSize()), null, null);
                buffers.add(b);
                CL.clEnqueueWriteBuffer(queue, b, CL.CL_TRUE, 0, src.byteSize(), Pointer.to(src.asByteBuffer()), 0, null, null);
            }
            cl_mem result = CL.clCreateBuffer(context, CL.CL_MEM_WRITE_ONLY, Math.max(1, out.byteSize()), null, null);
            buffers.add(result);
            for (int i = 0; i < buffers.size(); i++) CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(buffers.get(i)));
            CL.clSetKernelArg(kernel, buffers.size(), Sizeof.cl_long, Pointer.to(new long[] {n}));
            CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {n}, null, 0, null, null);
            MemorySegment dst = out.isNative() ? out : arena.allocate(out.byteSize(), 8);
            CL.clEnqueueReadBuffer(queue, result, CL.CL_TRUE, 0, out.byteSize(), Pointer.to(dst.asByteBuffer()), 0, null, null);
            if (dst != out) out.copyFrom(dst);
        } finally {
            for (cl_mem b : buffers) CL.clReleaseMemObject(b);
        }
    }

    /** Medians of the parts of a run, in milliseconds: copying the inputs in, the kernel, copying the result out. */
    public record Timing(double inMs, double kernelMs, double outMs) {}

    /** {@link #run} {@code reps} times with each part timed on its own (blocking copies, a finish after the kernel). */
    public synchronized Timing timedRun(List<MemorySegment> inputs, MemorySegment out, long n, int reps) {
        double[] in = new double[reps], kern = new double[reps], back = new double[reps];
        for (int r = 0; r < reps; r++) {
            List<cl_mem> buffers = new ArrayList<>();
            try {
                long t0 = System.nanoTime();
                for (MemorySegment m : inputs) {
                    cl_mem b = CL.clCreateBuffer(context, CL.CL_MEM_READ_ONLY, Math.max(1, m.byteSize()), null, null);
                    CL.clEnqueueWriteBuffer(queue, b, CL.CL_TRUE, 0, m.byteSize(), Pointer.to(m.asByteBuffer()), 0, null, null);
                    buffers.add(b);
                }
                long t1 = System.nanoTime();
                cl_mem result = CL.clCreateBuffer(context, CL.CL_MEM_WRITE_ONLY, Math.max(1, out.byteSize()), null, null);
                buffers.add(result);
                for (int i = 0; i < buffers.size(); i++) CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(buffers.get(i)));
                CL.clSetKernelArg(kernel, buffers.size(), Sizeof.cl_long, Pointer.to(new long[] {n}));
                CL.clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {n}, null, 0, null, null);
                CL.clFinish(queue);
                long t2 = System.nanoTime();
                CL.clEnqueueReadBuffer(queue, result, CL.CL_TRUE, 0, out.byteSize(), Pointer.to(out.asByteBuffer()), 0, null, null);
                long t3 = System.nanoTime();
                in[r] = (t1 - t0) / 1e6;
                kern[r] = (t2 - t1) / 1e6;
                back[r] = (t3 - t2) / 1e6;
            } finally {
                for (cl_mem b : buffers) CL.clReleaseMemObject(b);
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
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
    }
}
