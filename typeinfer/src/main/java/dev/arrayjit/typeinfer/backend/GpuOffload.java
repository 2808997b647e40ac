package dev.arrayjit.typeinfer.backend;

import dev.arrayjit.typeinfer.ir.CompileUnit;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A GPU (an OpenCL device): it holds device memory, runs the element loops of ufuncs
 * ({@code target='opencl'}) and launches {@code @cuda.jit} kernels over a grid. Found through
 * {@link java.util.ServiceLoader} like {@link Backend}; no device type leaves its module.
 */
public interface GpuOffload {
    /** Short name: {@code opencl}. */
    String name();

    /** Why no device can be used (what to install), or null when one can. */
    String unavailable();

    /** The device that buffers, loops and kernels use, in words. */
    String device();

    /** Every device of the machine, in words, numbered in the order {@link #select} counts them. */
    List<String> devices();

    /**
     * Uses the device {@code spec} names (its number or part of its name; null: the default, the
     * first GPU) for what is compiled and allocated from now on; what exists stays on its device.
     * @throws IllegalArgumentException when it names no device
     */
    void select(String spec);

    /** {@code bytes} of device memory (contents undefined). */
    Buffer allocate(long bytes);

    /**
     * Compiles the loop of a ufunc: {@code scalar}'s entry, applied to every element.
     * @throws IllegalArgumentException naming what the device cannot run
     */
    Loop compile(CompileUnit scalar);

    /**
     * Compiles a lowered {@code @cuda.jit} kernel and the device functions it calls.
     * @throws IllegalArgumentException naming what the device cannot run
     */
    Kernel compileKernel(CompileUnit kernel);

    /**
     * Compiles the loop of a {@code @guvectorize} kernel: {@code kernel}'s entry run once per outer
     * index of its broadcast operands.
     * @throws IllegalArgumentException naming what the device cannot run
     */
    GufuncLoop compileGufunc(CompileUnit kernel);

    /** Device memory; closing frees it (once). */
    interface Buffer extends AutoCloseable {
        long byteSize();

        /** Copies {@code src} (at most {@link #byteSize()} bytes) to the start of the buffer. */
        void write(MemorySegment src);

        /** Copies the start of the buffer into {@code dst}. */
        void read(MemorySegment dst);

        @Override void close();
    }

    /** A compiled loop on its device. */
    interface Loop extends AutoCloseable {
        /**
         * Runs over {@code n} elements: {@code inputs} hold n contiguous elements of the entry's
         * parameter types each (bool as a byte), {@code out} receives n of its result type.
         */
        void run(List<Buffer> inputs, Buffer out, long n);

        /** The program's source, for inspection. */
        String source();

        @Override void close();
    }

    /** A compiled generalized-ufunc loop on its device. */
    interface GufuncLoop extends AutoCloseable {
        /**
         * Runs the entry for each of {@code n} outer indices. {@code operands} has one per parameter,
         * each holding n blocks in C order: for an array parameter blocks of its core extents
         * ({@link ArrayArg#shape()}), for a number single elements (empty shape).
         * @return what the first work-item that raised recorded, or null
         */
        Raised run(List<ArrayArg> operands, long n);

        /** The program's source, for inspection. */
        String source();

        @Override void close();
    }

    /** An array argument of a kernel: its device buffer (C order) and extents. */
    record ArrayArg(Buffer buffer, long[] shape) {}

    /** What a kernel raised: the unit's error site and its payload values. */
    record Raised(int site, long[] payload) {}

    /** A compiled kernel on its device. */
    interface Kernel extends AutoCloseable {
        /**
         * Launches {@code grid} blocks of {@code block} work-items (1 to 3 extents each, the same
         * count) and waits for them. {@code args} has one value per parameter of the entry: an
         * {@link ArrayArg} for an array, a {@link Long} for an integer, a {@link Double} for a
         * float, a {@link Boolean} for a bool, a {@code double[] {re, im}} for a complex number.
         * @return what the first work-item that raised recorded, or null
         */
        Raised launch(long[] grid, long[] block, List<Object> args);

        /** The program's source, for inspection. */
        String source();

        @Override void close();
    }
}
