package dev.arrayjit.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's repr(float) and NumPy's repr(float32) against values printed by Python 3 / NumPy 1.24 (floats.txt). */
class FloatReprTest {
    @Test
    void wellKnownCases() {
        assertEquals("0.1", FloatRepr.repr(0.1));
        assertEquals("1e-05", FloatRepr.repr(1e-5));
        assertEquals("0.0001", FloatRepr.repr(1e-4));
        assertEquals("10000000000.0", FloatRepr.repr(1e10));
        assertEquals("1000000000000000.0", FloatRepr.repr(1e15));
        assertEquals("1e+16", FloatRepr.repr(1e16));
        assertEquals("1.5e+300", FloatRepr.repr(1.5e300));
        assertEquals("inf", FloatRepr.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", FloatRepr.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", FloatRepr.repr(Double.NaN));
        assertEquals("-0.0", FloatRepr.repr(-0.0));
        assertEquals("5e-324", FloatRepr.repr(Double.MIN_VALUE));
        assertEquals("0.30000000000000004", FloatRepr.repr(0.1 + 0.2));
        assertEquals("1.5", FloatRepr.repr(1.5f));
        assertEquals("1.1", FloatRepr.repr(1.1f));
        assertEquals("1e-45", FloatRepr.repr(Float.MIN_VALUE));
        assertEquals("1e-04", FloatRepr.repr(1e-4f));
    }

    @Test
    void pythonAndNumpyPrintedTheseValues() throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String line : resource("/format/floats.txt").split("\n")) {
            String[] f = line.split(" ");
            String got;
            String expected;
            if (f[0].equals("f32")) {
                got = FloatRepr.repr(Float.intBitsToFloat(Integer.parseUnsignedInt(f[1], 16)));
                expected = f[2];
            } else {
                got = FloatRepr.repr(Double.longBitsToDouble(Long.parseUnsignedLong(f[0], 16)));
                expected = f[1];
            }
            n++;
            if (!got.equals(expected)) failures.add(line + " -> " + got);
        }
        assertTrue(n > 1500, "cases read: " + n);
        assertEquals(List.of(), failures);
    }

    @Test
    void complexLikePython() {
        assertEquals("(1+2j)", PyRepr.complex(1, 2, false));
        assertEquals("2j", PyRepr.complex(0, 2, false));
        assertEquals("(-0-2j)", PyRepr.complex(-0.0, -2, false));
        assertEquals("(1.5-0.5j)", PyRepr.complex(1.5, -0.5, false));
        assertEquals("(1e+20+1j)", PyRepr.complex(1e20, 1, false));
        assertEquals("(1+nanj)", PyRepr.complex(1, Double.NaN, false));
        assertEquals("(-inf+0j)", PyRepr.complex(Double.NEGATIVE_INFINITY, 0, false));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FloatReprTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
