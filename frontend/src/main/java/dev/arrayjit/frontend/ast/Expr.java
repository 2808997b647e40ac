package dev.arrayjit.frontend.ast;

import dev.arrayjit.frontend.Span;
import java.math.BigInteger;
import java.util.List;

/** Expressions of the kernel language. */
public sealed interface Expr extends Node {
    record Name(String id, Span span) implements Expr {}
    record IntLit(BigInteger value, Span span) implements Expr {}
    record FloatLit(double value, Span span) implements Expr {}
    /** An imaginary literal such as {@code 2j}. */
    record ImagLit(double value, Span span) implements Expr {}
    record BoolLit(boolean value, Span span) implements Expr {}
    record NoneLit(Span span) implements Expr {}
    /** A string literal; adjacent literals are already joined. */
    record StrLit(String value, Span span) implements Expr {}
    /**
     * An f-string: its parts in order, literal text as {@link StrLit} (never empty) and each field as
     * the expression Python evaluates for it. {@code {x}} is {@code x}; a conversion is a call of the
     * builtin it names ({@code {x!r}} is {@code repr(x)}); a format spec is a call of {@code format}
     * with the spec as text ({@code {x:.3f}} is {@code format(x, ".3f")}, and a spec with nested
     * fields is itself an FString); {@code {x=}} adds the literal {@code "x="} and shows
     * {@code repr(x)}. Synthesised names span what they stand for ({@code !r}, {@code :.3f}).
     */
    record FString(List<Expr> parts, Span span) implements Expr {}
    record EllipsisLit(Span span) implements Expr {}
    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}
    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}
    /** {@code a and b and c}: two or more operands. */
    record Logical(BoolOp op, List<Expr> operands, Span span) implements Expr {}
    /** A comparison chain {@code a < b <= c}: {@code ops.size() == comparators.size()}. */
    record Compare(Expr left, List<CompareOp> ops, List<Expr> comparators, Span span) implements Expr {}
    /** {@code body if test else orElse}. */
    record IfExp(Expr test, Expr body, Expr orElse, Span span) implements Expr {}
    record Call(Expr func, List<Expr> args, List<Keyword> keywords, Span span) implements Expr {}
    record Attribute(Expr value, String attr, Span span) implements Expr {}
    /** {@code value[index]}; several indices arrive as a {@link Tuple}. */
    record Subscript(Expr value, Expr index, Span span) implements Expr {}
    /** {@code lower:upper:step} inside a subscript; any part may be null. */
    record Slice(Expr lower, Expr upper, Expr step, Span span) implements Expr {}
    record Tuple(List<Expr> elements, Span span) implements Expr {}
    record ListLit(List<Expr> elements, Span span) implements Expr {}
    /** {@code *value} in a call or a target. */
    record Starred(Expr value, Span span) implements Expr {}
    /** {@code [elt for target in iter if cond ...]}: every {@code for} clause in source order, each with its {@code if}s. */
    record ListComp(Expr element, List<Comprehension> generators, Span span) implements Expr {}
    /** One {@code for target in iter if c1 if c2} clause; its span runs from {@code for} to the last condition. */
    record Comprehension(Expr target, Expr iter, List<Expr> conditions, Span span) {}
    /**
     * Python the kernel language does not support (lambda, dict/set displays, generator expressions,
     * walrus, await, yield ...). Kept so the error can name it, and only raised if a kernel uses it.
     */
    record Unsupported(String construct, Span span) implements Expr {}
}
