/* frame_status — what drawing a frame (or one box of it) found out about
 * the next one: whether anything in it changes with time, and whether a
 * picture in it is still being decoded. Returned by the drawing functions
 * and combined upward, from a box to its slide to the frame, so no drawing
 * call keeps hidden state about motion. A place to add where the frame
 * changed (the rectangles of moving boxes) when frames are drawn in part.
 * Pure. */
#ifndef KIOSK_FRAME_STATUS_H
#define KIOSK_FRAME_STATUS_H

#include <stdbool.h>

typedef struct {
    bool moving;   /* a transition, a counting figure, a fading badge, a drift */
    bool decoding; /* a picture still decoding: it appears in a later frame */
} frame_status;

/* Both statuses in one: what either frame part reported. */
static inline frame_status frame_status_join(frame_status a, frame_status b)
{
    return (frame_status){a.moving || b.moving, a.decoding || b.decoding};
}

/* True when the picture will change without any input: draw again soon. */
static inline bool frame_status_changing(frame_status s)
{
    return s.moving || s.decoding;
}

#endif
