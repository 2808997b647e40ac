package dev.arrayjit.codegen.gpu;

/**
 * Generated OpenCL C: the source (kept so it can be shown and tested), the kernel to launch, and
 * whether it needs double precision ({@code cl_khr_fp64}) from the device.
 */
public record OpenClProgram(String source, String kernelName, boolean needsFp64) {}
