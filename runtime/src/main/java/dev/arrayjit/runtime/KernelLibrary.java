package dev.arrayjit.runtime;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.runtime.call.EntryPoint;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.ExcKind;
import dev.arrayjit.typeinfer.ir.Flags;
import dev.arrayjit.typeinfer.typing.TypeParser;
import dev.arrayjit.typeinfer.types.Type;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A library {@code bin/arrayjit aot} built, loaded without the compiler: its exports are
 * {@link KernelFunction}s with the JIT's call API (NDArrays, Java arrays and numbers in; results
 * and {@link KernelException}s with the kernel's {@code file:line:col} out), calling the library's
 * entry points directly. Nothing of LLVM is loaded. The library stays loaded for the JVM's life.
 */
public final class KernelLibrary {
    private final Path path;
    private final Map<String, KernelFunction> functions = new LinkedHashMap<>();

    private KernelLibrary(Path path) { this.path = path; }

    /**
     * Loads {@code file} and reads the manifest the build embedded in it.
     * @throws IllegalArgumentException when it is not an arrayjit library
     */
    static KernelLibrary load(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("cannot read library '" + file + "': no such file");
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(file.toAbsolutePath(), Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot load library '" + file + "': " + e.getMessage(), e);
        }
        MemorySegment manifest = lookup.find("arrayjit_manifest").orElseThrow(() ->
                new IllegalArgumentException("'" + file + "' is not a library built by arrayjit aot (it has no arrayjit_manifest)"));
        String text = manifest.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
        KernelLibrary lib = new KernelLibrary(file);
        lib.read(text, lookup);
        return lib;
    }

    private void read(String manifest, SymbolLookup lookup) {
        List<String> lines = manifest.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals("arrayjit-library 1")) {
            throw new IllegalArgumentException("'" + path + "' has a manifest of an unknown version: " + (lines.isEmpty() ? "" : lines.get(0)));
        }
        Base64.Decoder b64 = Base64.getDecoder();
        SourceFile source = null;
        List<ErrorSite> sites = new ArrayList<>();
        List<String[]> exports = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "source" -> source = new SourceFile(new String(b64.decode(f[1]), StandardCharsets.UTF_8),
                        new String(b64.decode(f[2]), StandardCharsets.UTF_8));
                case "site" -> {
                    int start = Integer.parseInt(f[3]), end = Integer.parseInt(f[4]);
                    Span span = start < 0 || source == null ? null : new Span(source, start, end);
                    sites.add(new ErrorSite(Integer.parseInt(f[1]), ExcKind.valueOf(f[2]), new String(b64.decode(f[5]), StandardCharsets.UTF_8), span));
                }
                case "export" -> exports.add(f);
                default -> { } // later versions may add lines
            }
        }
        for (String[] e : exports) {
            String name = e[1];
            long address = lookup.find(e[2]).orElseThrow(() -> new IllegalArgumentException("'" + path + "' lacks the entry point " + e[2]))
                    .address();
            List<String> params = e[4].isEmpty() ? List.of() : List.of(e[4].split(","));
            List<Type> args = e[5].isEmpty() ? List.of() : java.util.Arrays.stream(e[5].split(";")).map(TypeParser::parse).toList();
            Type result = TypeParser.parse(e[6]);
            Specialization spec = new Specialization(args, result, sites, EntryPoint.at(address), null, 0);
            KernelInfo info = new KernelInfo(name, KernelInfo.Kind.JIT, params, Flags.DEFAULT, List.of(new KernelInfo.Signature(args, result)), null);
            Dispatcher d = new Dispatcher(name, params, List.of(args), types -> {
                if (types.equals(args)) return spec;
                throw new ArgumentException(name + "() in " + path.getFileName() + " takes (" + String.join(", ", args.stream().map(Type::toString).toList())
                        + "); it was built for that signature only");
            });
            functions.put(name, new KernelFunction(info, d, null, null));
        }
    }

    /** The library's file. */
    public Path path() { return path; }

    /** The exported functions' names. */
    public List<String> names() { return List.copyOf(functions.keySet()); }

    /**
     * An exported function.
     * @throws NoSuchKernelException naming the exports
     */
    public KernelFunction function(String name) {
        KernelFunction f = functions.get(name);
        if (f == null) throw new NoSuchKernelException(name, path.getFileName().toString(), names());
        return f;
    }

    @Override public String toString() { return "KernelLibrary[" + path + ": " + String.join(", ", names()) + "]"; }
}
