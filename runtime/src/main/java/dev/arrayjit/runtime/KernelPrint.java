package dev.arrayjit.runtime;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where {@code print()} inside kernels writes: whole lines, as Python's print formats them. The
 * default is {@code System.out}; the command line writes them to its own standard output, so they
 * keep their order with the printed result.
 */
public final class KernelPrint {
    private KernelPrint() {}

    private static volatile Consumer<String> sink = text -> {
        System.out.print(text);
        System.out.flush();
    };

    /** Sends kernels' printed text (each call's output, ending with its {@code end} string) to {@code lines}. */
    public static void setSink(Consumer<String> lines) { sink = Objects.requireNonNull(lines); }

    static Consumer<String> sink() { return sink; }

    /** For the call layer: writes one print call's text. */
    public static void emit(String text) { sink.accept(text); }
}
