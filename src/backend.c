#include "backend.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == needle[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

bool backend_gl_is_software(const char *gl_renderer)
{
    static const char *const software[] = {"llvmpipe", "softpipe", "swrast",
                                           "software rasterizer", "gdi generic"};
    if (!gl_renderer)
        return false;
    for (size_t i = 0; i < sizeof software / sizeof software[0]; i++)
        if (contains_nocase(gl_renderer, software[i]))
            return true;
    return false;
}
