package dev.arrayjit.runtime.cli;

import dev.arrayjit.typeinfer.typing.TypeParser;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GPU kernel named with its launch configuration, as Numba writes {@code kernel[blocks, threads]}:
 * {@code name[BLOCKS,THREADS]}, each an integer or a tuple of 1 to 3 ({@code name[(16,16),(8,8)]});
 * as in CUDA, a shorter one has extent 1 in the dimensions it leaves out.
 */
record LaunchConfig(String name, long[] grid, long[] block) {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\[(.*)]\\s*");

    /** Whether {@code function} carries a configuration at all (a {@code [}). */
    static boolean present(String function) { return function.contains("["); }

    /** Parses {@code name[GRID,BLOCK]}; UsageException saying the form for anything else. */
    static LaunchConfig parse(String function) throws UsageException {
        Matcher m = FORM.matcher(function);
        if (!m.matches()) throw bad(function, "");
        List<String> parts = TypeParser.splitTopLevel(m.group(2));
        if (parts.size() != 2) throw bad(function, ": give two parts, blocks and threads per block");
        return new LaunchConfig(m.group(1), extents(parts.get(0), function), extents(parts.get(1), function));
    }

    private static long[] extents(String part, String function) throws UsageException {
        String p = part.strip();
        boolean tuple = p.startsWith("(") && p.endsWith(")");
        if (tuple) p = p.substring(1, p.length() - 1).strip();
        if (p.endsWith(",")) p = p.substring(0, p.length() - 1);
        String[] items = p.split(",", -1);
        if (items.length < 1 || items.length > 3) throw bad(function, ": a launch has 1 to 3 dimensions");
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                out[i] = Long.parseLong(items[i].strip());
            } catch (NumberFormatException e) {
                throw bad(function, ": '" + items[i].strip() + "' is not an integer");
            }
            if (out[i] < 1) throw bad(function, ": extents must be at least 1, not " + out[i]);
        }
        return out;
    }

    private static UsageException bad(String function, String why) {
        return new UsageException("bad launch configuration '" + function + "'" + why
                + " (write NAME[BLOCKS,THREADS], e.g. vadd[4,256] or matmul[(8,8),(16,16)])");
    }
}
