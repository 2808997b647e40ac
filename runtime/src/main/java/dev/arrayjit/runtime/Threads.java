package dev.arrayjit.runtime;

/**
 * How many threads {@code prange} loops of {@code parallel=True} kernels use: the
 * {@code ARRAYJIT_NUM_THREADS} environment variable when it holds a positive number, else the
 * processors available to the JVM; {@link #set} changes it for calls that start afterwards.
 */
public final class Threads {
    private Threads() {}

    private static volatile int count = initial();

    private static int initial() {
        String env = System.getenv("ARRAYJIT_NUM_THREADS");
        if (env != null) {
            try {
                int n = Integer.parseInt(env.trim());
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the processor count, as an unset variable does
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The thread count calls starting now use. */
    public static int count() { return count; }

    /** Sets the thread count (1 runs parallel loops serially). */
    public static void set(int n) {
        if (n < 1) throw new IllegalArgumentException("the thread count must be at least 1, not " + n);
        count = n;
    }
}
