#include "qr.h"

#include <errno.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes a version-QR_MAX_VERSION code at level M holds in byte mode (ISO/IEC
 * 18004 table 7), for the message only. */
#define QR_MAX_BYTES 213

int qr_encode(const char *text, qr_code *out, char *why, size_t why_cap)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text) {
        snprintf(why, why_cap, "is empty");
        return -1;
    }
    size_t len = strlen(text);
    /* QRcode_encodeString8bit picks the smallest version (0) and takes the
     * bytes as they are. ERANGE: too long for any version. */
    QRcode *q = len <= QR_MAX_BYTES ? QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) : NULL;
    if (!q && len <= QR_MAX_BYTES && errno == ENOMEM) {
        snprintf(why, why_cap, "cannot be encoded: out of memory");
        return -1;
    }
    if (!q || q->version > QR_MAX_VERSION) {
        snprintf(why, why_cap,
                 "holds %zu bytes, more than a QR code readable from the screen carries "
                 "(%d; a Chinese character takes 3)",
                 len, QR_MAX_BYTES);
        QRcode_free(q);
        return -1;
    }
    size_t n = (size_t)q->width * (size_t)q->width;
    out->dark = malloc(n);
    if (!out->dark) {
        QRcode_free(q);
        snprintf(why, why_cap, "cannot be encoded: out of memory");
        return -1;
    }
    /* libqrencode's bit 0 is the module's colour; the others say what the
     * module is for (finder, timing, data). */
    for (size_t i = 0; i < n; i++)
        out->dark[i] = q->data[i] & 1;
    out->width = q->width;
    out->version = q->version;
    QRcode_free(q);
    return 0;
}

bool qr_text_ok(const char *text, char *why, size_t why_cap)
{
    qr_code q;
    if (qr_encode(text, &q, why, why_cap) != 0)
        return false;
    qr_free(&q);
    return true;
}

void qr_free(qr_code *q)
{
    free(q->dark);
    memset(q, 0, sizeof *q);
}
