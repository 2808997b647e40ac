package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.backend.GpuOffload;
import java.util.ServiceLoader;

/** The GPU backend on the class path (codegen-gpu's OpenCL device), found once. */
final class Gpu {
    private Gpu() {}

    private static final class Holder {
        static final GpuOffload OFFLOAD = ServiceLoader.load(GpuOffload.class, Gpu.class.getClassLoader()).findFirst().orElse(null);
    }

    /** Why nothing can run on a GPU here (what to install), or null when something can. */
    static String unavailable() {
        GpuOffload o = Holder.OFFLOAD;
        return o == null ? "no OpenCL backend on the class path (codegen-gpu)" : o.unavailable();
    }

    /** The device, or an {@link ArgumentException} saying what {@code what} needs and how to get it. */
    static GpuOffload require(String what) {
        String why = unavailable();
        if (why != null) throw new ArgumentException(what + " needs an OpenCL device, but " + why);
        return Holder.OFFLOAD;
    }
}
