package dev.arrayjit.typeinfer.backend;

/** Native code for one compile unit, alive until closed. */
public interface CompiledUnit extends AutoCloseable {
    /** Address of the unit's entry point, following {@link Abi}. */
    long entryAddress();

    /** Text kept for a stage named in {@link CompileOptions#dumps()}, or null. */
    String dump(String stage);

    /** Frees the native code; the entry address is invalid afterwards. */
    @Override void close();
}
