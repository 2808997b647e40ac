package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Types;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against files NumPy 1.24 wrote (src/test/resources/npy, see README.md there). */
class NpyTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            return in.readAllBytes();
        }
    }

    static NDArray read(String name) throws IOException { return Npy.read(fixture(name), name); }

    @ParameterizedTest
    @ValueSource(strings = {"f8_1d.npy", "f4_2d_c.npy", "f4_2d_f.npy", "i8_2d.npy", "i4_1d.npy", "i2_1d.npy", "i1_1d.npy",
            "u1_1d.npy", "u2_1d.npy", "u4_1d.npy", "u8_1d.npy", "b1_1d.npy", "c8_1d.npy", "c16_1d.npy", "f8_0d.npy",
            "i8_0d.npy", "f8_empty.npy", "f8_2x0.npy", "f8_3d.npy"})
    void writesWhatNumpySaveWrote(String name) throws IOException {
        assertArrayEquals(fixture(name), Npy.toBytes(read(name)), name);
    }

    @Test
    void valuesOfEveryDtype() throws IOException {
        assertArrayEquals(new double[] {1.0, 2.5, -3.0, 0.1}, read("f8_1d.npy").toDoubleArray());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, read("f4_2d_c.npy").toDoubleArray());
        assertArrayEquals(new long[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE}, read("i4_1d.npy").toLongArray());
        assertArrayEquals(new long[] {1, -2, 32767}, read("i2_1d.npy").toLongArray());
        assertArrayEquals(new long[] {1, -2, 127, -128}, read("i1_1d.npy").toLongArray());
        assertArrayEquals(new long[] {0, 1, 255}, read("u1_1d.npy").toLongArray());
        assertArrayEquals(new long[] {0, 65535}, read("u2_1d.npy").toLongArray());
        assertArrayEquals(new long[] {0, 4294967295L}, read("u4_1d.npy").toLongArray());
        assertArrayEquals(new long[] {0, -1}, read("u8_1d.npy").toLongArray());
        assertEquals("[ True False  True]", read("b1_1d.npy").toString());
        assertEquals(new Complex(-0.0, -0.5), read("c8_1d.npy").getComplex(1));
        assertEquals(new Complex(3.5, -1), read("c16_1d.npy").getComplex(1));
        NDArray i8 = read("i8_2d.npy");
        assertArrayEquals(new long[] {3, 4}, i8.shape());
        assertEquals(8L, i8.getLong(2, 3));
    }

    @Test
    void fortranOrderAndZeroD() throws IOException {
        NDArray f = read("f4_2d_f.npy");
        assertEquals(Layout.F, f.layout());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, f.toDoubleArray());
        NDArray s = read("f8_0d.npy");
        assertEquals(0, s.ndim());
        assertEquals(2.5, s.getDouble());
        assertArrayEquals(new long[] {2, 0}, read("f8_2x0.npy").shape());
    }

    @Test
    void bigEndianIsConverted() throws IOException {
        assertArrayEquals(new double[] {1.0, -2.5, 1e300}, read("f8_big_endian.npy").toDoubleArray());
        assertArrayEquals(new long[] {1, -2, 3, 70000}, read("i4_big_endian.npy").toLongArray());
        assertEquals(new Complex(1, 2), read("c16_big_endian.npy").getComplex(0));
        // Written back as NumPy would write the converted array: little-endian.
        assertTrue(new String(Npy.toBytes(read("f8_big_endian.npy")), 0, 64, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("'<f8'"));
    }

    @Test
    void versionsTwoAndThree() throws IOException {
        assertArrayEquals(new double[] {1, 2}, read("f8_v2.npy").toDoubleArray());
        assertArrayEquals(new double[] {1, 2}, read("f8_v3.npy").toDoubleArray());
    }

    @Test
    void roundTripsThroughFiles(@TempDir Path dir) throws IOException {
        NDArray a = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Path p = dir.resolve("a.npy");
        Npy.write(p, a.transpose()); // F-contiguous: written in Fortran order
        NDArray back = Npy.read(p);
        assertEquals(Layout.F, back.layout());
        assertArrayEquals(a.transpose().toDoubleArray(), back.toDoubleArray());
        NDArray strided = NDArray.view(a.segment(), Types.FLOAT64, 8, new long[] {2}, new long[] {24}); // column 1
        Npy.write(p, strided);
        assertArrayEquals(new double[] {2, 5}, Npy.read(p).toDoubleArray());
        assertEquals(Layout.C, Npy.read(p).layout());
        Npy.write(p, NDArray.wrap(new float[] {1.5f, 2.5f}));
        assertArrayEquals(new double[] {1.5, 2.5}, Npy.read(p).toDoubleArray(), "heap arrays write too");
    }

    @Test
    void hugeHeadersUseVersionTwo() throws IOException {
        long[] shape = new long[25000]; // NumPy allows 32 dimensions; only such a header needs 2.0
        java.util.Arrays.fill(shape, 1);
        byte[] bytes = Npy.toBytes(NDArray.zeros(Types.INT8, shape));
        assertEquals(2, bytes[6]);
        assertEquals(0, (bytes.length - 1) % 64, "header padded to 64 bytes, then one data byte");
        assertEquals(25000, Npy.read(bytes, "big").ndim());
    }

    @Test
    void malformedFilesSayWhatIsWrong() {
        assertProblem("bad_magic.npy", "bad_magic.npy: not a .npy file (bad magic string; expected \\x93NUMPY)");
        assertProblem("bad_truncated.npy",
                "bad_truncated.npy: truncated data: the header promises 32 bytes of data, the file holds 27");
        assertProblem("bad_unicode.npy", "bad_unicode.npy: unsupported dtype '<U3' "
                + "(supported: bool, int8-64, uint8-64, float32/64, complex64/128)");
        assertProblem("bad_object.npy", "bad_object.npy: unsupported dtype '|O' "
                + "(supported: bool, int8-64, uint8-64, float32/64, complex64/128)");
        assertProblem("bad_header.npy", "bad_header.npy: bad header: 'shape' is not a tuple of integers");
        assertProblem("bad_short.npy", "bad_short.npy: truncated header (the file ends after 7 bytes)");
    }

    @Test
    void moreMalformedHeaders() {
        assertThrows(NpyFormatException.class, () -> Npy.read(new byte[0], "empty"));
        byte[] good = Npy.toBytes(NDArray.of(1.0));
        byte[] v9 = good.clone();
        v9[6] = 9;
        var e = assertThrows(NpyFormatException.class, () -> Npy.read(v9, "v9"));
        assertEquals("unsupported .npy format version 9.0", e.problem());
        byte[] garbage = good.clone();
        garbage[10] = 'x';
        var g = assertThrows(NpyFormatException.class, () -> Npy.read(garbage, "g"));
        assertTrue(g.problem().startsWith("bad header: unexpected character 'x'"), g.problem());
        assertFalse(g.getMessage().contains("Exception"));
    }

    private static void assertProblem(String name, String message) {
        var e = assertThrows(NpyFormatException.class, () -> read(name));
        assertEquals(message, e.getMessage());
    }

    @Test
    void readsFromPaths(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("x.npy");
        Files.write(p, fixture("i8_2d.npy"));
        assertEquals(12, Npy.read(p).size());
    }
}
