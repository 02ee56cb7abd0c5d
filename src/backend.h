/* backend — which of SDL's renderers the live show draws with.
 *
 * By measurement, not by name: on this kind of machine (2 cores, no GPU
 * driver) SDL's OpenGL renderer runs on Mesa's llvmpipe, whose threads spent
 * 14.8 of the 15.1 s CPU of a demo loop, while SDL's software renderer on the
 * window surface draws the same frames for a fraction and can present only
 * the rectangles that changed (docs/performance.md). So: a real GPU when
 * there is one; the software renderer when the only OpenGL is a software
 * rasteriser. Pure. */
#ifndef KIOSK_BACKEND_H
#define KIOSK_BACKEND_H

#include <stdbool.h>

/* True for the GL_RENDERER strings of software rasterisers (Mesa's llvmpipe,
 * softpipe, swrast, the Microsoft GDI one); false for NULL (not OpenGL). */
bool backend_gl_is_software(const char *gl_renderer);

#endif
