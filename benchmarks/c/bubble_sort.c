/* ./bubble_sort N OUT.npy a.npy   (like the kernel's sort_copy: copy, then sort the copy in place) */
#include "harness.h"

__attribute__((noinline)) static void bubble_sort(int64_t *a, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n - 1 - i; j++)
            if (a[j] > a[j + 1]) {
                int64_t t = a[j];
                a[j] = a[j + 1];
                a[j + 1] = t;
            }
}

__attribute__((noinline)) static int64_t *sort_copy(const int64_t *a, int64_t n) {
    int64_t *b = malloc(n * sizeof *b);
    for (int64_t i = 0; i < n; i++) b[i] = a[i];
    bubble_sort(b, n);
    return b;
}

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 4);
    int64_t shape[3]; int nd;
    int64_t *a = npy_load(argv[3], "<i8", shape, &nd);
    int64_t *r = sort_copy(a, shape[0]);
    npy_save(argv[2], "<i8", r, shape, 1);
    free(r);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        double t0 = now_ms();
        r = sort_copy(a, shape[0]);
        sink_i = r[0];
        free(r);
        t[k] = now_ms() - t0;
    }
    report(t, calls);
    return 0;
}
