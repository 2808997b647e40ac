package dev.arrayjit.tests;

import java.util.List;
import java.util.Map;

/** What a kernel call gave, in the tests' canonical form (independent of the runtime's types). */
sealed interface Outcome permits Outcome.Returned, Outcome.Raised {

    /**
     * A normal return: {@code values} is empty for None, one value for a scalar, an array or a list
     * (as the 1-D array of its elements), the elements for a tuple; {@code lists} holds the positions
     * in {@code values} that were lists; {@code argsAfter} holds every array argument (by index)
     * after the call.
     */
    record Returned(List<NpyData> values, boolean none, boolean tuple, java.util.Set<Integer> lists,
                    Map<Integer, NpyData> argsAfter) implements Outcome {
        Returned(List<NpyData> values, boolean none, boolean tuple, Map<Integer, NpyData> argsAfter) {
            this(values, none, tuple, java.util.Set.of(), argsAfter);
        }
    }

    /** The kernel raised a Python exception: its class name and message. */
    record Raised(String kind, String message) implements Outcome {}

    /** A CLI run: exit code and the captured streams. */
    record CliResult(int exitCode, String stdout, String stderr) {}
}
