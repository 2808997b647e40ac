package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.frontend.Span;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;

/**
 * Typed expressions. Typing has already inserted every conversion: the operands of a node have the
 * types the node expects (see each record), so a backend never decides a promotion itself.
 *
 * <p><b>Array expressions.</b> {@link ElementWise} (a scalar body applied to every element of
 * broadcast operands, one node for a whole fused expression such as {@code (a - b) * (a + b)}),
 * {@link Generate}, {@link MatMul}, {@link Concat}, {@link Reduce} and {@link TStmt.ArrayAssign} are high-level nodes: the {@code lower-arrays} pass
 * turns them into loops, as Numba's array-expression rewrite does, so backends never see them.
 */
public sealed interface TExpr {
    Type type();
    Span span();

    /**
     * A constant scalar. {@code value} is a {@link Long} for every integer type (uint64 as its bit
     * pattern), a {@link Double} for floats, a {@link Boolean} for bool; {@code null} for none.
     */
    record Const(Type type, Object value, Span span) implements TExpr {}

    /**
     * A constant array (a module-level NumPy array the kernel reads): elements in C order as
     * {@link Const} values are; its type is read-only and C-contiguous.
     */
    record ConstArray(List<Object> elements, List<Long> shape, Type.Array type, Span span) implements TExpr {}

    record Load(Var var, Span span) implements TExpr {
        @Override public Type type() { return var.type(); }
    }

    /**
     * A numeric conversion as NumPy's {@code astype} does it: integers wrap or extend by the source's
     * signedness, floats truncate toward zero into integers, anything to bool is {@code != 0}.
     */
    record Cast(TExpr value, Type type, Span span) implements TExpr {}

    /**
     * {@code left op right}: both operands have {@code type} (shifts: the count may be any integer).
     * {@code zeroDivision} is non-null when a zero divisor must raise (DIV, FLOORDIV, MOD under the
     * python error model); otherwise integer division by zero gives 0 and float gives inf/nan.
     */
    record Binary(ArithOp op, TExpr left, TExpr right, Type type, ErrorSite zeroDivision, Span span) implements TExpr {}

    /** A comparison of two operands of one scalar type; bool result. */
    record Compare(CmpOp op, TExpr left, TExpr right, Span span) implements TExpr {
        @Override public Type type() { return Types.BOOL; }
    }

    record Unary(UnOp op, TExpr operand, Type type, Span span) implements TExpr {}

    /** A complex number from its real and imaginary parts (both of the part type of {@code type}). */
    record MakeComplex(TExpr re, TExpr im, Type.Complex type, Span span) implements TExpr {}

    /** The real ({@code imag} false) or imaginary part of a complex value, as a float of its part width. */
    record ComplexPart(TExpr value, boolean imag, Span span) implements TExpr {
        @Override public Type type() { return new Type.Float(((Type.Complex) value.type()).bits() / 2); }
    }

    /** {@code value is None} for an optional value (or none): bool result. */
    record IsNone(TExpr value, Span span) implements TExpr {
        @Override public Type type() { return Types.BOOL; }
    }

    /** Truth value of a scalar ({@code != 0}); bool result. */
    record Truth(TExpr value, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.BOOL; }
    }

    /**
     * Python's short-circuit {@code and}/{@code or}, returning an operand: both operands already have
     * {@code type}; the left one is tested with {@code != 0}.
     */
    record Logical(boolean isAnd, TExpr left, TExpr right, Type type, Span span) implements TExpr {}

    /** {@code ifTrue if cond else ifFalse}, evaluating only the chosen branch; cond is bool. */
    record Select(TExpr cond, TExpr ifTrue, TExpr ifFalse, Type type, Span span) implements TExpr {}

    /** A math function; arguments have the float operand type; result as {@link MathFn} says. */
    record MathCall(MathFn fn, List<TExpr> args, Type type, Span span) implements TExpr {}

    /**
     * A call of another typed function of the same unit, by its symbol; may raise. {@code where} is
     * set on a call from user code into NumPy's prelude: when the callee raises, the exception is
     * reported at that site (the user's call), not inside the prelude.
     */
    record Call(String symbol, List<TExpr> args, Type type, Span span, ErrorSite where) implements TExpr {
        public Call(String symbol, List<TExpr> args, Type type, Span span) { this(symbol, args, type, span, null); }
    }

    /**
     * An element read. Indices are int64; negative ones count from the end. {@code outOfBounds} is
     * non-null when bounds are checked; its payload is (index, axis, extent).
     */
    record ArrayLoad(TExpr array, List<TExpr> indices, ErrorSite outOfBounds, Span span) implements TExpr {
        @Override public Type type() { return ((Type.Array) array.type()).dtype(); }
    }

    /** {@code a.shape[axis]} as int64. */
    record ArrayDim(TExpr array, int axis, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.INT64; }
    }

    /** The byte stride of {@code array} along {@code axis}, int64. */
    record ArrayStride(TExpr array, int axis, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.INT64; }
    }

    /** {@code a.size}: the product of the extents, int64. */
    record ArraySize(TExpr array, Span span) implements TExpr {
        @Override public Type type() { return dev.arrayjit.typeinfer.types.Types.INT64; }
    }

    /**
     * A new array, C- or Fortran-contiguous as its type's layout says, owned by the caller
     * (np.empty/zeros/ones, order= 'C' or 'F'). Extents are int64; a
     * negative extent raises {@code negativeDim} (ValueError, payload: the extent).
     */
    record AllocArray(Type.Array type, List<TExpr> shape, Fill fill, ErrorSite negativeDim, Span span) implements TExpr {}

    record MakeTuple(List<TExpr> elements, Type.Tuple type, Span span) implements TExpr {}

    /**
     * A view of {@code array} by basic indexing: one {@link ViewIndex} per indexed axis (axes past
     * them are kept whole), sharing its memory. Integer indices are checked against
     * {@code outOfBounds} (when non-null, as for {@link ArrayLoad}); a zero slice step raises
     * {@code zeroStep} (ValueError; null when every step is a non-zero constant).
     */
    record View(TExpr array, List<ViewIndex> indices, Type.Array type, ErrorSite outOfBounds, ErrorSite zeroStep,
                Span span) implements TExpr {}

    /** The view of {@code array} with its axes permuted: axis k of the result is axis {@code axes[k]}. */
    record Transpose(TExpr array, List<Integer> axes, Type.Array type, Span span) implements TExpr {}

    /**
     * The view of a C-contiguous {@code array} with a new shape (int64 extents; one may be -1, inferred
     * from the size). A shape of another size raises {@code mismatch} (ValueError; payload: the
     * array's size, then the requested extents).
     */
    record Reshape(TExpr array, List<TExpr> shape, Type.Array type, ErrorSite mismatch, Span span) implements TExpr {}

    /**
     * The view of {@code array} broadcast to {@code shape} (int64 extents, at least its ndim): new
     * leading axes and axes of extent 1 get stride 0. The shapes are known to be compatible.
     */
    record BroadcastTo(TExpr array, List<TExpr> shape, Type.Array type, Span span) implements TExpr {}

    /**
     * A new C-contiguous array built from its indices ({@code np.arange}, {@code np.full},
     * {@code np.eye}, ...): the scalar {@code operands} are evaluated once into {@code params}; then
     * the extents {@code shape} (int64, over the params) are allocated and element
     * {@code (i0, i1, ...)} is {@code body} with {@code indices} bound to them (int64). A negative
     * extent raises {@code negativeDim} (ValueError), or counts as 0 when it is null.
     */
    record Generate(List<TExpr> operands, List<Var> params, List<TExpr> shape, List<Var> indices, TExpr body,
                    Type.Array type, ErrorSite negativeDim, Span span) implements TExpr {}

    /**
     * {@code np.dot(a, b)} / {@code a @ b} of 1-D and 2-D arrays of the result's dtype: a scalar for
     * two vectors, else a new C array. Inner extents that differ raise {@code mismatch} (ValueError;
     * payload: both shapes, then the two extents).
     */
    record MatMul(TExpr left, TExpr right, Type type, ErrorSite mismatch, Span span) implements TExpr {}

    /**
     * Raises {@code site} with int64 {@code payload} values; never produces its value (of
     * {@code type}). Lets an expression fail where a statement cannot be placed, e.g. the last arm
     * of a choice among valid cases.
     */
    record Fail(ErrorSite site, List<TExpr> payload, Type type, Span span) implements TExpr {}

    /**
     * {@code np.concatenate((a, b, ...), axis)}: a new C array of {@code type}'s dtype holding the
     * arrays (all of its ndim, converted to its dtype) one after the other along {@code axis}; the
     * other extents must match (ValueError otherwise).
     */
    record Concat(List<TExpr> arrays, int axis, Type.Array type, Span span) implements TExpr {}

    /**
     * A part of the calling thread's random-number state as an array ({@code Abi.CTX_RANDOM}): the
     * generator of NumPy ({@code python} false) or of Python's {@code random} module, and its key
     * (uint32[624]), meta words (uint32[4]) or cached gaussian (float64[1]).
     */
    record RandomState(boolean python, RandomPart part, Span span) implements TExpr {
        @Override public Type type() { return part.type(); }
    }

    /**
     * {@code print(...)}: writes the pieces one after the other as Python prints them (arrays as
     * NumPy prints them), then {@code end}, through the runtime's printer; none result. A
     * {@link Const} of type none whose value is a {@code String} is text printed as it is (string
     * arguments, separators, the literal parts of f-strings).
     */
    record Print(List<TExpr> values, String end, Span span) implements TExpr {
        @Override public Type type() { return Types.NONE; }
    }

    /** Whether the memory the elements of two arrays occupy intersects (so writing one may change the other). */
    record Overlaps(TExpr left, TExpr right, Span span) implements TExpr {
        @Override public Type type() { return Types.BOOL; }
    }

    /**
     * A whole-array reduction of an array or array expression to a scalar ({@code axis} null) or
     * along one axis. {@code empty} raises when the array is empty: ValueError for MIN/MAX/ARGMIN/ARGMAX,
     * ZeroDivisionError for MEAN/VAR/STD under the Python error model (Numba's), null otherwise.
     */
    record Reduce(Reduction op, TExpr array, Integer axis, Type type, ErrorSite empty, Span span) implements TExpr {}

    /**
     * A new C-contiguous array: {@code body}, a scalar expression over {@code params}, applied to
     * every element of the {@code operands} broadcast together (NumPy's rules). Operand k is an array
     * or a scalar (evaluated once) and {@code params[k]} has its dtype; the result's ndim is the
     * largest operand ndim and its dtype the body's type. Element-wise division by zero does not
     * raise (NumPy's error model).
     */
    record ElementWise(List<TExpr> operands, List<Var> params, TExpr body, Type.Array type, Span span) implements TExpr {}

    /**
     * A new list of {@code length} (int64, not negative) elements whose values are not set yet; the
     * caller stores them through {@link ListItems}.
     */
    record ListNew(Type.ListOf type, TExpr length, Span span) implements TExpr {}

    /** {@code len(list)}, int64. */
    record ListLen(TExpr list, Span span) implements TExpr {
        @Override public Type type() { return Types.INT64; }
    }

    /**
     * The elements of a list as a 1-D C-contiguous array over its storage (writable; the storage's
     * block as meminfo). Valid until the list is next resized: use it at once, never keep it.
     */
    record ListItems(TExpr list, Span span) implements TExpr {
        @Override public Type type() { return new Type.Array(((Type.ListOf) list.type()).element(), 1, dev.arrayjit.typeinfer.types.Layout.C, false); }
    }

    /**
     * Runs {@code body}, then gives {@code result}: a value that needs statements to build (a list
     * display, a comprehension). High-level: {@code lower-arrays} places the statements before the
     * statement that uses the value, keeping evaluation order.
     */
    record Block(List<TStmt> body, TExpr result, Span span) implements TExpr {
        @Override public Type type() { return result.type(); }
    }

    /**
     * The bits of a float (float32 widened to float64) as an int64, to carry it in an exception's
     * payload (a message template formats it with {@code {k:f64}} or {@code {k:f32}}).
     */
    record FloatBits(TExpr value, Span span) implements TExpr {
        @Override public Type type() { return Types.INT64; }
    }

    /** The number of threads parallel loops of this call may use ({@code Abi.CTX_THREADS}), int64, at least 1. */
    record ThreadCount(Span span) implements TExpr {
        @Override public Type type() { return Types.INT64; }
    }

    /** A tuple element at a constant index. */
    record TupleGet(TExpr tuple, int index, Span span) implements TExpr {
        @Override public Type type() { return ((Type.Tuple) tuple.type()).elements().get(index); }
    }

    /**
     * Where a GPU work-item is, along {@code axis} (0 is x): its thread index in the block, its
     * block's index, the block and grid extents, or its global index and the global extent
     * ({@code cuda.grid}, {@code cuda.gridsize}); int64. Only in GPU kernels and device functions.
     */
    record GpuIndex(GpuQuery query, int axis, Span span) implements TExpr {
        @Override public Type type() { return Types.INT64; }
    }

    /**
     * A C-contiguous array of constant {@code shape} in a GPU kernel's shared memory (one per block,
     * {@code cuda.shared.array}) or private memory (one per work-item, {@code cuda.local.array});
     * its elements start undefined.
     */
    record GpuArray(Type.Array type, List<Long> shape, boolean shared, Span span) implements TExpr {}

    /**
     * Synchronization in a GPU block: {@code cuda.syncthreads()} (every work-item waits here; none),
     * its counting forms {@code syncthreads_count/and/or(predicate)} (int64: how many work-items'
     * predicate holds, whether all, whether any), and the memory fences {@code threadfence_block()}
     * and {@code threadfence()} / {@code threadfence_system()} (none; they order memory, no waiting).
     */
    record GpuBarrier(GpuSync sync, TExpr predicate, Span span) implements TExpr {
        public GpuBarrier(Span span) { this(GpuSync.BARRIER, null, span); }

        @Override public Type type() { return predicate == null ? Types.NONE : Types.INT64; }
    }

    /**
     * {@code cuda.atomic.op(array, index, value)}: updates one element atomically and gives its old
     * value. Indices as {@link ArrayLoad}'s; {@code value} (and {@code compare}, the value
     * {@code cas} expects to find; null for the other operations) have the element type.
     */
    record GpuAtomic(AtomicOp op, TExpr array, List<TExpr> indices, TExpr value, TExpr compare, ErrorSite outOfBounds, Span span)
            implements TExpr {
        @Override public Type type() { return ((Type.Array) array.type()).dtype(); }
    }

    /**
     * {@code var = value}, then {@code body} (which reads {@code var}): a value used twice, such as the
     * middle operand of {@code a < f() < b}, evaluated once in place. {@code var} is a local of the
     * function.
     */
    record Let(Var var, TExpr value, TExpr body, Span span) implements TExpr {
        @Override public Type type() { return body.type(); }
    }
}
