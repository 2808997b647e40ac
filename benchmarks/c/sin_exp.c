/* ./sin_exp N OUT.npy x.npy   (a new output array per call, like the kernel) */
#include "harness.h"
#include <math.h>

__attribute__((noinline)) static double *sin_exp(const double *x, int64_t n) {
    double *out = malloc(n * sizeof *out);
    for (int64_t i = 0; i < n; i++) out[i] = sin(x[i]) * exp(x[i]);
    return out;
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 4);
    int64_t shape[3]; int nd;
    double *x = npy_load(argv[3], "<f8", shape, &nd);
    double *r = sin_exp(x, shape[0]);
    npy_save(argv[2], "<f8", r, shape, 1);
    free(r);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        r = sin_exp(x, shape[0]);
        sink_f = r[shape[0] - 1];
        free(r);
        t[k] = now_ms() - t0;
    }
    report(t, calls);
    return 0;
}
