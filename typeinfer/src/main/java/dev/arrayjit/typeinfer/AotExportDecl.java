package dev.arrayjit.typeinfer;

import dev.arrayjit.frontend.Span;

/**
 * A function a source file asks to export from an ahead-of-time library, in Numba's {@code pycc}
 * form ({@code cc = CC('name')}, {@code @cc.export('mult', 'f8(f8, f8)')}): the exported C name,
 * the kernel, its signature, and where the request is written.
 */
public record AotExportDecl(String name, String kernel, KernelInfo.Signature signature, Span span) {}
