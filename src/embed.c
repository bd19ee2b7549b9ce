/* embed.c - look-up of the files compiled into the binary; see embed.h. */
#include "embed.h"

#include <string.h>

const struct embed_file *
embed_find(const char *name)
{
	const struct embed_file *f;

	for (f = embed_files; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}
