/* Shared by the C baselines: .npy input/output (C order, little-endian float64/int64 only),
 * a monotonic clock, a median, and the timing line run_compare.py parses.
 *
 * Every baseline is invoked as
 *     ./K N OUT.npy [INPUT ...]
 * runs its kernel once untimed (warm-up, result written to OUT.npy), then N timed calls,
 * and prints on stderr:  timing: median_call_ms=<float> calls=<N>
 */
#define _POSIX_C_SOURCE 200112L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void die(const char *msg, const char *arg) {
    fprintf(stderr, "error: %s %s\n", msg, arg ? arg : "");
    exit(2);
}

static void *xmalloc(size_t bytes) {
    void *p = NULL;
    if (posix_memalign(&p, 64, bytes ? bytes : 64) != 0) die("out of memory", NULL);
    return p;
}

/* Loads a C-ordered '<f8' or '<i8' array; dtype is "<f8" or "<i8". */
__attribute__((unused)) static void *npy_load(const char *path, const char *dtype, int64_t *shape, int *ndim) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    unsigned char pre[10];
    if (fread(pre, 1, 10, f) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0) die("not a .npy file:", path);
    size_t hlen;
    if (pre[6] == 1) {
        hlen = pre[8] | (pre[9] << 8);
    } else {
        unsigned char b[2];
        if (fread(b, 1, 2, f) != 2) die("bad header:", path);
        hlen = pre[8] | (pre[9] << 8) | (b[0] << 16) | ((size_t)b[1] << 24);
    }
    char *h = malloc(hlen + 1);
    if (fread(h, 1, hlen, f) != hlen) die("bad header:", path);
    h[hlen] = 0;
    if (!strstr(h, dtype)) die("unexpected dtype (want C-ordered little-endian 8-byte) in", path);
    if (strstr(h, "'fortran_order': True")) die("Fortran order not supported:", path);
    char *s = strstr(h, "'shape': (");
    if (!s) die("no shape in", path);
    s += 10;
    *ndim = 0;
    int64_t count = 1;
    while (*s && *s != ')') {
        char *end;
        long long d = strtoll(s, &end, 10);
        if (end == s) break;
        shape[(*ndim)++] = d;
        count *= d;
        s = end;
        while (*s == ',' || *s == ' ') s++;
    }
    free(h);
    void *data = xmalloc(count * 8);
    if (fread(data, 8, count, f) != (size_t)count) die("short read:", path);
    fclose(f);
    return data;
}

static void npy_save(const char *path, const char *dtype, const void *data, const int64_t *shape, int ndim) {
    char dims[128] = "";
    int64_t count = 1;
    for (int i = 0; i < ndim; i++) {
        char d[32];
        snprintf(d, sizeof d, i ? ", %lld" : "%lld", (long long)shape[i]);
        strcat(dims, d);
        count *= shape[i];
    }
    if (ndim == 1) strcat(dims, ",");
    char h[256];
    int n = snprintf(h, sizeof h, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", dtype, dims);
    int total = 10 + n + 1;
    int pad = (64 - total % 64) % 64;
    FILE *f = fopen(path, "wb");
    if (!f) die("cannot write", path);
    unsigned short hl = (unsigned short)(n + pad + 1);
    fwrite("\x93NUMPY\x01\x00", 1, 8, f);
    fputc(hl & 0xff, f);
    fputc(hl >> 8, f);
    fwrite(h, 1, n, f);
    for (int i = 0; i < pad; i++) fputc(' ', f);
    fputc('\n', f);
    fwrite(data, 8, count, f);
    fclose(f);
}

static int parse_calls(int argc, char **argv, int want) {
    if (argc != want) {
        fprintf(stderr, "usage: %s N OUT.npy [inputs...] (%d arguments expected)\n", argv[0], want - 1);
        exit(2);
    }
    int n = atoi(argv[1]);
    if (n < 1) die("N must be >= 1, got", argv[1]);
    return n;
}

static void report(double *times, int n) {
    fprintf(stderr, "timing: median_call_ms=%.9g calls=%d\n", median(times, n), n);
}

/* Keeps results alive so the compiler cannot drop a timed call. */
static volatile double sink_f;
static volatile int64_t sink_i;
