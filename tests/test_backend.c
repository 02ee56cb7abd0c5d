/* Renderer choice: which GL_RENDERER strings are software rasterisers. */
#include "backend.h"
#include "check.h"

static const struct {
    const char *gl_renderer;
    bool software;
} rows[] = {
    {"llvmpipe (LLVM 15.0.6, 256 bits)", true},
    {"softpipe", true},
    {"Software Rasterizer", true},
    {"Mesa X11 swrast", true},
    {"GDI Generic", true},
    {"Mesa Intel(R) UHD Graphics 620 (KBL GT2)", false},
    {"AMD Radeon Graphics (renoir, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)", false},
    {"V3D 4.2", false},
    {"", false},
    {NULL, false},
};

int main(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        CHECK(backend_gl_is_software(rows[i].gl_renderer) == rows[i].software,
              "row %zu \"%s\": expected %s", i, rows[i].gl_renderer ? rows[i].gl_renderer : "(null)",
              rows[i].software ? "software" : "hardware");
    return check_done();
}
