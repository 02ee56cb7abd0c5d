#include "compositor.h"

#include <math.h>

static compose_copy whole(compose_layer layer, double x, double y, double w, double h, double alpha)
{
    return (compose_copy){.layer = layer, .whole = true, .x = (float)x, .y = (float)y,
                          .w = (float)w, .h = (float)h, .alpha = alpha};
}

size_t compositor_plan(transition_type type, double progress, int direction, int out_w, int out_h,
                       compose_copy out[COMPOSE_MAX_COPIES])
{
    double p = fmax(0, fmin(1, progress));
    float W = (float)out_w, H = (float)out_h;
    int dir = direction < 0 ? -1 : 1;
    switch (type) {
    case TRANSITION_PUSH:
        out[0] = whole(COMPOSE_FROM, (float)(-dir * p * W), 0, W, H, 1);
        out[1] = whole(COMPOSE_TO, (float)(dir * (1 - p) * W), 0, W, H, 1);
        return 2;
    case TRANSITION_WIPE: {
        /* The new slide is uncovered from the side it comes from. */
        int edge = (int)lround(p * W);
        out[0] = whole(COMPOSE_FROM, 0, 0, W, H, 1);
        if (edge <= 0)
            return 1;
        int sx = dir > 0 ? out_w - edge : 0;
        out[1] = (compose_copy){.layer = COMPOSE_TO, .src_x = sx, .src_y = 0, .src_w = edge,
                                .src_h = out_h, .x = (float)sx, .y = 0, .w = (float)edge, .h = H,
                                .alpha = 1};
        return 2;
    }
    case TRANSITION_ZOOM: {
        /* The outgoing slide grows a little; the incoming one grows from 92 %
         * and fades in over it. */
        double sa = 1 + 0.08 * p, sb = 0.92 + 0.08 * p;
        out[0] = whole(COMPOSE_FROM, (float)(W * (1 - sa) / 2), (float)(H * (1 - sa) / 2),
                       (float)(W * sa), (float)(H * sa), 1);
        out[1] = whole(COMPOSE_TO, (float)(W * (1 - sb) / 2), (float)(H * (1 - sb) / 2),
                       (float)(W * sb), (float)(H * sb), p);
        return 2;
    }
    case TRANSITION_NONE:
    case TRANSITION_FADE:
    default:
        out[0] = whole(COMPOSE_FROM, 0, 0, W, H, 1);
        out[1] = whole(COMPOSE_TO, 0, 0, W, H, type == TRANSITION_NONE ? 1 : p);
        return 2;
    }
}
