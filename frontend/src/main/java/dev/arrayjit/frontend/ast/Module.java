package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.SourceFile;
import dev.arrayjit.frontend.Span;
import java.util.List;

/** A whole source file. */
public record Module(SourceFile file, List<Stmt> body, Span span) implements Node {}
