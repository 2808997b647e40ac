/* Call overhead of an arrayjit library from C: a scalar export and a 1-element array export
 * called in a loop, against the same arithmetic in a plain C function of a separate library. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"

double plain_mult(double a, double b);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) { double x = *(const double *) a, y = *(const double *) b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000000;
    enum { ROUNDS = 7 };
    double t_mult[ROUNDS], t_dot[ROUNDS], t_plain[ROUNDS], acc = 0, r;
    double one = 1.5;
    aj_array x = {0};
    x.data = &one; x.ndim = 1; x.shape[0] = 1; x.strides[0] = sizeof(double);
    for (int k = 0; k < ROUNDS; k++) {
        double t0 = now();
        for (long i = 0; i < n; i++) { mult((double) i, 0.5, &r); acc += r; }
        double t1 = now();
        for (long i = 0; i < n; i++) { dot(&x, &x, &r); acc += r; }
        double t2 = now();
        for (long i = 0; i < n; i++) acc += plain_mult((double) i, 0.5);
        double t3 = now();
        t_mult[k] = (t1 - t0) / n * 1e9; t_dot[k] = (t2 - t1) / n * 1e9; t_plain[k] = (t3 - t2) / n * 1e9;
    }
    qsort(t_mult, ROUNDS, sizeof(double), cmp);
    qsort(t_dot, ROUNDS, sizeof(double), cmp);
    qsort(t_plain, ROUNDS, sizeof(double), cmp);
    printf("scalar_ns %.2f\narray_ns %.2f\nplain_c_ns %.2f\n(checksum %g)\n", t_mult[ROUNDS / 2], t_dot[ROUNDS / 2], t_plain[ROUNDS / 2], acc);
    return 0;
}
