package dev.arrayjit.runtime;

import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0). Reads bool, (u)int8-64, float32/64 and
 * complex64/128 in either byte order and C or Fortran order into native little-endian arrays; writes
 * files byte-identical to NumPy 1.24's {@code numpy.save}.
 */
public final class Npy {
    private Npy() {}

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ARRAY_ALIGN = 64;
    private static final int CHUNK = 1 << 20;

    // ---------------------------------------------------------------- reading

    public static NDArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, file.toString());
        }
    }

    public static NDArray read(byte[] bytes, String name) throws IOException {
        return read(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), name);
    }

    /** Reads one array; {@code name} labels errors. */
    public static NDArray read(ReadableByteChannel in, String name) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(8);
        int got = fill(in, prefix);
        if (got == 0) throw new NpyFormatException(name, "empty file, not a .npy file");
        if (!magicPrefix(prefix)) throw new NpyFormatException(name, "not a .npy file (bad magic string; expected \\x93NUMPY)");
        if (got < 8) throw new NpyFormatException(name, "truncated header (the file ends after " + got + " bytes)");
        int major = prefix.get(6) & 0xff, minor = prefix.get(7) & 0xff;
        int lenBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new NpyFormatException(name, "unsupported .npy format version " + major + "." + minor);
        };
        ByteBuffer lenBuf = ByteBuffer.allocate(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (fill(in, lenBuf) < lenBytes) throw new NpyFormatException(name, "truncated header");
        long headerLen = lenBytes == 2 ? Short.toUnsignedLong(lenBuf.getShort(0)) : Integer.toUnsignedLong(lenBuf.getInt(0));
        if (headerLen > 1 << 24) throw new NpyFormatException(name, "bad header: header length " + headerLen + " is implausible");
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
        if (fill(in, headerBuf) < headerLen) throw new NpyFormatException(name, "truncated header");
        String text = new String(headerBuf.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text, name);

        long bytes = Types.sizeOf(h.dtype());
        try {
            for (long d : h.shape()) bytes = Math.multiplyExact(bytes, d);
        } catch (ArithmeticException e) {
            throw new NpyFormatException(name, "bad header: shape too large");
        }
        NDArray a = NDArray.zeros(h.dtype(), h.fortranOrder() ? NDArray.Order.F : NDArray.Order.C, h.shape());
        MemorySegment data = a.segment();
        long done = 0;
        while (done < bytes) {
            int n = (int) Math.min(CHUNK, bytes - done);
            long read = fill(in, data.asSlice(done, n).asByteBuffer());
            done += read;
            if (read < n) {
                throw new NpyFormatException(name, "truncated data: the header promises " + bytes
                        + " bytes of data, the file holds " + done);
            }
        }
        if (h.bigEndian()) swapToLittleEndian(data, h.dtype(), bytes);
        return a;
    }

    /** Whether the bytes read so far agree with the magic string (the file is merely short). */
    private static boolean magicPrefix(ByteBuffer b) {
        for (int i = 0; i < Math.min(b.position(), MAGIC.length); i++) if (b.get(i) != MAGIC[i]) return false;
        return true;
    }

    /** Reads until the buffer is full or the input ends; returns the bytes read. */
    private static int fill(ReadableByteChannel in, ByteBuffer buf) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = in.read(buf);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    private static void swapToLittleEndian(MemorySegment data, Type dtype, long bytes) {
        int part = dtype instanceof Type.Complex c ? c.bits() / 16 : Types.sizeOf(dtype);
        switch (part) {
            case 2 -> {
                var be = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
                for (long o = 0; o < bytes; o += 2) data.set(ValueLayout.JAVA_SHORT_UNALIGNED, o, data.get(be, o));
            }
            case 4 -> {
                var be = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
                for (long o = 0; o < bytes; o += 4) data.set(ValueLayout.JAVA_INT_UNALIGNED, o, data.get(be, o));
            }
            case 8 -> {
                var be = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
                for (long o = 0; o < bytes; o += 8) data.set(ValueLayout.JAVA_LONG_UNALIGNED, o, data.get(be, o));
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- writing

    public static void write(Path file, NDArray a) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(ch, a);
        }
    }

    /** The file {@code numpy.save} would write for this array. */
    public static byte[] toBytes(NDArray a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(Channels.newChannel(out), a);
        } catch (IOException e) {
            throw new AssertionError(e); // in-memory
        }
        return out.toByteArray();
    }

    public static void write(WritableByteChannel out, NDArray a) throws IOException {
        // NumPy writes C order unless the array is Fortran- and not C-contiguous; other layouts are copied.
        boolean fortran = !a.isCContiguous() && a.isFContiguous();
        NDArray data = a.isCContiguous() || fortran ? a : a.copy(NDArray.Order.C);
        writeFully(out, ByteBuffer.wrap(header(new NpyHeader(a.dtype(), false, fortran, a.shape()))));
        long bytes = data.size() * data.itemSize();
        MemorySegment seg = data.segment();
        long start = data.minOffset();
        byte[] chunk = seg.isNative() ? null : new byte[(int) Math.min(CHUNK, bytes)];
        for (long done = 0; done < bytes; ) {
            int n = (int) Math.min(CHUNK, bytes - done);
            ByteBuffer buf;
            if (chunk == null) {
                buf = seg.asSlice(start + done, n).asByteBuffer();
            } else {
                MemorySegment.copy(seg, start + done, MemorySegment.ofArray(chunk), 0, n);
                buf = ByteBuffer.wrap(chunk, 0, n);
            }
            writeFully(out, buf);
            done += n;
        }
    }

    /** Magic, version, length and the dictionary padded with spaces and a newline to a multiple of 64. */
    static byte[] header(NpyHeader h) {
        byte[] dict = h.format().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = dict.length + 1;
        int major = 1, lenBytes = 2;
        int pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        if (hlen + pad > 0xffff) {
            major = 2;
            lenBytes = 4;
            pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + lenBytes + hlen + pad).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (lenBytes == 2) b.putShort((short) (hlen + pad)); else b.putInt(hlen + pad);
        b.put(dict);
        for (int i = 0; i < pad; i++) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    private static void writeFully(WritableByteChannel out, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) out.write(buf);
    }
}
