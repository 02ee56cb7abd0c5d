/* kiosk --report LOG...: reads the play logs, prints the tables. A damaged
 * line is only counted; a log that cannot be read is an error (exit 1), but
 * the others are still reported. "-" reads standard input, so compressed
 * rotations work: zcat play.log.*.gz | kiosk --report - play.log */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "modes.h"
#include "report.h"

static int read_stdin(report *r)
{
    char buf[65536];
    size_t cap = 0, len = 0, got;
    char *all = NULL;
    while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
        if (len + got > cap) {
            char *grown = grow_array(all, &cap, len + got, 1, sizeof buf);
            if (!grown) {
                free(all);
                errno = ENOMEM;
                return -1;
            }
            all = grown;
        }
        memcpy(all + len, buf, got);
        len += got;
    }
    int status = ferror(stdin) ? -1 : report_feed(r, all ? all : "", len, "(stdin)");
    free(all);
    return status;
}

int mode_report(const kiosk_options *o)
{
    report *r = report_new();
    if (!r) {
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    int status = 0;
    for (int i = 0; i < o->n_logs; i++) {
        const char *path = o->logs[i];
        int rc = strcmp(path, "-") == 0 ? read_stdin(r) : report_read_file(r, path);
        if (rc != 0) {
            fprintf(stderr, "kiosk: cannot read the log %s: %s\n", path, strerror(errno));
            status = 1;
        }
    }
    const report_result *res = report_compute(r, o->from_s, o->until_s);
    if (!res) {
        fprintf(stderr, "kiosk: out of memory\n");
        report_free(r);
        return 1;
    }
    if (res->damaged)
        fprintf(stderr, "kiosk: %ld damaged log line%s skipped (the first: %s)\n", res->damaged,
                res->damaged == 1 ? "" : "s", res->first_damaged);
    if (o->csv)
        report_write_csv(res, stdout);
    else
        report_write_text(res, stdout);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "kiosk: cannot write the report: %s\n", strerror(errno));
        status = 1;
    }
    report_free(r);
    return status;
}
