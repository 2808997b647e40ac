package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arrayjit.runtime.call.Invoker;
import dev.arrayjit.typeinfer.types.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arrays kernels return are freed when unreachable: a million calls must not grow the process. */
class MemoryTest {
    @Test
    void aMillionReturnedArraysStayBounded() throws Exception {
        var k = FakeKernel.spec(List.of(Types.INT64), InvokerTest.F8_1D, InvokerTest.ARANGE);
        Object[] args = {16L};
        for (int i = 0; i < 20_000; i++) Invoker.call(k, args); // warm up the heap and the JIT
        settle();
        long rss0 = rssKiB();
        long heap0 = Runtime.getRuntime().totalMemory() / 1024;
        long maxLive = 0;
        double sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            NDArray a = (NDArray) Invoker.call(k, args);
            sum += a.getDouble(15);
            if ((i & 0xfff) == 0) maxLive = Math.max(maxLive, NativeMemory.liveBlocks());
        }
        assertEquals(15.0 * 1_000_000, sum);
        long rss1 = rssKiB();
        long heap1 = Runtime.getRuntime().totalMemory() / 1024;
        // Each call mallocs a touched 4 KiB scratch block and a 128-byte result: leaking the scratch
        // blocks would add 4 GiB, the results 150 MiB. The Java heap grows meanwhile (G1 sizes it for
        // the garbage), so count only the growth outside it.
        long nativeGrowth = (rss1 - rss0) - (heap1 - heap0);
        assertTrue(nativeGrowth < 100 * 1024, "RSS grew from " + rss0 + " KiB to " + rss1 + " KiB, the heap from " + heap0
                + " KiB to " + heap1 + " KiB (live blocks peaked at " + maxLive + ")");
        settle();
        assertTrue(NativeMemory.liveBlocks() < 50_000, "after GC, live blocks: " + NativeMemory.liveBlocks());
    }

    @Test
    void largeResultsTriggerCollectionsThemselves() {
        // 300 results of 8 MiB (2.4 GiB in all) produce almost no heap garbage: the native-memory
        // accounting has to ask for collections, or the live bytes would only grow.
        var k = FakeKernel.spec(List.of(Types.INT64), InvokerTest.F8_1D, InvokerTest.ARANGE);
        long max = 0;
        for (int i = 0; i < 300; i++) {
            NDArray a = (NDArray) Invoker.call(k, new Object[] {1L << 20});
            assertEquals(1048575.0, a.getDouble(-1));
            max = Math.max(max, NativeMemory.liveBytes());
        }
        assertTrue(max < 1L << 30, "live native bytes peaked at " + max);
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return 0;
    }
}
