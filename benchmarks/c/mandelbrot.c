/* ./mandelbrot N OUT.npy WIDTH HEIGHT MAX_ITER */
#include "harness.h"

__attribute__((noinline)) static int64_t mandelbrot(int64_t width, int64_t height, int64_t max_iter) {
    int64_t count = 0;
    for (int64_t j = 0; j < height; j++) {
        double y = -1.5 + 3.0 * j / height;
        for (int64_t i = 0; i < width; i++) {
            double x = -2.0 + 3.0 * i / width;
            double zr = 0.0, zi = 0.0;
            int64_t k = 0;
            while (k < max_iter && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + x;
                zi = 2.0 * zr * zi + y;
                zr = t;
                k++;
            }
            if (k == max_iter) count++;
        }
    }
    return count;
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 6);
    /* read through volatiles so the arguments are not constants the compiler could fold */
    volatile int64_t w = atoll(argv[3]), h = atoll(argv[4]), it = atoll(argv[5]);
    int64_t r = mandelbrot(w, h, it);
    int64_t shape[1] = {0};
    npy_save(argv[2], "<i8", &r, shape, 0);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        sink_i = mandelbrot(w, h, it);
        t[k] = now_ms() - t0;
    }
    report(t, calls);
    return 0;
}
