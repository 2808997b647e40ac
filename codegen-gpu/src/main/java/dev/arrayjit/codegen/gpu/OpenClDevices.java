package dev.arrayjit.codegen.gpu;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The OpenCL devices of the machine, through JOCL (which loads the system's {@code libOpenCL.so}).
 * The default device is the one {@code ARRAYJIT_OPENCL_DEVICE} names (a number in {@link #list()}'s
 * order, or a part of a device's name), else the first GPU, else the first device.
 */
public final class OpenClDevices {
    private OpenClDevices() {}

    /** One device: its platform and name, whether it is a GPU and has double precision. */
    public record Device(int index, String platform, String name, boolean gpu, boolean fp64, long memoryBytes, String extensions) {
        public Device(int index, String platform, String name, boolean gpu, boolean fp64, long memoryBytes) {
            this(index, platform, name, gpu, fp64, memoryBytes, "");
        }

        /** Whether the device reports the OpenCL extension {@code name} ({@code cl_khr_int64_base_atomics}). */
        public boolean has(String name) { return (" " + extensions + " ").contains(" " + name + " "); }

        @Override public String toString() {
            return index + ": " + name + " (" + platform + (gpu ? ", GPU" : ", CPU") + (fp64 ? ", fp64" : ", no fp64") + ")";
        }
    }

    /** Why no device can be used, or null when one can. */
    public static String unavailable() {
        try {
            return list().isEmpty() ? "no OpenCL device found: install a driver, e.g. Debian's pocl-opencl-icd and ocl-icd-libopencl1" : null;
        } catch (UnsatisfiedLinkError | CLException | NoClassDefFoundError e) {
            return "OpenCL is not available (" + e.getMessage() + "): install ocl-icd-libopencl1 and a driver such as pocl-opencl-icd";
        }
    }

    /** A device's handles, with its platform's. */
    private record Handle(cl_platform_id platform, cl_device_id device) {}

    /** The handles of every device of every platform, in platform order (the order of {@link #list()}). */
    private static List<Handle> handles() {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        try {
            CL.clGetPlatformIDs(0, null, count);
        } catch (CLException e) {
            if (e.getStatus() == CL.CL_PLATFORM_NOT_FOUND_KHR) return List.of();
            throw e;
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        CL.clGetPlatformIDs(platforms.length, platforms, null);
        List<Handle> out = new ArrayList<>();
        for (cl_platform_id p : platforms) {
            int[] n = new int[1];
            try {
                CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, 0, null, n);
            } catch (CLException e) {
                continue; // a platform without devices
            }
            cl_device_id[] devices = new cl_device_id[n[0]];
            CL.clGetDeviceIDs(p, CL.CL_DEVICE_TYPE_ALL, devices.length, devices, null);
            for (cl_device_id d : devices) out.add(new Handle(p, d));
        }
        return out;
    }

    private static volatile List<Device> known;

    /** Every device of every platform, in platform order (enumerated once: drivers do not come and go in a run). */
    public static List<Device> list() {
        List<Device> k = known;
        if (k == null) known = k = enumerate();
        return k;
    }

    private static List<Device> enumerate() {
        List<Device> out = new ArrayList<>();
        for (Handle h : handles()) {
            cl_device_id d = h.device();
            long[] type = new long[1];
            CL.clGetDeviceInfo(d, CL.CL_DEVICE_TYPE, Sizeof.cl_ulong, Pointer.to(type), null);
            long[] fp = new long[1];
            CL.clGetDeviceInfo(d, CL.CL_DEVICE_DOUBLE_FP_CONFIG, Sizeof.cl_ulong, Pointer.to(fp), null);
            long[] mem = new long[1];
            CL.clGetDeviceInfo(d, CL.CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(mem), null);
            out.add(new Device(out.size(), platformString(h.platform(), CL.CL_PLATFORM_NAME), deviceString(d, CL.CL_DEVICE_NAME),
                    (type[0] & CL.CL_DEVICE_TYPE_GPU) != 0, fp[0] != 0, mem[0], deviceString(d, CL.CL_DEVICE_EXTENSIONS)));
        }
        return List.copyOf(out);
    }

    /** The device {@link #select} chose, overriding the environment; null for the default. */
    private static volatile String selected;

    /**
     * Makes {@code spec} (a number in {@link #list()}'s order or part of a device's name; null for
     * the default) the device later buffers, loops and kernels use.
     * @throws IllegalArgumentException when it names no device
     */
    public static Device select(String spec) {
        if (spec == null) {
            selected = null;
            return chosen();
        }
        Device d = find(spec, "device '" + spec + "'");
        selected = spec;
        return d;
    }

    /** The device in use (see the class comment); IllegalStateException when there is none. */
    public static Device chosen() {
        String spec = selected;
        if (spec != null) return find(spec, "the selected device '" + spec + "'");
        String want = System.getenv("ARRAYJIT_OPENCL_DEVICE");
        if (want != null && !want.isBlank()) return find(want, "ARRAYJIT_OPENCL_DEVICE=" + want);
        List<Device> all = list();
        if (all.isEmpty()) throw new IllegalStateException(unavailable());
        return all.stream().filter(Device::gpu).findFirst().orElse(all.get(0));
    }

    private static Device find(String spec, String what) {
        List<Device> all = list();
        if (all.isEmpty()) throw new IllegalStateException(unavailable());
        String want = spec.trim();
        for (Device d : all) if (want.equals(Integer.toString(d.index()))) return d; // a number is an index, never a name
        if (!want.matches("\\d+")) {
            for (Device d : all) if (d.name().toLowerCase().contains(want.toLowerCase())) return d;
        }
        throw new IllegalArgumentException(what + " names no device; the devices are " + all);
    }

    /** The JOCL handle of a device listed by {@link #list()}. */
    static cl_device_id[] handles(Device device) {
        List<Handle> all = handles();
        if (device.index() >= all.size()) throw new IllegalStateException("device " + device + " is gone");
        return new cl_device_id[] {all.get(device.index()).device()};
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), java.nio.charset.StandardCharsets.UTF_8).trim();
    }
}
