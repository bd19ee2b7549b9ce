/*
 * view.c - what the views share besides the contract in view.h.
 */
#include "view.h"

struct render_opts
view_ropts(const struct view_env *env, int width)
{
	struct render_opts o;

	o.width = width < 1 ? 1 : width;
	o.ambiguous = env->ambiguous == 2 ? 2 : 1;
	o.ascii = env->ascii;
	o.del_marks = env->del_marks;
	return o;
}
