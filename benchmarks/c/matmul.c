/* ./matmul N OUT.npy a.npy b.npy   (a new zeroed output matrix per call, like the kernel) */
#include "harness.h"

__attribute__((noinline)) static double *matmul(const double *a, const double *b, int64_t n, int64_t p, int64_t m) {
    double *c = calloc(n * m, sizeof *c);
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < m; j++) {
            double s = 0.0;
            for (int64_t k = 0; k < p; k++) s += a[i * p + k] * b[k * m + j];
            c[i * m + j] = s;
        }
    return c;
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 5);
    int64_t as[3], bs[3]; int nd;
    double *a = npy_load(argv[3], "<f8", as, &nd);
    double *b = npy_load(argv[4], "<f8", bs, &nd);
    double *c = matmul(a, b, as[0], as[1], bs[1]);
    int64_t cs[2] = {as[0], bs[1]};
    npy_save(argv[2], "<f8", c, cs, 2);
    free(c);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        c = matmul(a, b, as[0], as[1], bs[1]);
        sink_f = c[0];
        free(c);
        t[k] = now_ms() - t0;
    }
    report(t, calls);
    return 0;
}
