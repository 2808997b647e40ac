package dev.arrayjit.typeinfer.backend;

import dev.arrayjit.typeinfer.ir.CompileUnit;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A device that runs the element loops of ufuncs ({@code target='opencl'}), found through
 * {@link java.util.ServiceLoader} like {@link Backend}; no device type leaves its module.
 */
public interface UfuncOffload {
    /** Short name: {@code opencl}. */
    String name();

    /** Why no device can be used (what to install), or null when one can. */
    String unavailable();

    /**
     * Compiles the loop of a ufunc: {@code scalar}'s entry, applied to every element.
     * @throws IllegalArgumentException naming what the device cannot run
     */
    Loop compile(CompileUnit scalar);

    /** A compiled loop on its device. */
    interface Loop extends AutoCloseable {
        /**
         * Runs over {@code n} elements: {@code inputs} hold n contiguous elements of the entry's
         * parameter types each (bool as a byte), {@code out} receives n of its result type.
         */
        void run(List<MemorySegment> inputs, MemorySegment out, long n);

        /** The program's source, for inspection. */
        String source();

        /** The device it runs on, in words. */
        String device();

        @Override void close();
    }
}
