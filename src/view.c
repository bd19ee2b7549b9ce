/*
 * view.c - what the views share besides the contract in view.h.
 */
#include "view.h"

struct render_opts
view_ropts(const struct view_env *env, int width)
{
	struct render_opts o = {0};

	if (env->max_width > 0 && width > env->max_width)
		width = env->max_width;
	o.width = width < 1 ? 1 : width;
	o.ambiguous = env->ambiguous == 2 ? 2 : 1;
	o.ascii = env->ascii;
	/* A screen never shows more than a few hundred lines of an answer
	 * at once: laying out a pathological one whole (1.2 MB of rules,
	 * a 5 MB word at width 1) took minutes and gigabytes. */
	o.max_lines = VIEW_MAX_LINES;
	o.del_marks = env->del_marks;
	return o;
}
