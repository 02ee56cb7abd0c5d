#include "civil.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of Howard
 * Hinnant's "chrono-compatible low-level date algorithms"). */
long long civil_days(int year, int month, int day)
{
    long long y = year;
    unsigned m = (unsigned)month, d = (unsigned)day;
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

void civil_date(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* Exactly n digits at s into *v. */
static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

int civil_days_in_month(int y, int m)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return mdays[m - 1] + (m == 2 && leap);
}

static bool valid_date(int y, int m, int d)
{
    return y >= 1970 && d >= 1 && d <= civil_days_in_month(y, m);
}

int civil_parse_date(const char *s, long long *days)
{
    int y, m, d;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
        !digits(s + 8, 2, &d) || !valid_date(y, m, d))
        return 0;
    *days = civil_days(y, m, d);
    return 10;
}

int civil_parse_clock(const char *s, bool need_seconds, long long *secs)
{
    int h, mi, sec = 0, n = 5;
    if (!digits(s, 2, &h) || s[2] != ':' || !digits(s + 3, 2, &mi) || h > 23 || mi > 59)
        return 0;
    if (s[5] == ':') {
        if (!digits(s + 6, 2, &sec) || sec > 60)
            return 0;
        n = 8;
    } else if (need_seconds) {
        return 0;
    }
    *secs = h * 3600LL + mi * 60LL + sec;
    return n;
}

bool civil_parse_stamp(const char *s, long long *local_s, long long *abs_s)
{
    long long days, secs;
    int n = civil_parse_date(s, &days);
    if (!n || s[n] != 'T')
        return false;
    int c = civil_parse_clock(s + n + 1, true, &secs);
    if (!c)
        return false;
    const char *z = s + n + 1 + c;
    long long offset_s = 0;
    if (z[0] == 'Z' && z[1] == '\0') {
        offset_s = 0;
    } else if ((z[0] == '+' || z[0] == '-') && z[3] == ':' && z[6] == '\0') {
        int oh, om;
        if (!digits(z + 1, 2, &oh) || !digits(z + 4, 2, &om) || oh > 23 || om > 59)
            return false;
        offset_s = (oh * 3600LL + om * 60LL) * (z[0] == '-' ? -1 : 1);
    } else {
        return false;
    }
    *local_s = days * 86400 + secs;
    *abs_s = *local_s - offset_s;
    return true;
}

long long civil_floor_div(long long a, long long b)
{
    return a / b - (a % b != 0 && a < 0);
}

int civil_weekday(long long days)
{
    /* 1970-01-01 was a Thursday: weekday 3 counting from Monday. */
    return (int)(days + 3 - civil_floor_div(days + 3, 7) * 7);
}
