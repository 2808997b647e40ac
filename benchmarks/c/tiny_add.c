/* ./tiny_add N OUT.npy A B
 * Call overhead of a C function that is not inlined: each of the N samples times a batch of
 * BATCH calls through a volatile function pointer and reports the time per call. */
#include "harness.h"

#define BATCH 1000000

__attribute__((noinline)) static int64_t add(int64_t a, int64_t b) { return a + b; }

int main(int argc, char **argv) {
    int calls = parse_calls(argc, argv, 5);
    int64_t (*volatile fp)(int64_t, int64_t) = add;
    int64_t a = atoll(argv[3]), b = atoll(argv[4]);
    int64_t r = fp(a, b);
    int64_t shape[1] = {0};
    npy_save(argv[2], "<i8", &r, shape, 0);
    double *t = malloc(calls * sizeof *t);
    for (int k = 0; k < calls; k++) {
        int64_t acc = 0;
        double t0 = now_ms();
        for (int i = 0; i < BATCH; i++) acc += fp(a, i);
        t[k] = (now_ms() - t0) / BATCH;
        sink_i = acc;
    }
    report(t, calls);
    return 0;
}
