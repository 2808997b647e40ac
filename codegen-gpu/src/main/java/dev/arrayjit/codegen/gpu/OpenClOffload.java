package dev.arrayjit.codegen.gpu;

import dev.arrayjit.typeinfer.backend.UfuncOffload;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import java.lang.foreign.MemorySegment;
import java.util.List;

/** The OpenCL device as a {@link UfuncOffload}: generated OpenCL C built for the chosen device. */
public final class OpenClOffload implements UfuncOffload {
    @Override public String name() { return "opencl"; }

    @Override public String unavailable() { return OpenClDevices.unavailable(); }

    @Override public Loop compile(CompileUnit scalar) {
        OpenClProgram program;
        try {
            program = OpenClGenerator.ufunc(scalar, scalar.entry().symbol() + "_loop");
        } catch (GpuUnsupported e) {
            throw new IllegalArgumentException(scalar.entry().name() + " cannot run on an OpenCL device: " + e.getMessage(), e);
        }
        OpenClUfunc built = OpenClUfunc.build(program, OpenClDevices.chosen());
        return new Loop() {
            @Override public void run(List<MemorySegment> inputs, MemorySegment out, long n) { built.run(inputs, out, n); }

            @Override public String source() { return program.source(); }

            @Override public String device() { return built.device().toString(); }

            @Override public void close() { built.close(); }
        };
    }
}
