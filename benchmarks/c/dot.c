/* ./dot N OUT.npy x.npy y.npy */
#include "harness.h"

__attribute__((noinline)) static double dot(const double *x, const double *y, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 5);
    int64_t shape[3]; int nd;
    double *x = npy_load(argv[3], "<f8", shape, &nd);
    double *y = npy_load(argv[4], "<f8", shape, &nd);
    double r = dot(x, y, shape[0]);
    npy_save(argv[2], "<f8", &r, shape, 0);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        sink_f = dot(x, y, shape[0]);
        t[k] = now_ms() - t0;
    }
    report(t, calls);
    return 0;
}
