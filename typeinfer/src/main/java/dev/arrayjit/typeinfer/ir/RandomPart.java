package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;

/** The parts of a random generator's state (see {@code Abi.CTX_RANDOM}). */
public enum RandomPart {
    KEY(Abi.RANDOM_KEY, Types.UINT32, 624),
    META(Abi.RANDOM_META, Types.UINT32, 4),
    GAUSS(Abi.RANDOM_GAUSS, Types.FLOAT64, 1);

    public final int offset;
    public final Type dtype;
    public final int length;

    RandomPart(int offset, Type dtype, int length) {
        this.offset = offset;
        this.dtype = dtype;
        this.length = length;
    }

    public Type.Array type() { return new Type.Array(dtype, 1, Layout.C, false); }
}
