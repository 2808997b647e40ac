package dev.arrayjit.runtime.call;

import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;

/**
 * How a value of one type can be passed where another is declared, as Numba's type manager rates it:
 * exact, promote (wider of the same kind), safe (no loss), unsafe (may lose), or not at all. Used to
 * pick among a kernel's eager signatures.
 */
public enum Conversion {
    EXACT, PROMOTE, SAFE, UNSAFE, NONE;

    private static final List<Type> SCALARS = List.of(Types.BOOL, Types.INT8, Types.INT16, Types.INT32, Types.INT64,
            Types.UINT8, Types.UINT16, Types.UINT32, Types.UINT64, Types.FLOAT32, Types.FLOAT64, Types.COMPLEX64,
            Types.COMPLEX128);

    /**
     * Numba 0.56's {@code default_type_manager.check_compatible(row, column)} for the types above:
     * 1 exact, 2 promote, 3 safe, 4 unsafe, 0 none (dumped from Numba, not derived).
     */
    private static final String[] TABLE = {
        "1333333333333", // bool
        "4122244443333", // int8
        "4412244443333", // int16
        "4441244444343", // int32
        "4444144444343", // int64
        "4433312223333", // uint8
        "4443341224343", // uint16
        "4444344124343", // uint32
        "4444444414343", // uint64
        "4444444441233", // float32
        "4444444444143", // float64
        "0000000000012", // complex64
        "0000000000041", // complex128
    };

    public static Conversion of(Type from, Type to) {
        if (from.equals(to)) return EXACT;
        if (from.isScalar() && to.isScalar()) {
            int code = TABLE[SCALARS.indexOf(from)].charAt(SCALARS.indexOf(to)) - '0';
            return code == 0 ? NONE : values()[code - 1];
        }
        if (from instanceof Type.Array a && to instanceof Type.Array b) {
            // Numba's Array.can_convert_to: same dtype and ndim, to layout A or the same, never drop readonly.
            boolean ok = a.dtype().equals(b.dtype()) && a.ndim() == b.ndim()
                    && (b.layout() == Layout.A || b.layout() == a.layout()) && (b.readonly() || !a.readonly());
            return ok ? SAFE : NONE;
        }
        if (from instanceof Type.Tuple a && to instanceof Type.Tuple b && a.elements().size() == b.elements().size()) {
            Conversion worst = EXACT;
            for (int i = 0; i < a.elements().size(); i++) worst = worst.max(of(a.elements().get(i), b.elements().get(i)));
            return worst;
        }
        if (to instanceof Type.Optional o) return from instanceof Type.None ? SAFE : of(from, o.type()).max(SAFE);
        return NONE;
    }

    Conversion max(Conversion o) { return compareTo(o) >= 0 ? this : o; }
}
