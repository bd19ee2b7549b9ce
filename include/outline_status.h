/*
 * outline_status.h - the outline's status row (a second file of the
 * outline module): the left text is the filter or the key hints (in kiosk
 * mode only named keys, since every printable key searches), the right
 * the hit count or the position (the section's name and the question's
 * number n/N, as info shows it), both fitted to the width.
 */
#ifndef FAQ_OUTLINE_STATUS_H
#define FAQ_OUTLINE_STATUS_H

#include <stddef.h>

#include "view.h"

struct outline;

struct olink;

/* Fills st (malloc'd strings) for the outline's current state; links are
 * the n links on screen (outline_screen_links): the hints offer Tab only
 * when there are some, and a focused link says where it goes. */
void outline_status(const struct outline *o, struct view_status *st,
    const struct olink *links, size_t n);

#endif
