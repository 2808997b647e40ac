/* ./saxpy N OUT.npy A x.npy y.npy   (a new output array per call, like the kernel) */
#include "harness.h"

__attribute__((noinline)) static double *saxpy(double a, const double *x, const double *y, int64_t n) {
    double *out = malloc(n * sizeof *out);
    for (int64_t i = 0; i < n; i++) out[i] = a * x[i] + y[i];
    return out;
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 6);
    volatile double a = atof(argv[3]);
    int64_t shape[3]; int nd;
    double *x = npy_load(argv[4], "<f8", shape, &nd);
    double *y = npy_load(argv[5], "<f8", shape, &nd);
    double *r = saxpy(a, x, y, shape[0]);
    npy_save(argv[2], "<f8", r, shape, 1);
    free(r);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        r = saxpy(a, x, y, shape[0]);
        sink_f = r[shape[0] - 1];
        free(r);
        t[k] = now_ms() - t0;
    }
    report(t, calls);
    return 0;
}
