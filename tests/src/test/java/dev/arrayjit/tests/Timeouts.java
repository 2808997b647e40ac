package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * A time limit for each kernel call and CLI run, so that a miscompiled kernel that loops forever
 * fails its test instead of hanging the build. The call runs on a separate thread; on timeout the
 * test fails and that thread is abandoned, still spinning (native code cannot be interrupted;
 * surefire's forked JVM exits at the end anyway). After {@link #MAX_HANGS} hangs in one JVM, further
 * calls fail at once rather than pile up more spinning threads on a shared machine.
 * Default limit 60 s (the first call in a JVM includes LLVM's start-up): {@code -Darrayjit.test.timeout=N}.
 */
final class Timeouts {
    private Timeouts() {}

    static final int MAX_HANGS = 3;
    static final String HANG_MARK = " s (a hang in ";
    private static final AtomicInteger HANGS = new AtomicInteger();

    static Duration limit() {
        return Duration.ofSeconds(Long.getLong("arrayjit.test.timeout", 60L));
    }

    static <T> T within(String what, ThrowingSupplier<T> body) {
        if (HANGS.get() >= MAX_HANGS) {
            throw new AssertionFailedError(what + ": not run: " + HANGS.get()
                    + " earlier calls in this JVM hung (their threads are still spinning); fix those first");
        }
        Duration d = limit();
        try {
            return assertTimeoutPreemptively(d, body, () -> what + ": no result after " + d.toSeconds()
                    + HANG_MARK + "compilation or in the compiled kernel; -Darrayjit.test.timeout=N changes the limit)");
        } catch (AssertionFailedError e) {
            if (isHang(e)) HANGS.incrementAndGet();
            throw e;
        }
    }

    static boolean isHang(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains(HANG_MARK);
    }
}
