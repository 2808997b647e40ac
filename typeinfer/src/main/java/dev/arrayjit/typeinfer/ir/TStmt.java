package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.frontend.Span;
import java.util.List;

/** Typed, structured statements. Loops are structured so a backend can emit canonical loops. */
public sealed interface TStmt {
    Span span();

    /** {@code var = value}; value has the variable's type. */
    record Assign(Var var, TExpr value, Span span) implements TStmt {}

    /** {@code array[indices] = value}; value has the dtype; indices are int64 as in {@link TExpr.ArrayLoad}. */
    record Store(TExpr array, List<TExpr> indices, TExpr value, ErrorSite outOfBounds, Span span) implements TStmt {}

    record Eval(TExpr value, Span span) implements TStmt {}

    /**
     * Frees the block {@code array} owns (its meminfo; nothing when it owns none) before the call
     * returns, taking it off the call's allocation list. Only the lowering emits it, for a variable
     * whose old value is a block of its own that nothing else refers to.
     */
    record Release(TExpr array, Span span) implements TStmt {}

    /**
     * Sets the length of a list to {@code length} (int64, not negative), keeping its first elements;
     * storage grows geometrically, new elements are unset. Failing to allocate raises MemoryError.
     */
    record ListResize(TExpr list, TExpr length, Span span) implements TStmt {}

    /**
     * {@code target[...] = value} for a whole (view of an) array: value is a scalar of the target's
     * dtype or an array (expression) broadcast to the target's shape, fully read before any element is
     * written (NumPy's semantics when they overlap). A shape that does not broadcast raises
     * {@code mismatch} (ValueError). High-level: lowered by {@code lower-arrays}.
     */
    record ArrayAssign(TExpr target, TExpr value, ErrorSite mismatch, Span span) implements TStmt {}

    record If(TExpr cond, List<TStmt> then, List<TStmt> orElse, Span span) implements TStmt {}

    /** {@code while cond: body}; cond is bool, re-evaluated before each iteration. */
    record While(TExpr cond, List<TStmt> body, Span span) implements TStmt {}

    /**
     * {@code for index in range(start, stop, step)}, all int64, evaluated once before the loop. The
     * step's sign decides the direction; a zero step raises {@code zeroStep} (ValueError), which is
     * null when the step is a non-zero constant. After the loop, {@code index} holds the last value
     * it took (unchanged when the range was empty), as in Python.
     */
    record ForRange(Var index, TExpr start, TExpr stop, TExpr step, List<TStmt> body, ErrorSite zeroStep,
                    Span span) implements TStmt {}

    /**
     * A {@code prange} loop of a {@code parallel=True} kernel: its iterations may run on several
     * threads at once. Each of {@code reductions} is a variable the body only updates with its
     * operator ({@code s += x}, {@code m = max(m, x)}): every thread updates a private copy started
     * at the operator's identity, and the copies are combined into the variable after the loop.
     * Other variables the body assigns are private to an iteration. High-level: the
     * {@code outline-parallel} pass moves the body into a function of its own run by
     * {@link ParallelChunks}. {@code grain} (int64, at least 1) is the fewest iterations worth a
     * thread of their own: a loop of fewer iterations per thread runs on fewer threads (1 for a prange
     * the user wrote, more for the element loops of array expressions).
     */
    record ParallelRange(ForRange loop, List<Reduction> reductions, TExpr grain, Span span) implements TStmt {
        /**
         * How partial results combine; {@code s -= x} accumulates negated, so it combines by ADD.
         * MIN and MAX keep the first of equal values (Python's min/max); MINIMUM and MAXIMUM are
         * IEEE's, NaN winning (whole-array float min/max).
         */
        public enum Combine { ADD, MUL, MIN, MAX, AND, OR, XOR, MINIMUM, MAXIMUM }

        public record Reduction(Var var, Combine combine) {}
    }

    /**
     * Runs the function {@code symbol} once per chunk of {@code [0, length)}, split into
     * {@code chunks} (int64, at least 1) contiguous parts of near-equal size, on as many threads:
     * each call gets {@code args} followed by the chunk number, its first and its end position
     * (int64). Returns when every chunk has finished; an exception raised by any chunk (the lowest
     * chunk's, when several raise) is raised here.
     */
    record ParallelChunks(String symbol, List<TExpr> args, TExpr length, TExpr chunks, Span span) implements TStmt {}

    record Break(Span span) implements TStmt {}

    record Continue(Span span) implements TStmt {}

    /** {@code return value}; value is null for a function returning none. */
    record Return(TExpr value, Span span) implements TStmt {}

    /**
     * Raise the site's exception (user {@code raise}, a failed {@code assert}, a shape mismatch found
     * by lowered array code) with int64 {@code payload} values for its message.
     */
    record Raise(ErrorSite site, List<TExpr> payload, Span span) implements TStmt {
        public Raise(ErrorSite site, Span span) { this(site, List.of(), span); }
    }
}
