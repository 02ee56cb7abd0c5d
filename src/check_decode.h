/* check_decode — what --check learns only by decoding, as the show would:
 * every picture a deck names, decoded whole with the deck's pixel limit
 * (a file cut short, a bad checksum or data no decoder takes is an error at
 * the field that names it), and deck fonts FreeType refuses although their
 * header looks right (a warning: the shipped font stands in). */
#ifndef KIOSK_CHECK_DECODE_H
#define KIOSK_CHECK_DECODE_H

#include "deck.h"
#include "diag.h"
#include "fonts.h"

/* Decodes each picture of each playable slide once (a file named by many
 * slides is decoded once and reported at each). A field that already has a
 * diagnostic at its position is not decoded again. */
void check_decode_pictures(const deck *d, diag_list *diags);

/* Reports what fonts_new replaced in fs, at theme.font / theme.font_bold. */
void check_decode_fonts(const deck *d, const font_set *fs, diag_list *diags);

#endif
