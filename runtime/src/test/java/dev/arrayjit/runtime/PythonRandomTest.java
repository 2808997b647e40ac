package dev.arrayjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code random} module inside kernels draws CPython's stream. Numba 0.56 seeds it
 * differently from CPython, so these expected values are CPython 3.11's (printed by
 * {@code random.seed(...); random.random() ...} for the same seeds).
 */
@Tag("needs-compiler")
class PythonRandomTest {
    @BeforeEach
    void compilerPresent() { NeedsCompiler.assumeCompiler(); }

    private static final String SOURCE = """
            import random
            from numba import njit

            @njit
            def three(seed):
                random.seed(seed)
                return random.random(), random.random(), random.random()

            @njit
            def dice(seed):
                random.seed(seed)
                return random.randint(1, 6), random.randint(1, 6), random.randint(1, 6), random.randint(1, 6), random.randint(1, 6)

            @njit
            def mixed(seed):
                random.seed(seed)
                return random.uniform(2.0, 5.0), random.gauss(0.0, 1.0), random.gauss(0.0, 1.0)

            @njit
            def wide(seed):
                random.seed(seed)
                return random.randint(0, 2 ** 40)
            """;

    @Test
    void seededStreamsAreCPythons() {
        KernelModule m = ArrayJit.compile(SOURCE, "rnd.py");
        assertEquals(new PyTuple(List.of(0.6394267984578837, 0.025010755222666936, 0.27502931836911926)), m.function("three").call(42L));
        assertEquals(new PyTuple(List.of(3L, 2L, 4L, 6L, 1L)), m.function("dice").call(7L));
        assertEquals(new PyTuple(List.of(2.7138938812756743, -0.9243337520999115, -0.26369624678278075)), m.function("mixed").call(-3L));
        assertEquals(64105765088L, m.function("wide").call((1L << 40) + 5));
    }
}
