/* ./stencil2d N OUT.npy u.npy out.npy   (writes into the preallocated out; OUT.npy gets it) */
#include "harness.h"

__attribute__((noinline)) static void stencil2d(const double *u, double *out, int64_t n, int64_t m) {
    for (int64_t i = 1; i < n - 1; i++)
        for (int64_t j = 1; j < m - 1; j++)
            out[i * m + j] = 0.25 * (u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] + u[i * m + j + 1]);
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 5);
    int64_t shape[3], oshape[3]; int nd, ond;
    double *u = npy_load(argv[3], "<f8", shape, &nd);
    double *out = npy_load(argv[4], "<f8", oshape, &ond);
    stencil2d(u, out, shape[0], shape[1]);
    npy_save(argv[2], "<f8", out, oshape, 2);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        stencil2d(u, out, shape[0], shape[1]);
        t[k] = now_ms() - t0;
    }
    sink_f = out[shape[1] + 1];
    report(t, calls);
    return 0;
}
