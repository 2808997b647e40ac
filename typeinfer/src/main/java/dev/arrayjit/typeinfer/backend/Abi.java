package dev.arrayjit.typeinfer.backend;

import dev.arrayjit.typeinfer.types.Type;

/**
 * The native calling convention between compiled kernels and the runtime.
 *
 * <p>Every compiled unit exports one entry point {@code int32 entry(ptr ctx, ptr args, ptr ret)}.
 * A value crosses as a sequence of 8-byte slots ({@link #slots(Type)}):
 * <ul>
 *   <li>a scalar takes one slot, stored little-endian at the slot's start in its own width (bool as
 *       one byte 0/1, int32 as 4 bytes, float32 as 4 bytes ...); a complex takes two (real, imag);</li>
 *   <li>an array takes {@code 2 + 2*ndim} slots: meminfo (the malloc'd block that owns the data, or
 *       null for memory the kernel does not own), data pointer, extents[ndim], byte strides[ndim];</li>
 *   <li>a list crosses as the 1-D array of its elements (4 slots, the meminfo owning them);</li>
 *   <li>a tuple is its elements' slots in order; none takes no slot.</li>
 * </ul>
 * {@code args} holds the parameters' slots in order, {@code ret} receives the result's slots.
 * The entry returns 0 on success, or 1 when the kernel raised: then {@code ctx[CTX_SITE]} holds the
 * {@code ErrorSite} id and {@code ctx[CTX_PAYLOAD..]} its payload.
 *
 * <p>Kernels allocate with the C library's {@code malloc} and record every block in the context's
 * allocation list (count, capacity, and a {@code malloc}/{@code realloc}-grown array of pointers).
 * After the call the runtime keeps the blocks that a returned array owns and frees the rest, and then
 * the list itself.
 */
public final class Abi {
    private Abi() {}

    /** Size of one argument / return slot in bytes. */
    public static final int SLOT = 8;

    /** Context slots (int64 each). */
    public static final int CTX_SITE = 0;
    public static final int CTX_ALLOC_COUNT = 1;
    public static final int CTX_ALLOC_CAPACITY = 2;
    public static final int CTX_ALLOC_LIST = 3;
    /** First of {@link #PAYLOAD_SLOTS} payload slots (enough for two shapes of 6 dimensions). */
    public static final int CTX_PAYLOAD = 4;
    public static final int PAYLOAD_SLOTS = 12;
    /**
     * The calling thread's random-number state ({@link #RANDOM_BLOCK_BYTES} bytes, zeroed when the
     * thread first calls; kept for the thread's life): NumPy's generator at offset 0, Python's
     * {@code random} module's at {@link #RANDOM_PYTHON}. Each holds the Mersenne Twister key
     * (624 uint32) at +0, four uint32 at +2496 (position, has-gauss flag, seeded flag, a seed for
     * unseeded use) and a cached gaussian (float64) at +2512.
     */
    public static final int CTX_RANDOM = CTX_PAYLOAD + PAYLOAD_SLOTS;
    /**
     * {@code void print(i64 kind, i64 bits, ptr extra)}: the runtime's printer, which formats as
     * Python prints (kinds below) and writes a line at {@link #PRINT_END}.
     */
    public static final int CTX_PRINT = CTX_RANDOM + 1;
    /** The depth of recursive calls in progress (zero at entry), checked against {@link #MAX_RECURSION}. */
    public static final int CTX_DEPTH = CTX_PRINT + 1;
    /** How many threads a parallel loop of this call may use (values below 1 mean 1). */
    public static final int CTX_THREADS = CTX_DEPTH + 1;
    /**
     * One more than the id of the site of the call from user code through which an exception left
     * NumPy's prelude (0: none); the runtime reports the exception there.
     */
    public static final int CTX_WHERE = CTX_THREADS + 1;
    public static final int CTX_SLOTS = CTX_WHERE + 1;

    /**
     * Recursive calls nest at most this deep; one more raises RecursionError
     * ({@link #SITE_RECURSION}) instead of overflowing the calling thread's stack.
     */
    public static final int MAX_RECURSION = 3000;
    public static final int SITE_RECURSION = -2;

    /** Print kinds: the piece {@code bits} (and {@code extra}) stand for. */
    public static final int PRINT_END = 0, PRINT_TEXT = 1, PRINT_INT = 2, PRINT_UINT = 3, PRINT_FLOAT64 = 4,
            PRINT_FLOAT32 = 5, PRINT_BOOL = 6, PRINT_ARRAY = 7, PRINT_LIST = 8;

    /**
     * Dtypes by code, for printing arrays: {@code bits} of a PRINT_ARRAY piece is code | ndim << 8; of
     * a PRINT_LIST piece (a list's elements as a 1-D array, printed as Python prints a list) the code.
     */
    public static final java.util.List<Type> DTYPE_CODES = java.util.List.of(
            dev.arrayjit.typeinfer.types.Types.BOOL, dev.arrayjit.typeinfer.types.Types.INT8, dev.arrayjit.typeinfer.types.Types.INT16,
            dev.arrayjit.typeinfer.types.Types.INT32, dev.arrayjit.typeinfer.types.Types.INT64, dev.arrayjit.typeinfer.types.Types.UINT8,
            dev.arrayjit.typeinfer.types.Types.UINT16, dev.arrayjit.typeinfer.types.Types.UINT32, dev.arrayjit.typeinfer.types.Types.UINT64,
            dev.arrayjit.typeinfer.types.Types.FLOAT32, dev.arrayjit.typeinfer.types.Types.FLOAT64,
            dev.arrayjit.typeinfer.types.Types.COMPLEX64, dev.arrayjit.typeinfer.types.Types.COMPLEX128);
    public static final int RANDOM_PYTHON = 4096;
    public static final int RANDOM_BLOCK_BYTES = 8192;
    public static final int RANDOM_KEY = 0, RANDOM_META = 2496, RANDOM_GAUSS = 2512;

    /**
     * The site id native code stores in {@code ctx[CTX_SITE]} when an allocation fails or its size
     * does not fit (MemoryError); no {@code ErrorSite} has it. Payload: the requested bytes (-1 when
     * the size overflowed).
     */
    public static final int SITE_NO_MEMORY = -1;

    /** Symbol name of a unit's entry point. */
    public static String entrySymbol(String functionSymbol) { return functionSymbol + "__entry"; }

    public static int slots(Type t) {
        return switch (t) {
            case Type.Bool b -> 1;
            case Type.Int i -> 1;
            case Type.Float f -> 1;
            case Type.Complex c -> 2;
            case Type.Array a -> 2 + 2 * a.ndim();
            case Type.ListOf l -> 4;
            case Type.Tuple tu -> tu.elements().stream().mapToInt(Abi::slots).sum();
            case Type.None n -> 0;
            case Type.Optional o -> 1 + slots(o.type());
        };
    }
}
