package dev.arrayjit.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The run corpus ({@code run/*.py} + {@code run/<name>.cases.json} + {@code run/data/<name>.npz}) and
 * the error corpus ({@code errors/*.py}, {@code .expect}, {@code .err}, {@code calls.json},
 * {@code data.npz}), as written by {@code tests/golden-tools/generate.py}.
 */
final class Corpus {
    private Corpus() {}

    static final Pattern CASE_LINE = Pattern.compile("^\\s*#\\s*CASE:\\s*(.*?)\\s*$", Pattern.MULTILINE);

    // ------------------------------------------------------------------ arguments

    /** One argument: a scalar in the CLI syntax, or an array (.npy member), perhaps a strided view. */
    sealed interface Arg permits ScalarArg, ArrayArg {}

    record ScalarArg(String token) implements Arg {}

    /** {@code view} is null for a contiguous array; else how to rebuild the strided input. */
    record ArrayArg(String member, byte[] npy, String layout, View view) implements Arg {}

    /** A strided view of {@code base}: element offset, shape and element strides (may be negative). */
    record View(byte[] baseNpy, long offset, long[] shape, long[] strides) {}

    static List<Arg> args(List<Object> raw, Archive data) {
        List<Arg> out = new ArrayList<>();
        for (Object o : raw) {
            if (o instanceof String s) { out.add(new ScalarArg(s)); continue; }
            Map<String, Object> m = Json.obj(o);
            String member = (String) m.get("npy");
            View view = null;
            if (m.get("view") != null) {
                Map<String, Object> v = Json.obj(m.get("view"));
                view = new View(data.bytes((String) v.get("base")), (Long) v.get("offset"),
                        longs(v.get("shape")), longs(v.get("strides")));
            }
            out.add(new ArrayArg(member, data.bytes(member), (String) m.getOrDefault("layout", "C"), view));
        }
        return out;
    }

    private static long[] longs(Object o) { return Json.list(o).stream().mapToLong(x -> (Long) x).toArray(); }

    // ------------------------------------------------------------------ run corpus

    /** One expected returned value (scalar or array) and its .npy member. */
    record Value(String member, String type, String dtype, boolean list) {}

    record Case(int index, String function, String call, int line, List<Object> rawArgs, List<String> argTypes,
                String returns, String returnType, String raises, String message, String pythonMessage,
                List<Value> result, Map<Integer, String> mutated, int ulp, boolean unspecified, String note) {

        /** A short label: {@code case3 get(np.arange(3), 3) -> IndexError}. */
        String label() {
            String r = raises != null ? raises : returns;
            return "case" + index + " " + call + " -> " + r;
        }
    }

    record RunFile(String name, Path source, Path manifest, Path data, List<Case> cases) {
        Archive archive() { return Archive.open(data); }
    }

    static List<RunFile> runFiles() { return filesIn(TestPaths.runDir()); }

    /** The GPU-kernel corpus: the same manifest format, each case with a {@code launch} (see {@link #launches}). */
    static List<RunFile> gpuFiles() { return filesIn(TestPaths.gpuDir()); }

    /** Each case's launch configuration ({@code grid}, then {@code block}) from a GPU manifest, in case order. */
    static List<long[][]> launches(RunFile f) {
        List<long[][]> out = new ArrayList<>();
        for (Object o : Json.list(Json.obj(Json.parse(read(f.manifest()))).get("cases"))) {
            Map<String, Object> launch = Json.obj(Json.obj(o).get("launch"));
            out.add(new long[][] {longs(launch.get("grid")), longs(launch.get("block"))});
        }
        return out;
    }

    private static List<RunFile> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().map(Corpus::runFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunFile runFile(Path py) {
        String name = py.getFileName().toString().replaceFirst("\\.py$", "");
        Path manifest = py.resolveSibling(name + ".cases.json");
        Path data = py.resolveSibling("data").resolve(name + ".npz");
        List<Case> cases = new ArrayList<>();
        if (Files.exists(manifest)) {
            Map<String, Object> m = Json.obj(Json.parse(read(manifest)));
            List<Object> cs = Json.list(m.get("cases"));
            for (int k = 0; k < cs.size(); k++) cases.add(toCase(k, Json.obj(cs.get(k))));
        }
        return new RunFile(name, py, manifest, data, cases);
    }

    private static Case toCase(int k, Map<String, Object> c) {
        List<Value> result = new ArrayList<>();
        Object r = c.get("result");
        if (r instanceof Map<?, ?>) result.add(value(Json.obj(r)));
        else if (r instanceof List<?> l) for (Object e : l) result.add(value(Json.obj(e)));
        Map<Integer, String> mutated = new HashMap<>();
        if (c.get("mutated") != null) {
            for (Object o : Json.list(c.get("mutated"))) {
                Map<String, Object> mm = Json.obj(o);
                mutated.put(((Long) mm.get("arg")).intValue(), (String) mm.get("npy"));
            }
        }
        List<String> argTypes = Json.list(c.get("arg_types")).stream().map(String.class::cast).toList();
        return new Case(k, (String) c.get("function"), (String) c.get("call"), ((Long) c.get("line")).intValue(),
                Json.list(c.get("args")), argTypes, (String) c.get("returns"), (String) c.get("return_type"),
                (String) c.get("raises"), (String) c.get("message"), (String) c.get("python_message"),
                Collections.unmodifiableList(result), Collections.unmodifiableMap(mutated),
                ((Long) c.getOrDefault("ulp", 0L)).intValue(), Boolean.TRUE.equals(c.get("unspecified")),
                (String) c.get("note"));
    }

    private static Value value(Map<String, Object> v) {
        return new Value((String) v.get("npy"), (String) v.get("type"), (String) v.get("dtype"), Boolean.TRUE.equals(v.get("list")));
    }

    /** The CASE lines of a corpus source, in order (to detect a manifest that is out of date). */
    static List<String> caseLines(Path py) {
        List<String> out = new ArrayList<>();
        Matcher m = CASE_LINE.matcher(read(py));
        while (m.find()) {
            String call = m.group(1);
            int hash = call.indexOf('#');
            out.add((hash >= 0 ? call.substring(0, hash) : call).strip());
        }
        return out;
    }

    // ------------------------------------------------------------------ error corpus

    record ErrorFile(String name, Path source, Path expect, Path err, String function, List<Object> rawArgs,
                     Map<String, Object> numba) {}

    static List<ErrorFile> errorFiles() {
        Path dir = TestPaths.errorsDir();
        Path callsJson = dir.resolve("calls.json");
        Map<String, Object> calls = Files.exists(callsJson)
                ? Json.obj(Json.obj(Json.parse(read(callsJson))).get("files")) : Map.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().map(py -> {
                String name = py.getFileName().toString().replaceFirst("\\.py$", "");
                Map<String, Object> c = calls.containsKey(name) ? Json.obj(calls.get(name)) : null;
                return new ErrorFile(name, py, dir.resolve(name + ".expect"), dir.resolve(name + ".err"),
                        c == null ? null : (String) c.get("function"), c == null ? null : Json.list(c.get("args")),
                        c == null ? null : Json.obj(c.get("numba")));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Archive errorData() { return Archive.open(TestPaths.errorsDir().resolve("data.npz")); }

    /** One expected diagnostic of an error file: {@code LINE:COL REGEX}. */
    record Expected(int line, int col, Pattern regex, String source) {}

    static final Pattern EXPECT_LINE = Pattern.compile("^(\\d+):(\\d+)\\s+(.+)$");

    static List<Expected> expectations(Path expectFile) {
        List<Expected> out = new ArrayList<>();
        for (String line : read(expectFile).split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            Matcher m = EXPECT_LINE.matcher(t);
            if (!m.matches()) throw new IllegalArgumentException(expectFile + ": bad line '" + t + "' (want LINE:COL REGEX)");
            out.add(new Expected(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Pattern.compile(m.group(3)), t));
        }
        return out;
    }

    // ------------------------------------------------------------------ data archives

    /** The .npy members of one {@code .npz} (a zip), read into memory (each file is small). */
    static final class Archive {
        private final Path file;
        private final Map<String, byte[]> members;

        private Archive(Path file, Map<String, byte[]> members) { this.file = file; this.members = members; }

        static Archive open(Path npz) {
            Map<String, byte[]> m = new HashMap<>();
            if (Files.exists(npz)) {
                try (ZipFile z = new ZipFile(npz.toFile())) {
                    for (ZipEntry e : Collections.list(z.entries())) {
                        try (var in = z.getInputStream(e)) { m.put(e.getName(), in.readAllBytes()); }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Archive(npz, m);
        }

        boolean has(String member) { return members.containsKey(member); }

        byte[] bytes(String member) {
            byte[] b = members.get(member);
            if (b == null) {
                throw new IllegalStateException(TestPaths.display(file) + " has no member " + member
                        + ": regenerate with /usr/bin/python3 tests/golden-tools/generate.py");
            }
            return b;
        }

        NpyData npy(String member) { return NpyData.parse(bytes(member), member); }

        /** Writes a member to {@code dir/fileName} (for the CLI, which reads .npy files). */
        Path extract(String member, Path dir, String fileName) {
            try {
                Path p = dir.resolve(fileName);
                Files.write(p, bytes(member));
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        java.util.Set<String> names() { return members.keySet(); }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
