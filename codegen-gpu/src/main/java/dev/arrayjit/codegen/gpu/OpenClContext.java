package dev.arrayjit.codegen.gpu;

import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * One OpenCL context and in-order queue per device, for the life of the JVM: buffers, loops and
 * kernels made for a device share them, so device memory passes between launches without copies.
 * Commands go through the queue under this object's lock.
 */
final class OpenClContext {
    private static final ConcurrentHashMap<Integer, OpenClContext> BY_DEVICE = new ConcurrentHashMap<>();

    final OpenClDevices.Device device;
    final cl_device_id id;
    final cl_context context;
    final cl_command_queue queue;

    private OpenClContext(OpenClDevices.Device device) {
        CL.setExceptionsEnabled(true);
        this.device = device;
        cl_device_id[] ids = OpenClDevices.handles(device);
        this.id = ids[0];
        this.context = CL.clCreateContext(null, 1, ids, null, null, null);
        this.queue = CL.clCreateCommandQueueWithProperties(context, id, new cl_queue_properties(), null);
    }

    /** The context of a device listed by {@link OpenClDevices#list()}. */
    static OpenClContext of(OpenClDevices.Device device) {
        return BY_DEVICE.computeIfAbsent(device.index(), k -> new OpenClContext(device));
    }

    /**
     * Builds a program for this device.
     * @throws GpuBuildError with the compiler's log when the device's compiler rejects the source
     * @throws IllegalStateException when the program needs what the device lacks (fp64, 64-bit atomics)
     */
    cl_program build(OpenClProgram p) {
        checkSupports(p, device);
        cl_program program = CL.clCreateProgramWithSource(context, 1, new String[] {p.source()}, null, null);
        try {
            CL.clBuildProgram(program, 1, new cl_device_id[] {id}, "", null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            CL.clReleaseProgram(program);
            throw new GpuBuildError("the OpenCL compiler of " + device.name() + " rejected the generated program:\n" + log, p.source(), log);
        }
        if (System.getenv("ARRAYJIT_OPENCL_LOG") != null) System.err.println("OpenCL build log of " + p.kernelName() + ":\n" + buildLog(program));
        return program;
    }

    /** Refuses a program that needs double precision or an extension the device does not report. */
    static void checkSupports(OpenClProgram p, OpenClDevices.Device device) {
        if (p.needsFp64() && !device.fp64()) {
            throw new IllegalStateException("this kernel computes in float64 but the OpenCL device " + device.name()
                    + " has no double precision (cl_khr_fp64); use float32 or another device (ARRAYJIT_OPENCL_DEVICE)");
        }
        for (String ext : p.extensions()) {
            if (!device.has(ext)) {
                throw new IllegalStateException("this kernel needs " + ext + " (64-bit atomics) but the OpenCL device " + device.name()
                        + " does not have it; use int32/float32 arrays for atomics or another device (ARRAYJIT_OPENCL_DEVICE)");
            }
        }
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(program, id, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(program, id, CL.CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), java.nio.charset.StandardCharsets.UTF_8).trim();
    }
}
