package dev.arrayjit.runtime;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects what kernels print during a test ({@code @RegisterExtension}), and puts the standard
 * output back afterwards.
 */
final class PrintCapture implements BeforeEachCallback, AfterEachCallback {
    private final StringBuilder out = new StringBuilder();

    String text() { return out.toString(); }

    void clear() { out.setLength(0); }

    @Override public void beforeEach(ExtensionContext context) {
        out.setLength(0);
        KernelPrint.setSink(out::append);
    }

    @Override public void afterEach(ExtensionContext context) {
        KernelPrint.setSink(text -> {
            System.out.print(text);
            System.out.flush();
        });
    }
}
