/* The C baseline of calls.c: the same multiplication behind a shared-library call. */
double plain_mult(double a, double b) { return a * b; }
