package dev.arrayjit.runtime.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionTest {
    @Test
    void scalarsFollowNumbasTypeManager() {
        assertEquals(Conversion.EXACT, Conversion.of(Types.INT64, Types.INT64));
        assertEquals(Conversion.PROMOTE, Conversion.of(Types.INT8, Types.INT64));
        assertEquals(Conversion.SAFE, Conversion.of(Types.INT32, Types.FLOAT64));
        assertEquals(Conversion.UNSAFE, Conversion.of(Types.INT32, Types.FLOAT32));
        assertEquals(Conversion.SAFE, Conversion.of(Types.INT64, Types.FLOAT64));
        assertEquals(Conversion.UNSAFE, Conversion.of(Types.FLOAT64, Types.INT64));
        assertEquals(Conversion.SAFE, Conversion.of(Types.BOOL, Types.INT16));
        assertEquals(Conversion.SAFE, Conversion.of(Types.UINT32, Types.INT64));
        assertEquals(Conversion.UNSAFE, Conversion.of(Types.UINT64, Types.INT64));
        assertEquals(Conversion.NONE, Conversion.of(Types.COMPLEX128, Types.FLOAT64));
        assertEquals(Conversion.UNSAFE, Conversion.of(Types.COMPLEX128, Types.COMPLEX64));
    }

    @Test
    void arraysAndTuples() {
        Type.Array c = new Type.Array(Types.FLOAT64, 2, Layout.C, false);
        assertEquals(Conversion.SAFE, Conversion.of(c, c.withLayout(Layout.A)));
        assertEquals(Conversion.NONE, Conversion.of(c.withLayout(Layout.A), c));
        assertEquals(Conversion.NONE, Conversion.of(c, c.withLayout(Layout.F)));
        assertEquals(Conversion.NONE, Conversion.of(c, new Type.Array(Types.FLOAT32, 2, Layout.A, false)));
        assertEquals(Conversion.SAFE, Conversion.of(c, new Type.Array(Types.FLOAT64, 2, Layout.C, true)));
        assertEquals(Conversion.NONE, Conversion.of(new Type.Array(Types.FLOAT64, 2, Layout.C, true), c));
        Type t = new Type.Tuple(List.of(Types.INT32, Types.FLOAT64));
        assertEquals(Conversion.PROMOTE, Conversion.of(t, new Type.Tuple(List.of(Types.INT64, Types.FLOAT64))));
        assertEquals(Conversion.NONE, Conversion.of(t, new Type.Tuple(List.of(Types.INT64))));
    }

    @Test
    void typeofLikeNumba() {
        assertEquals(Types.INT64, Typeof.of(7));
        assertEquals(Types.INT64, Typeof.of(7L));
        assertEquals(Types.FLOAT64, Typeof.of(0.5));
        assertEquals(Types.FLOAT32, Typeof.of(0.5f));
        assertEquals(Types.BOOL, Typeof.of(true));
        assertEquals(Types.UINT8, Typeof.of(Scalar.of(Types.UINT8, 3)));
        assertEquals(new Type.Array(Types.FLOAT64, 0, Layout.C, false), Typeof.of(NDArray.zeros(Types.FLOAT64)));
        assertEquals(new Type.Array(Types.INT32, 2, Layout.F, false),
                Typeof.of(NDArray.zeros(Types.INT32, NDArray.Order.F, 2, 3)));
        assertEquals(new Type.Array(Types.INT32, 2, Layout.C, true), Typeof.of(NDArray.zeros(Types.INT32, 2, 3).asReadOnly()));
        assertEquals(new Type.Tuple(List.of(Types.INT64, Types.FLOAT64)), Typeof.of(PyTuple.of(1L, 2.0)));
        assertEquals(Types.NONE, Typeof.of(null));
        assertEquals(null, Typeof.of("text"));
    }
}
