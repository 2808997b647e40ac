import dev.arrayjit.runtime.*;
import java.nio.file.*;
public class WarmCompile {
  public static void main(String[] a) throws Exception {
    String src = """
import numpy as np
from numba import njit

@njit
def add(a, b):
    return a + b

@njit
def saxpy(a, x, y):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = a * x[i] + y[i]
    return out
""";
    for (int round = 0; round < 30; round++) {
      String s = src.replace("def add", "def add").replace("a + b", "a + b + " + round);
      long t0 = System.nanoTime();
      KernelModule m = ArrayJit.compile(s, "w" + round + ".py");
      Object r = m.function("add").call(1L, 2L);
      long t1 = System.nanoTime();
      NDArray x = NDArray.of(new double[]{1,2,3});
      m.function("saxpy").call(2.0, x, x);
      long t2 = System.nanoTime();
      if (round % 5 == 4 || round < 2) System.out.printf("round %d: add %.2f ms, saxpy %.2f ms (%s)%n", round, (t1-t0)/1e6, (t2-t1)/1e6, r);
    }
    KernelModule m = ArrayJit.compile(src, "call.py");
    KernelFunction f = m.function("add");
    Long one = 1L, two = 2L;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      int N = 2_000_000;
      for (int i = 0; i < N; i++) f.call(one, two);
      System.out.printf("call: %.1f ns%n", (System.nanoTime()-t0)/(double)N);
    }
  }
}
