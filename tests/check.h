/* A tiny harness for table-driven tests.
 *
 * CHECK(cond, fmt, ...) records a failure with the row's context and goes on,
 * so one run reports every broken row. check_done() prints the closing line
 * "N passed, N failed" and returns the exit status for main(): failure when
 * any check failed, and also when no check ran at all — a test whose table
 * came out empty or whose set-up bailed out early has proved nothing. */
#ifndef KIOSK_TEST_CHECK_H
#define KIOSK_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed_count;
static int check_failed_count;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (cond) {                                                          \
            check_passed_count++;                                            \
        } else {                                                             \
            check_failed_count++;                                            \
            fprintf(stderr, "%s:%d: FAILED: ", __FILE__, __LINE__);          \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
        }                                                                    \
    } while (0)

/* Compare two strings, NULL-safe, printing both on mismatch. */
#define CHECK_STR(got, want, ...)                                            \
    do {                                                                     \
        const char *check_got_ = (got), *check_want_ = (want);               \
        int check_same_ = (check_got_ && check_want_)                        \
                              ? strcmp(check_got_, check_want_) == 0         \
                              : check_got_ == check_want_;                   \
        CHECK(check_same_, "%s: expected \"%s\", got \"%s\"", __VA_ARGS__,   \
              check_want_ ? check_want_ : "(null)",                          \
              check_got_ ? check_got_ : "(null)");                           \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_passed_count, check_failed_count);
    if (check_passed_count + check_failed_count == 0) {
        fprintf(stderr, "FAILED: no check ran\n");
        return 1;
    }
    return check_failed_count ? 1 : 0;
}

#endif
