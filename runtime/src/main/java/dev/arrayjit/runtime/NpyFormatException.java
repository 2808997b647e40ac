package dev.arrayjit.runtime;

/** A {@code .npy} file that cannot be read: its message names the file and what is wrong with it. */
public final class NpyFormatException extends java.io.IOException {
    private final String file;
    private final String problem;

    public NpyFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public String file() { return file; }

    /** What is wrong, without the file name. */
    public String problem() { return problem; }
}
