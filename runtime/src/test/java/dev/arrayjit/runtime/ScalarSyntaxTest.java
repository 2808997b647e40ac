package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.typeinfer.types.Types;
import org.junit.jupiter.api.Test;

/** The CLI's scalar argument syntax ({@link Scalar#parse}). */
class ScalarSyntaxTest {
    @Test
    void integersAreInt64() {
        assertEquals(7L, Scalar.parse("7"));
        assertEquals(-3L, Scalar.parse("-3"));
        assertEquals(3L, Scalar.parse("+3"));
        assertEquals(31L, Scalar.parse("0x1f"));
        assertEquals(8L, Scalar.parse("0o10"));
        assertEquals(5L, Scalar.parse("0b101"));
        assertEquals(1_000_000L, Scalar.parse("1_000_000"));
        assertEquals(Long.MIN_VALUE, Scalar.parse("-9223372036854775808"));
        assertEquals(Scalar.of(Types.UINT64, -1L), Scalar.parse("18446744073709551615"), "beyond int64: uint64, as Numba types it");
        assertThrows(ArgumentException.class, () -> Scalar.parse("18446744073709551616"));
    }

    @Test
    void floatsAreFloat64() {
        assertEquals(2.5, Scalar.parse("2.5"));
        assertEquals(1.0, Scalar.parse("1."));
        assertEquals(0.5, Scalar.parse(".5"));
        assertEquals(1e-3, Scalar.parse("1e-3"));
        assertEquals(-1e10, Scalar.parse("-1E10"));
        assertEquals(Double.POSITIVE_INFINITY, Scalar.parse("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, Scalar.parse("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, Scalar.parse("Infinity"));
        assertTrue(Double.isNaN((Double) Scalar.parse("nan")));
        assertTrue(Double.isNaN((Double) Scalar.parse("-NaN")));
    }

    @Test
    void boolsAndTypedScalars() {
        assertEquals(true, Scalar.parse("True"));
        assertEquals(false, Scalar.parse("False"));
        assertEquals(Scalar.of(Types.FLOAT32, 1.5), Scalar.parse("float32:1.5"));
        assertEquals(Scalar.of(Types.FLOAT32, 2), Scalar.parse("float32:2"));
        assertEquals(Scalar.of(Types.INT32, 7), Scalar.parse("int32:7"));
        assertEquals(Scalar.of(Types.INT8, -128), Scalar.parse("int8:-128"));
        assertEquals(Scalar.of(Types.UINT8, 255), Scalar.parse("uint8:255"));
        assertEquals(Scalar.of(Types.UINT16, 3), Scalar.parse("uint16:3"));
        assertEquals(Scalar.of(Types.UINT32, 4294967295L), Scalar.parse("uint32:4294967295"));
        assertEquals(Scalar.of(Types.UINT64, -1L), Scalar.parse("uint64:18446744073709551615"));
        assertEquals(Scalar.of(Types.INT64, 5), Scalar.parse("int64:5"));
        assertEquals(Scalar.of(Types.INT16, -5), Scalar.parse("int16:-5"));
        assertEquals(Scalar.of(Types.FLOAT64, Double.NEGATIVE_INFINITY), Scalar.parse("float64:-inf"));
        assertEquals(Scalar.of(Types.BOOL, true), Scalar.parse("bool:True"));
        assertEquals(Scalar.of(Types.COMPLEX128, new Complex(1, 2)), Scalar.parse("complex128:1+2j"));
        assertEquals(Scalar.of(Types.COMPLEX64, new Complex(0, -2.5)), Scalar.parse("complex64:-2.5j"));
        assertEquals(Scalar.of(Types.COMPLEX128, new Complex(1e-3, -1)), Scalar.parse("complex128:(1e-3-1j)"));
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("bad argument 'uint8:300': 300 is out of range for uint8 (0 to 255)",
                assertThrows(ArgumentException.class, () -> Scalar.parse("uint8:300")).getMessage());
        assertEquals("bad argument 'int32:1.5': '1.5' is not an integer",
                assertThrows(ArgumentException.class, () -> Scalar.parse("int32:1.5")).getMessage());
        assertEquals("bad argument 'bool:yes': a bool is True or False",
                assertThrows(ArgumentException.class, () -> Scalar.parse("bool:yes")).getMessage());
        for (String bad : new String[] {"abc", "1.2.3", "true", "--foo", "", ".", "1e", "0x", "float32:"}) {
            assertThrows(ArgumentException.class, () -> Scalar.parse(bad), bad);
        }
        assertTrue(assertThrows(ArgumentException.class, () -> Scalar.parse("abc")).getMessage()
                .startsWith("bad argument 'abc': expected an integer, a float, True or False, TYPE:VALUE"));
    }
}
