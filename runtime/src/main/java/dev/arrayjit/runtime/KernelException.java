package dev.arrayjit.runtime;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.frontend.diag.Diagnostic;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import java.util.List;

/**
 * A Python exception a kernel raised: {@code kind} is its class name ({@code IndexError},
 * {@code ZeroDivisionError} ...), {@code message} its text with the payload filled in, and the span
 * the place in the kernel's source that raised. {@link #getMessage()} reads
 * {@code IndexError: index 10 is out of bounds for axis 0 with size 10 (at kernels.py:5:16)}.
 */
public final class KernelException extends RuntimeException {
    private final String kind;
    private final String message;
    private final transient Span span;

    public KernelException(String kind, String message, Span span) {
        super(kind + (message.isEmpty() ? "" : ": " + message) + (span == null ? "" : " (at " + span.where() + ")"),
                null, false, false); // the Java stack says nothing about the kernel
        this.kind = kind;
        this.message = message;
        this.span = span;
    }

    /** The exception a site raises with this payload (the context's payload slots). */
    public static KernelException of(ErrorSite site, long... payload) {
        return new KernelException(site.kind().name(), fill(site.message(), payload), site.span());
    }

    /**
     * The message of a site's template: {@code {0}}, {@code {1}}, ... become the payload values (as
     * integers; {@code {k:f64}} and {@code {k:f32}} a float's bits printed as Python prints the
     * float, {@code {k:bool}} True/False, {@code {k:u64}} unsigned) and {@code {{}} / {@code }}}
     * stand for literal braces (as in Python's str.format).
     */
    static String fill(String template, long... payload) {
        if (template == null) return "";
        StringBuilder sb = new StringBuilder(template.length() + 16);
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if ((ch == '{' || ch == '}') && i + 1 < template.length() && template.charAt(i + 1) == ch) {
                sb.append(ch);
                i++;
                continue;
            }
            int close = ch == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1) {
                String key = template.substring(i + 1, close);
                int colon = key.indexOf(':');
                String index = colon < 0 ? key : key.substring(0, colon), how = colon < 0 ? "" : key.substring(colon + 1);
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
                    int k = Integer.parseInt(index);
                    sb.append(k < payload.length ? format(payload[k], how) : "?");
                    i = close;
                    continue;
                }
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    private static String format(long bits, String how) {
        return switch (how) {
            case "f64" -> dev.arrayjit.runtime.format.FloatRepr.repr(Double.longBitsToDouble(bits));
            case "f32" -> dev.arrayjit.runtime.format.FloatRepr.repr((float) Double.longBitsToDouble(bits));
            case "bool" -> bits != 0 ? "True" : "False";
            case "u64" -> Long.toUnsignedString(bits);
            default -> Long.toString(bits);
        };
    }

    /** Python's exception class name. */
    public String kind() { return kind; }

    /** The exception's text, without kind or location. */
    public String message() { return message; }

    /** Where the kernel raised, or null if unknown. */
    public Span span() { return span; }

    /** {@code file:line:col}, or empty. */
    public String where() { return span == null ? "" : span.where(); }

    /**
     * As the CLI prints it: {@code file:line:col: IndexError: message}, the source line and a caret
     * under the column (the layout of compile diagnostics).
     */
    public String render() {
        String head = kind + (message.isEmpty() ? "" : ": " + message);
        if (span == null) return head + "\n";
        String diag = Diagnostic.error("kernel.raise", span, message).render();
        List<String> lines = diag.lines().toList();
        StringBuilder sb = new StringBuilder(span.where()).append(": ").append(head).append('\n');
        for (int i = 1; i < lines.size(); i++) sb.append(lines.get(i)).append('\n');
        return sb.toString();
    }
}
