/*
 * The run-time support of an arrayjit library (bin/arrayjit aot): what the JVM runtime does around
 * a call of compiled code, in C, so the library needs only libc, libm and pthreads. Each exported
 * function sets up a call context (Abi.CTX_* slots), calls its entry point, frees what the kernel
 * allocated and did not return, and turns a raise into a message for arrayjit_error().
 * The generated library source puts the library's header (aj_array), the error-site table
 * (aj_sites, aj_site_count) before this text, and the exports after it.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>
#include <pthread.h>
#include <time.h>

#define AJ_CTX_SITE 0
#define AJ_CTX_ALLOC_COUNT 1
#define AJ_CTX_ALLOC_LIST 3
#define AJ_CTX_PAYLOAD 4
#define AJ_PAYLOAD_SLOTS 12
#define AJ_CTX_RANDOM 16
#define AJ_CTX_PRINT 17
#define AJ_CTX_DEPTH 18
#define AJ_CTX_THREADS 19
#define AJ_CTX_WHERE 20
#define AJ_CTX_SLOTS 21
#define AJ_RANDOM_BLOCK_BYTES 8192
#define AJ_RANDOM_PYTHON 4096
#define AJ_RANDOM_META 2496
#define AJ_SITE_NO_MEMORY (-1)
#define AJ_SITE_RECURSION (-2)

static __thread char aj_error_text[1024];
static __thread unsigned char *aj_random_block;
static int64_t aj_threads;

const char *arrayjit_error(void) { return aj_error_text; }

void arrayjit_set_num_threads(int n) { __atomic_store_n(&aj_threads, n < 1 ? 1 : n, __ATOMIC_RELAXED); }

void arrayjit_array_free(aj_array *a) {
    if (a == NULL) return;
    free(a->owner);
    a->owner = NULL;
    a->data = NULL;
}

/* ---- Python's float repr: the shortest digits that read back, in Python's layout ---------- */

static void aj_float_repr(char *out, size_t size, double x, int single) {
    if (isnan(x)) { snprintf(out, size, "nan"); return; }
    if (isinf(x)) { snprintf(out, size, x < 0 ? "-inf" : "inf"); return; }
    if (x == 0) { snprintf(out, size, signbit(x) ? "-0.0" : "0.0"); return; }
    char digits[64];
    int p = 1;
    for (; p <= 17; p++) {
        snprintf(digits, sizeof digits, "%.*e", p - 1, x);
        if (single ? (float) strtod(digits, NULL) == (float) x : strtod(digits, NULL) == x) break;
    }
    int exponent = atoi(strchr(digits, 'e') + 1);
    /* Python decides by the digits' exponent, NumPy's float32 by the value. */
    bool positional = single ? fabs(x) >= 1e-4 && fabs(x) < 1e16 : exponent >= -4 && exponent < 16;
    if (positional) {
        int decimals = p - 1 - exponent;
        snprintf(out, size, "%.*f", decimals < 0 ? 0 : decimals, x);
        if (strchr(out, '.') == NULL) strncat(out, ".0", size - strlen(out) - 1);
    } else {
        char mantissa[64];
        snprintf(mantissa, sizeof mantissa, "%.*e", p - 1, x);
        *strchr(mantissa, 'e') = '\0';
        snprintf(out, size, "%se%c%02d", mantissa, exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
    }
}

/* A site's template with {k}, {k:f64}, {k:f32}, {k:bool}, {k:u64} filled from the payload. */
static void aj_fill(char *out, size_t size, const char *template, const int64_t *payload) {
    size_t n = 0;
    for (const char *c = template; *c && n + 1 < size; c++) {
        if ((*c == '{' || *c == '}') && c[1] == *c) { out[n++] = *c++; continue; }
        const char *close = *c == '{' ? strchr(c, '}') : NULL;
        if (close != NULL && close > c + 1 && c[1] >= '0' && c[1] <= '9') {
            char *how;
            long k = strtol(c + 1, &how, 10);
            char piece[64];
            int64_t bits = k >= 0 && k < AJ_PAYLOAD_SLOTS ? payload[k] : 0;
            double d;
            memcpy(&d, &bits, sizeof d);
            if (strncmp(how, ":f64}", 5) == 0) aj_float_repr(piece, sizeof piece, d, 0);
            else if (strncmp(how, ":f32}", 5) == 0) aj_float_repr(piece, sizeof piece, d, 1);
            else if (strncmp(how, ":bool}", 6) == 0) snprintf(piece, sizeof piece, bits ? "True" : "False");
            else if (strncmp(how, ":u64}", 5) == 0) snprintf(piece, sizeof piece, "%llu", (unsigned long long) bits);
            else snprintf(piece, sizeof piece, "%lld", (long long) bits);
            for (const char *p = piece; *p && n + 1 < size; p++) out[n++] = *p;
            c = close;
            continue;
        }
        out[n++] = *c;
    }
    out[n] = '\0';
}

static const aj_site *aj_site_of(int64_t id) {
    return id >= 0 && id < aj_site_count ? &aj_sites[id] : NULL;
}

/* The message of the exception a call raised, as KernelException.getMessage() words it. */
static void aj_set_error(const int64_t *ctx) {
    int64_t id = ctx[AJ_CTX_SITE];
    char message[768];
    if (id == AJ_SITE_NO_MEMORY) {
        if (ctx[AJ_CTX_PAYLOAD] < 0) snprintf(aj_error_text, sizeof aj_error_text, "MemoryError: array is too big (its size in bytes overflows int64)");
        else snprintf(aj_error_text, sizeof aj_error_text, "MemoryError: unable to allocate %lld bytes for an array", (long long) ctx[AJ_CTX_PAYLOAD]);
        return;
    }
    if (id == AJ_SITE_RECURSION) {
        snprintf(aj_error_text, sizeof aj_error_text, "RecursionError: maximum recursion depth exceeded (%lld nested calls)",
                 (long long) ctx[AJ_CTX_PAYLOAD]);
        return;
    }
    const aj_site *site = aj_site_of(id);
    if (site == NULL) { snprintf(aj_error_text, sizeof aj_error_text, "SystemError: raised at unknown error site %lld", (long long) id); return; }
    const aj_site *where = ctx[AJ_CTX_WHERE] > 0 && aj_site_of(ctx[AJ_CTX_WHERE] - 1) ? aj_site_of(ctx[AJ_CTX_WHERE] - 1) : site;
    aj_fill(message, sizeof message, site->message, ctx + AJ_CTX_PAYLOAD);
    snprintf(aj_error_text, sizeof aj_error_text, "%s%s%s (at %s)", site->kind, message[0] ? ": " : "", message, where->where);
}

/* ---- print() inside kernels: numbers and text as Python prints them ------------------------ */

static __thread char aj_line[4096];
static __thread size_t aj_line_length;

static void aj_append(const char *text) {
    size_t n = strlen(text);
    if (aj_line_length + n >= sizeof aj_line) n = sizeof aj_line - 1 - aj_line_length;
    memcpy(aj_line + aj_line_length, text, n);
    aj_line_length += n;
    aj_line[aj_line_length] = '\0';
}

static void aj_print(int64_t kind, int64_t bits, void *extra) {
    char piece[64];
    double d;
    memcpy(&d, &bits, sizeof d);
    switch (kind) {
        case 0: fputs(aj_line, stdout); fflush(stdout); aj_line_length = 0; aj_line[0] = '\0'; return;
        case 1: aj_append((const char *) extra); return;
        case 2: snprintf(piece, sizeof piece, "%lld", (long long) bits); break;
        case 3: snprintf(piece, sizeof piece, "%llu", (unsigned long long) bits); break;
        case 4: aj_float_repr(piece, sizeof piece, d, 0); break;
        case 5: aj_float_repr(piece, sizeof piece, d, 1); break;
        case 6: snprintf(piece, sizeof piece, bits ? "True" : "False"); break;
        default: snprintf(piece, sizeof piece, "<array>"); break; /* arrays print from Java only */
    }
    aj_append(piece);
}

/* ---- the call context --------------------------------------------------------------------- */

static pthread_key_t aj_random_key;
static pthread_once_t aj_random_once = PTHREAD_ONCE_INIT;

static void aj_random_key_init(void) { pthread_key_create(&aj_random_key, free); } /* frees a thread's block when it exits */

/*
 * The calling thread's random state, zeroed, with a seed from the clock, the process and the
 * thread for kernels that draw numbers without seeding (as the JVM runtime does).
 */
static unsigned char *aj_random_state(void) {
    if (aj_random_block != NULL) return aj_random_block;
    unsigned char *block = calloc(1, AJ_RANDOM_BLOCK_BYTES);
    if (block == NULL) return NULL;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t entropy = (uint64_t) now.tv_nsec ^ ((uint64_t) now.tv_sec << 30) ^ ((uint64_t) getpid() << 16)
            ^ (uint64_t) (uintptr_t) pthread_self() * 0x9E3779B97F4A7C15ULL;
    for (int base = 0; base <= AJ_RANDOM_PYTHON; base += AJ_RANDOM_PYTHON) {
        uint32_t seed = (uint32_t) (entropy ^ (entropy >> 32) ^ (uint64_t) base);
        memcpy(block + base + AJ_RANDOM_META + 12, &seed, sizeof seed);
    }
    pthread_once(&aj_random_once, aj_random_key_init);
    pthread_setspecific(aj_random_key, block);
    aj_random_block = block;
    return block;
}

/* A call's context; the thread's random state only for kernels that draw numbers (it costs a TLS lookup). */
static void aj_ctx_init(int64_t *ctx, bool random) {
    /* The slots the kernel reads before writing; the payload is only read after a raise wrote it. */
    ctx[AJ_CTX_SITE] = ctx[AJ_CTX_ALLOC_COUNT] = ctx[AJ_CTX_ALLOC_COUNT + 1] = ctx[AJ_CTX_ALLOC_LIST] = 0;
    ctx[AJ_CTX_RANDOM] = ctx[AJ_CTX_DEPTH] = ctx[AJ_CTX_WHERE] = 0;
    int64_t threads = __atomic_load_n(&aj_threads, __ATOMIC_RELAXED);
    if (threads == 0) {
        const char *env = getenv("ARRAYJIT_NUM_THREADS");
        threads = env != NULL && atoi(env) > 0 ? atoi(env) : sysconf(_SC_NPROCESSORS_ONLN);
        if (threads < 1) threads = 1;
        __atomic_store_n(&aj_threads, threads, __ATOMIC_RELAXED);
    }
    if (random) ctx[AJ_CTX_RANDOM] = (int64_t) (intptr_t) aj_random_state();
    ctx[AJ_CTX_PRINT] = (int64_t) (intptr_t) &aj_print;
    ctx[AJ_CTX_THREADS] = threads;
}

static int aj_compare_pointers(const void *a, const void *b) {
    uintptr_t x = (uintptr_t) *(void *const *) a, y = (uintptr_t) *(void *const *) b;
    return (x > y) - (x < y);
}

/* Frees every block the kernel allocated except the keep ones (returned arrays own them), then the list. */
static void aj_ctx_release(int64_t *ctx, void *const *keep, int nkeep) {
    void **list = (void **) (intptr_t) ctx[AJ_CTX_ALLOC_LIST];
    int64_t count = ctx[AJ_CTX_ALLOC_COUNT];
    if (list == NULL) return; /* the kernel allocated nothing */
    if (count > 1) qsort(list, (size_t) count, sizeof *list, aj_compare_pointers); /* a block listed twice: freed once */
    for (int64_t i = 0; list != NULL && i < count; i++) {
        if (list[i] == NULL || (i > 0 && list[i] == list[i - 1])) continue;
        bool kept = false;
        for (int k = 0; k < nkeep && !kept; k++) kept = keep[k] == list[i];
        if (!kept) free(list[i]);
    }
    free(list);
}

/* The byte range [lo, hi) an array's elements occupy. */
static void aj_extent(const aj_array *a, int64_t itemsize, uintptr_t *lo, uintptr_t *hi) {
    intptr_t low = 0, high = itemsize;
    for (int64_t k = 0; k < a->ndim; k++) {
        if (a->shape[k] == 0) { *lo = *hi = (uintptr_t) a->data; return; }
        intptr_t reach = (intptr_t) (a->shape[k] - 1) * a->strides[k];
        if (reach < 0) low += reach; else high += reach;
    }
    *lo = (uintptr_t) a->data + low;
    *hi = (uintptr_t) a->data + high;
}

/*
 * A returned array that owns no memory views an argument, or else a constant inside the library
 * (a module-level array): that one is copied into memory of its own, C-contiguous, as the JVM
 * runtime copies it, so the caller may write it and must free it.
 */
static bool aj_own_result(aj_array *r, int64_t itemsize, const aj_array *const *args, int nargs) {
    if (r->owner != NULL || r->data == NULL) return true;
    for (int k = 0; k < nargs; k++) {
        uintptr_t lo, hi;
        aj_extent(args[k], itemsize, &lo, &hi);
        if ((uintptr_t) r->data >= lo && (uintptr_t) r->data < hi) return true;
    }
    int64_t n = 1;
    for (int64_t k = 0; k < r->ndim; k++) n *= r->shape[k];
    unsigned char *block = malloc(n > 0 ? (size_t) (n * itemsize) : 1);
    if (block == NULL) { snprintf(aj_error_text, sizeof aj_error_text, "MemoryError: unable to copy a result"); return false; }
    int64_t index[AJ_MAX_DIMS] = {0};
    for (int64_t e = 0; e < n; e++) {
        intptr_t from = 0;
        for (int64_t k = 0; k < r->ndim; k++) from += (intptr_t) index[k] * r->strides[k];
        memcpy(block + e * itemsize, (unsigned char *) r->data + from, (size_t) itemsize);
        for (int64_t k = r->ndim - 1; k >= 0 && ++index[k] == r->shape[k]; k--) index[k] = 0;
    }
    int64_t stride = itemsize;
    for (int64_t k = r->ndim - 1; k >= 0; k--) { r->strides[k] = stride; stride *= r->shape[k]; }
    r->data = r->owner = block;
    return true;
}

/* Checks an array argument against the export's signature; sets the error text when it does not fit. */
static bool aj_check_array(const aj_array *a, const char *name, int64_t ndim, int64_t itemsize, char layout) {
    if (a == NULL) { snprintf(aj_error_text, sizeof aj_error_text, "TypeError: argument '%s' is NULL", name); return false; }
    if (a->ndim != ndim) {
        snprintf(aj_error_text, sizeof aj_error_text, "TypeError: argument '%s' must have %lld dimension(s), not %lld",
                 name, (long long) ndim, (long long) a->ndim);
        return false;
    }
    int64_t expect = itemsize;
    for (int64_t k = 0; k < ndim; k++) {
        int64_t axis = layout == 'F' ? k : ndim - 1 - k;
        if (a->shape[axis] < 0) {
            snprintf(aj_error_text, sizeof aj_error_text, "ValueError: argument '%s' has a negative extent", name);
            return false;
        }
        if (layout != 'A' && a->shape[axis] != 1 && a->strides[axis] != expect) {
            snprintf(aj_error_text, sizeof aj_error_text, "ValueError: argument '%s' must be %c-contiguous", name, layout);
            return false;
        }
        expect *= a->shape[axis];
    }
    return true;
}

static void aj_put_array(int64_t *slots, const aj_array *a) {
    slots[0] = 0; /* the caller's memory: no owner */
    slots[1] = (int64_t) (intptr_t) a->data;
    for (int64_t k = 0; k < a->ndim; k++) {
        slots[2 + k] = a->shape[k];
        slots[2 + a->ndim + k] = a->strides[k];
    }
}

static void aj_get_array(aj_array *a, const int64_t *slots, int64_t ndim) {
    memset(a, 0, sizeof *a);
    a->owner = (void *) (intptr_t) slots[0];
    a->data = (void *) (intptr_t) slots[1];
    a->ndim = ndim;
    for (int64_t k = 0; k < ndim; k++) {
        a->shape[k] = slots[2 + k];
        a->strides[k] = slots[2 + ndim + k];
    }
}

/* ---- generated: error sites, entry points and exports ------------------------------------- */
