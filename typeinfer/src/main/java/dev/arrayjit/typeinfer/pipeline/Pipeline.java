package dev.arrayjit.typeinfer.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a compilation as a sequence of named passes, timing each and dumping the output of the
 * passes named in {@code dumpAfter} (as {@code --dump-after} asks).
 */
public final class Pipeline {
    /** Wall time of one pass. */
    public record Timing(String pass, long nanos) {
        public double millis() { return nanos / 1e6; }
    }

    private final Set<String> dumpAfter;
    private final Consumer<String> dumpSink;
    private final List<Timing> timings = new ArrayList<>();

    public Pipeline(Set<String> dumpAfter, Consumer<String> dumpSink) {
        this.dumpAfter = Set.copyOf(dumpAfter);
        this.dumpSink = dumpSink;
    }

    public static Pipeline quiet() { return new Pipeline(Set.of(), s -> { }); }

    /** Runs one pass; {@code dump} renders its output when the pass is to be dumped. */
    public <T> T run(String pass, Supplier<T> body, Function<T, String> dump) {
        long t0 = System.nanoTime();
        T out = body.get();
        timings.add(new Timing(pass, System.nanoTime() - t0));
        if (dumpAfter.contains(pass) && out != null && dump != null) {
            dumpSink.accept("=== after " + pass + " ===\n" + dump.apply(out));
        }
        return out;
    }

    public boolean dumps(String pass) { return dumpAfter.contains(pass); }

    /** Passes an extra text to the dump sink (for stages a backend runs inside one pass). */
    public void dump(String stage, String text) {
        if (dumpAfter.contains(stage) && text != null) dumpSink.accept("=== after " + stage + " ===\n" + text);
    }

    public List<Timing> timings() { return List.copyOf(timings); }

    public long totalNanos() { return timings.stream().mapToLong(Timing::nanos).sum(); }

    /** One line per pass, for {@code --timings}. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (Timing t : timings) sb.append(String.format("%-12s %8.3f ms%n", t.pass(), t.millis()));
        return sb.toString();
    }
}
