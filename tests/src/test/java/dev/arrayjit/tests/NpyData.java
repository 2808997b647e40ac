package dev.arrayjit.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An array in the tests' own canonical form: NumPy dtype name, shape, and the elements in C order as
 * little-endian bytes. Read from {@code .npy} bytes with a parser of its own, so the golden data is
 * checked independently of the runtime's {@code Npy} reader and writer (memory order is dropped:
 * results compare by logical element order, not layout).
 */
record NpyData(String dtype, long[] shape, byte[] data) {
    private static final Map<String, String> DESCR = Map.ofEntries(
            Map.entry("b1", "bool"), Map.entry("i1", "int8"), Map.entry("u1", "uint8"),
            Map.entry("i2", "int16"), Map.entry("u2", "uint16"), Map.entry("i4", "int32"),
            Map.entry("u4", "uint32"), Map.entry("i8", "int64"), Map.entry("u8", "uint64"),
            Map.entry("f4", "float32"), Map.entry("f8", "float64"), Map.entry("c8", "complex64"), Map.entry("c16", "complex128"));
    private static final Pattern DESCR_RE = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z]\\d+)'");
    private static final Pattern FORTRAN_RE = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE_RE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Complex elements in canonical form: pairs (real, imaginary) of their float type, along a new
     * last axis of extent 2, so comparisons treat each part as a float.
     */
    static NpyData complexAsPairs(String dtype, long[] shape, byte[] raw) {
        long[] pairs = Arrays.copyOf(shape, shape.length + 1);
        pairs[shape.length] = 2;
        return new NpyData(dtype.equals("complex64") ? "float32" : "float64", pairs, raw);
    }

    static int itemSize(String dtype) {
        return switch (dtype) {
            case "bool", "int8", "uint8" -> 1;
            case "int16", "uint16" -> 2;
            case "int32", "uint32", "float32" -> 4;
            case "int64", "uint64", "float64", "complex64" -> 8;
            case "complex128" -> 16;
            default -> throw new IllegalArgumentException("unknown dtype " + dtype);
        };
    }

    static NpyData parse(byte[] b, String name) {
        if (b.length < 10 || (b[0] & 0xff) != 0x93 || b[1] != 'N' || b[2] != 'U' || b[3] != 'M'
                || b[4] != 'P' || b[5] != 'Y') {
            throw new IllegalArgumentException(name + ": not a .npy file");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int hlen, hstart;
        if (major == 1) { hlen = bb.getShort(8) & 0xffff; hstart = 10; }
        else { hlen = bb.getInt(8); hstart = 12; }
        String header = new String(b, hstart, hlen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR_RE.matcher(header), f = FORTRAN_RE.matcher(header), s = SHAPE_RE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new IllegalArgumentException(name + ": bad header " + header);
        String dtype = DESCR.get(d.group(2));
        if (dtype == null) throw new IllegalArgumentException(name + ": unsupported dtype " + d.group(2));
        boolean big = d.group(1).equals(">");
        boolean fortran = f.group(1).equals("True");
        long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int item = itemSize(dtype);
        long n = 1;
        for (long e : shape) n *= e;
        int off = hstart + hlen;
        if (b.length - off < n * item) throw new IllegalArgumentException(name + ": truncated data");
        byte[] raw = Arrays.copyOfRange(b, off, off + (int) (n * item));
        if (big && item > 1) {
            for (int k = 0; k < raw.length; k += item) {
                for (int x = 0, y = item - 1; x < y; x++, y--) { byte t = raw[k + x]; raw[k + x] = raw[k + y]; raw[k + y] = t; }
            }
        }
        if (fortran && shape.length > 1) raw = fortranToC(raw, shape, item);
        if (dtype.startsWith("complex")) return complexAsPairs(dtype, shape, raw);
        return new NpyData(dtype, shape, raw);
    }

    private static byte[] fortranToC(byte[] raw, long[] shape, int item) {
        int nd = shape.length;
        long n = raw.length / item;
        long[] fstride = new long[nd];
        long st = 1;
        for (int k = 0; k < nd; k++) { fstride[k] = st; st *= shape[k]; }
        byte[] out = new byte[raw.length];
        long[] idx = new long[nd];
        for (long c = 0; c < n; c++) {
            long fo = 0;
            for (int k = 0; k < nd; k++) fo += idx[k] * fstride[k];
            System.arraycopy(raw, (int) (fo * item), out, (int) (c * item), item);
            for (int k = nd - 1; k >= 0; k--) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
        }
        return out;
    }

    /** A 0-d array holding one scalar, its value given as raw little-endian bits. */
    static NpyData scalar(String dtype, long bits) {
        int item = itemSize(dtype);
        byte[] d = new byte[item];
        for (int k = 0; k < item; k++) d[k] = (byte) (bits >>> (8 * k));
        return new NpyData(dtype, new long[0], d);
    }

    int itemSize() { return itemSize(dtype); }

    long size() { return data.length / itemSize(); }

    boolean isFloat() { return dtype.startsWith("float"); }

    /** Raw bits of element k (C order), zero-extended. */
    long bits(long k) {
        int item = itemSize();
        long v = 0;
        for (int x = item - 1; x >= 0; x--) v = (v << 8) | (data[(int) (k * item) + x] & 0xff);
        return v;
    }

    double getDouble(long k) {
        long v = bits(k);
        return dtype.equals("float32") ? Float.intBitsToFloat((int) v) : Double.longBitsToDouble(v);
    }

    /** Element k as Python would print it. */
    String format(long k) {
        long v = bits(k);
        return switch (dtype) {
            case "bool" -> v != 0 ? "True" : "False";
            case "float32" -> pyFloat(Float.intBitsToFloat((int) v));
            case "float64" -> pyFloat(Double.longBitsToDouble(v));
            case "uint64" -> Long.toUnsignedString(v);
            case "int8" -> Long.toString((byte) v);
            case "int16" -> Long.toString((short) v);
            case "int32" -> Long.toString((int) v);
            default -> Long.toString(v);
        };
    }

    private static String pyFloat(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return Double.toString(d);
    }

    private static String pyFloat(float f) {
        if (Float.isNaN(f)) return "nan";
        if (Float.isInfinite(f)) return f > 0 ? "inf" : "-inf";
        return Float.toString(f);
    }

    /** The multi-index of flat C-order position k, as "[i, j]". */
    String index(long k) {
        if (shape.length == 0) return "[]";
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) { idx[d] = k % shape[d]; k /= shape[d]; }
        return Arrays.toString(idx);
    }

    String describe() { return dtype + Arrays.toString(shape); }

    /** A short rendering of the values, for messages. */
    String preview() {
        StringBuilder sb = new StringBuilder(shape.length == 0 ? "" : "[");
        long n = Math.min(size(), 12);
        for (long k = 0; k < n; k++) sb.append(k > 0 ? ", " : "").append(format(k));
        if (size() > n) sb.append(", ...");
        if (shape.length > 0) sb.append("]");
        return sb.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof NpyData n && dtype.equals(n.dtype) && Arrays.equals(shape, n.shape) && Arrays.equals(data, n.data);
    }

    @Override public int hashCode() { return dtype.hashCode() * 31 + Arrays.hashCode(data); }

    @Override public String toString() { return describe() + " " + preview(); }
}
