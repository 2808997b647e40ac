package dev.arrayjit.codegen.gpu;

import java.util.List;

/**
 * Generated OpenCL C: the source (kept so it can be shown and tested), the kernel to launch, whether
 * it needs double precision ({@code cl_khr_fp64}) and which other extensions it enables (the
 * 64-bit atomics of {@code cuda.atomic} on int64 and float64).
 */
public record OpenClProgram(String source, String kernelName, boolean needsFp64, List<String> extensions) {
    public OpenClProgram(String source, String kernelName, boolean needsFp64) { this(source, kernelName, needsFp64, List.of()); }
}
