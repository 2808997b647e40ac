package dev.arrayjit.codegen.gpu;

import dev.arrayjit.frontend.diag.CompileException;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.typeinfer.backend.GpuOffload;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import java.util.List;

/** The chosen OpenCL device as a {@link GpuOffload}: generated OpenCL C built for it, buffers in its context. */
public final class OpenClOffload implements GpuOffload {
    @Override public String name() { return "opencl"; }

    @Override public String unavailable() { return OpenClDevices.unavailable(); }

    @Override public String device() { return OpenClDevices.chosen().toString(); }

    @Override public List<String> devices() { return OpenClDevices.list().stream().map(OpenClDevices.Device::toString).toList(); }

    @Override public void select(String spec) { OpenClDevices.select(spec); }

    private static OpenClContext context() { return OpenClContext.of(OpenClDevices.chosen()); }

    @Override public Buffer allocate(long bytes) { return new OpenClBuffer(context(), bytes); }

    @Override public Loop compile(CompileUnit scalar) {
        OpenClProgram program = generate(scalar, () -> OpenClGenerator.ufunc(scalar, scalar.entry().symbol() + "_loop"));
        OpenClUfunc built = build(scalar, () -> OpenClUfunc.build(program, OpenClDevices.chosen()));
        return new Loop() {
            @Override public void run(List<Buffer> inputs, Buffer out, long n) {
                built.runOn(inputs.stream().map(OpenClOffload::own).toList(), own(out), n);
            }

            @Override public String source() { return program.source(); }

            @Override public void close() { built.close(); }
        };
    }

    @Override public Kernel compileKernel(CompileUnit kernel) {
        OpenClProgram program = generate(kernel, () -> OpenClGenerator.kernel(kernel));
        return build(kernel, () -> new OpenClKernel(context(), program, kernel.entry()));
    }

    @Override public GufuncLoop compileGufunc(CompileUnit kernel) {
        OpenClProgram program = generate(kernel, () -> OpenClGenerator.gufunc(kernel, kernel.entry().symbol() + "_gufunc"));
        return build(kernel, () -> new OpenClGufunc(context(), program));
    }

    private static OpenClProgram generate(CompileUnit unit, java.util.function.Supplier<OpenClProgram> how) {
        try {
            return how.get();
        } catch (GpuUnsupported e) {
            String message = unit.entry().name() + " cannot run on an OpenCL device: " + e.getMessage();
            if (e.span() == null) throw new IllegalArgumentException(message, e);
            throw new CompileException(Diagnostic.error("gpu.unsupported", e.span(), message,
                    "rewrite this statement with what GPU code supports (see README.md), or run the kernel on the CPU"));
        }
    }

    /** A build whose rejection names the Python lines is a compile error there; otherwise the log is the message. */
    private static <T> T build(CompileUnit unit, java.util.function.Supplier<T> how) {
        try {
            return how.get();
        } catch (GpuBuildError e) {
            List<Diagnostic> d = unit.entry().span() == null ? List.of() : e.diagnostics(unit.entry().span().file());
            if (!d.isEmpty()) throw new CompileException(d);
            throw new IllegalArgumentException(unit.entry().name() + " cannot run on an OpenCL device: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(unit.entry().name() + " cannot run on an OpenCL device: " + e.getMessage(), e);
        }
    }

    private static OpenClBuffer own(Buffer b) {
        if (b instanceof OpenClBuffer o) return o;
        throw new IllegalArgumentException("a buffer of another device: " + b);
    }
}
