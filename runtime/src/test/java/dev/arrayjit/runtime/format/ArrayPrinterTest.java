package dev.arrayjit.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.runtime.NDArray;
import dev.arrayjit.runtime.Npy;
import dev.arrayjit.runtime.PyTuple;
import dev.arrayjit.runtime.Scalar;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** str() and repr() of arrays against NumPy 1.24's own output (arrays.txt, made by make_cases.py). */
class ArrayPrinterTest {
    @Test
    void numpyPrintedTheseArrays() throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String line : FloatReprTest.resource("/format/arrays.txt").split("\n")) {
            String[] f = line.split(" ");
            NDArray a = array(f[0], f[1], f[2]);
            String str = decode(f[3]), repr = decode(f[4]);
            n++;
            if (!a.toString().equals(str)) failures.add("str " + f[0] + " " + f[1] + ":\n" + str + "\nbut got\n" + a);
            if (!a.repr().equals(repr)) failures.add("repr " + f[0] + " " + f[1] + ":\n" + repr + "\nbut got\n" + a.repr());
        }
        assertTrue(n > 50);
        assertEquals("", String.join("\n\n", failures));
    }

    @Test
    void smallExamples() {
        assertEquals("[1. 2. 3.]", NDArray.of(1.0, 2.0, 3.0).toString());
        assertEquals("[[1 2]\n [3 4]]", NDArray.of(new long[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("[ True False]", NDArray.of(true, false).toString());
        assertEquals("array([1.5, 2. ], dtype=float32)", NDArray.of(1.5f, 2f).repr());
        assertEquals("2.5", NDArray.scalar(Types.FLOAT64, 2.5).toString());
    }

    @Test
    void pythonPrintOfResults() {
        assertEquals("None", PyRepr.print(null));
        assertEquals("3", PyRepr.print(3L));
        assertEquals("1.100000023841858", PyRepr.print(1.1f), "Numba returns float32 as a Python float");
        assertEquals("True", PyRepr.print(true));
        assertEquals("(1,)", PyRepr.print(PyTuple.of(1L)));
        assertEquals("(1, 2.5, None)", PyRepr.print(PyTuple.of(1L, 2.5, null)));
        assertEquals("255", PyRepr.print(Scalar.of(Types.UINT8, 255)));
        assertEquals("18446744073709551615", PyRepr.print(Scalar.of(Types.UINT64, -1L)));
        assertEquals("[1. 2.]", PyRepr.print(NDArray.of(1.0, 2.0)));
        assertEquals("(array([1., 2.]), 1)", PyRepr.print(PyTuple.of(NDArray.of(1.0, 2.0), 1L)));
        assertEquals("1.1", Scalar.of(Types.FLOAT32, 1.1).toString(), "a NumPy float32 prints its own digits");
    }

    private static String decode(String b64) {
        return b64.equals("-") ? "" : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static NDArray array(String descr, String shapeText, String data) {
        Type t = Types.scalar(descr.substring(1));
        if (t == null) t = switch (descr.substring(1)) {
            case "c8" -> Types.COMPLEX64;
            case "c16" -> Types.COMPLEX128;
            default -> throw new IllegalArgumentException(descr);
        };
        if (descr.equals("|b1")) t = Types.BOOL;
        long[] shape = shapeText.equals("-") ? new long[0]
                : java.util.Arrays.stream(shapeText.split(",")).mapToLong(Long::parseLong).toArray();
        byte[] bytes = data.equals("-") ? new byte[0] : Base64.getDecoder().decode(data);
        return NDArray.view(MemorySegment.ofArray(bytes), t, NDArray.Order.C, shape);
    }

    @Test
    void npyRoundTripKeepsPrinting() throws IOException {
        NDArray a = NDArray.of(new double[][] {{1.5, -2}, {3, 4}});
        assertEquals(a.toString(), Npy.read(Npy.toBytes(a), "mem").toString());
    }
}
