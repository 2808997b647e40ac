package dev.arrayjit.codegen.gpu;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The device's OpenCL compiler rejected a generated program: its log and the source it saw. */
public final class GpuBuildError extends RuntimeException {
    /** A compiler error: {@code file:line:col: error: text} (clang's form) or {@code error: file:line:col: text} (PoCL's). */
    private static final Pattern MESSAGE = Pattern.compile(
            "^(?:error: (.+?):(\\d+):(\\d+): (.*)|(.+?):(\\d+):(\\d+): (?:fatal )?error: (.*))$", Pattern.MULTILINE);

    private final String source;
    private final String log;

    public GpuBuildError(String message, String source, String log) {
        super(message, null, false, false);
        this.source = source;
        this.log = log;
    }

    public String source() { return source; }

    public String log() { return log; }

    /**
     * The log's errors as diagnostics on the Python lines they name (the generated C carries
     * {@code #line} directives of {@code file}): the whole line underlined, since the C column is
     * not the Python one. Empty when the log names no line of {@code file}.
     */
    public List<Diagnostic> diagnostics(SourceFile file) {
        List<Diagnostic> out = new ArrayList<>();
        Matcher m = MESSAGE.matcher(log);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 5;
            if (!m.group(g).equals(file.name())) continue;
            int line = Integer.parseInt(m.group(g + 1));
            String text = file.lineText(line);
            if (text.isEmpty()) continue;
            int indent = text.length() - text.stripLeading().length();
            int start = file.offset(line, indent + 1);
            out.add(Diagnostic.error("gpu.build", new Span(file, start, start + text.length() - indent),
                    "the OpenCL compiler rejected the code generated for this line: " + m.group(g + 3),
                    "the device cannot build what arrayjit made of this statement; --dump-after opencl shows the generated OpenCL C"));
        }
        return out;
    }
}
