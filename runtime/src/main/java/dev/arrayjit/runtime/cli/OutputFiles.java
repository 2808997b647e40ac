package dev.arrayjit.runtime.cli;

import dev.arrayjit.runtime.Complex;
import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.Npy;
import dev.arrayjit.runtime.PyList;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --out DIR}: {@code return.npy} (a 0-d array of the result's own type for a scalar, a 1-D array for a list; a tuple
 * as {@code return.0.npy}, {@code return.1.npy} ..., nested tuples {@code return.1.0.npy}; nothing
 * for None) and {@code arg<i>.npy} for every array argument as it is after the calls.
 */
final class OutputFiles {
    private OutputFiles() {}

    static void write(Path dir, Object result, Object[] args) throws IOException {
        Files.createDirectories(dir);
        writeResult(dir, "return", result);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof NDArray a) Npy.write(dir.resolve("arg" + i + ".npy"), a);
        }
    }

    private static void writeResult(Path dir, String stem, Object value) throws IOException {
        if (value == null) return;
        if (value instanceof PyTuple t) {
            for (int i = 0; i < t.size(); i++) writeResult(dir, stem + "." + i, t.get(i));
            return;
        }
        NDArray a = value instanceof NDArray arr ? arr : value instanceof PyList l ? l.array() : NDArray.scalar(dtypeOf(value), value);
        Npy.write(dir.resolve(stem + ".npy"), a);
    }

    /** Results are boxed type-faithfully, so the box tells the kernel's return type. */
    static Type dtypeOf(Object v) {
        return switch (v) {
            case Long l -> Types.INT64;
            case Integer i -> Types.INT32;
            case Short s -> Types.INT16;
            case Byte b -> Types.INT8;
            case Double d -> Types.FLOAT64;
            case Float f -> Types.FLOAT32;
            case Boolean b -> Types.BOOL;
            case Complex c -> Types.COMPLEX128;
            case Scalar s -> s.type();
            default -> throw new IllegalArgumentException("not a scalar result: " + v);
        };
    }
}
