package dev.arrayjit.runtime.cli;

import dev.arrayjit.runtime.ArgumentException;
import dev.arrayjit.runtime.Npy;
import dev.arrayjit.runtime.NpyFormatException;
import dev.arrayjit.runtime.Scalar;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A kernel argument on the command line: a path ending in {@code .npy} is an array, anything else {@link Scalar#parse}. */
final class ArgParser {
    private ArgParser() {}

    static Object parse(String text) throws UsageException {
        if (text.endsWith(".npy")) return readNpy(text);
        try {
            return Scalar.parse(text);
        } catch (ArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Object readNpy(String path) throws UsageException {
        try {
            return Npy.read(Path.of(path));
        } catch (NpyFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read '" + path + "': no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot read '" + path + "': permission denied");
        } catch (IOException e) {
            throw new UsageException("cannot read '" + path + "': " + e.getMessage());
        }
    }
}
