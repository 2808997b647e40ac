package dev.arrayjit.frontend;

/** A half-open range of characters [start, end) in a source file; every AST node has one. */
public record Span(SourceFile file, int start, int end) {
    public int line() { return file.line(start); }
    public int column() { return file.column(start); }

    /** The smallest span covering both. */
    public Span to(Span other) {
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    /** {@code file:line:col}, as diagnostics print it. */
    public String where() { return file.name() + ":" + line() + ":" + column(); }

    public String text() { return file.text().substring(start, Math.min(end, file.text().length())); }

    @Override public String toString() { return line() + ":" + column(); }
}
