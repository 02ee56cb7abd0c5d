/* civil — calendar arithmetic and the date and time formats kiosk reads:
 * "YYYY-MM-DD", "HH:MM[:SS]" and the play log's ISO 8601 stamps with an
 * offset ("2026-06-01T09:30:12+08:00"). Local wall-clock times are counted
 * as seconds since 1970-01-01 00:00 on that wall clock, so no time zone
 * database is involved. Pure. */
#ifndef KIOSK_CIVIL_H
#define KIOSK_CIVIL_H

#include <stdbool.h>

/* Days since 1970-01-01 of a date in the proleptic Gregorian calendar, and
 * back. */
long long civil_days(int year, int month, int day);
void civil_date(long long days, int *year, int *month, int *day);

/* "YYYY-MM-DD" at the start of s (a real date, year >= 1970): returns the
 * characters read (10) and sets *days, or returns 0. */
int civil_parse_date(const char *s, long long *days);

/* "HH:MM", or "HH:MM:SS", at the start of s: returns the characters read and
 * sets *seconds since midnight, or returns 0. need_seconds refuses "HH:MM". */
int civil_parse_clock(const char *s, bool need_seconds, long long *seconds);

/* A whole ISO 8601 stamp "YYYY-MM-DDTHH:MM:SS" with "+HH:MM", "-HH:MM" or
 * "Z": the local wall-clock seconds it names and the absolute seconds since
 * the epoch. False when s is anything else. */
bool civil_parse_stamp(const char *s, long long *local_s, long long *abs_s);

/* The weekday of a day since 1970-01-01: 0 Monday .. 6 Sunday. */
int civil_weekday(long long days);

/* Days in a month of a year (1..12), 0 for no such month. */
int civil_days_in_month(int year, int month);

/* a / b rounded toward minus infinity (b > 0). */
long long civil_floor_div(long long a, long long b);

#endif
