/*
 * doc.c - the document model: its arrays (grown through docload.h by the
 * loader, which calls down into here and never the other way), and
 * doc_finish() (unique ids, the id table, references, #id links).
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "docload.h"
#include "xalloc.h"

struct doc_link {
	uint32_t coll, line, col;
	const char *href;
};

struct doc_anchor {
	const char *id;
	uint32_t target; /* k as in the id table: an entry, else a section */
};

struct doc_priv {
	size_t colls_cap, secs_cap, entries_cap;
	uint8_t *entry_explicit, *sec_explicit;
	void **owned;
	size_t nowned, owned_cap;
	struct doc_link *links;
	size_t nlinks, links_cap;
	struct doc_anchor *anchors;
	size_t nanchors, anchors_cap;
	/* id table: open addressing; 0 empty, else 1 + k where k <
	 * nentries is an entry, k - nentries < nsecs a section, and the
	 * rest an anchor (k - nentries - nsecs) */
	uint32_t *slots;
	uint32_t *hashes;      /* per slot: the id's hash, to skip strcmp */
	uint32_t *next_suffix; /* per slot: where "-N" numbering goes on */
	size_t nslots;
	int finished;
};

#define PRIV(d) ((struct doc_priv *)(d)->priv)

struct doc *
doc_new(void)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->arena = arena_new();
	if (d->arena == NULL)
		d->arena = arena_new(); /* aborts via xalloc if still none */
	d->priv = xcalloc(1, sizeof(struct doc_priv));
	return d;
}

void
doc_free(struct doc *d)
{
	struct doc_priv *pv;
	size_t i;

	if (d == NULL)
		return;
	pv = PRIV(d);
	for (i = 0; i < pv->nowned; i++)
		free(pv->owned[i]);
	free(pv->owned);
	free(pv->entry_explicit);
	free(pv->sec_explicit);
	free(pv->links);
	free(pv->anchors);
	free(pv->slots);
	free(pv->hashes);
	free(pv->next_suffix);
	free(pv);
	free(d->colls);
	free(d->secs);
	free(d->entries);
	arena_free(d->arena);
	free(d);
}

/* Loader internals (docload.h) ------------------------------------------- */

static size_t
grow_cap(size_t cap, size_t need)
{
	while (cap < need)
		cap = cap ? cap + cap / 2 : 16;
	return cap;
}

uint32_t
docload_add_collection(struct doc *d)
{
	struct doc_priv *pv = PRIV(d);

	if (d->ncolls == pv->colls_cap) {
		pv->colls_cap = grow_cap(pv->colls_cap, d->ncolls + 1);
		d->colls =
		    xreallocarray(d->colls, pv->colls_cap, sizeof *d->colls);
	}
	memset(&d->colls[d->ncolls], 0, sizeof *d->colls);
	return (uint32_t)d->ncolls++;
}

uint32_t
docload_add_section(struct doc *d, int explicit_id)
{
	struct doc_priv *pv = PRIV(d);

	if (d->nsecs == pv->secs_cap) {
		pv->secs_cap = grow_cap(pv->secs_cap, d->nsecs + 1);
		d->secs = xreallocarray(d->secs, pv->secs_cap, sizeof *d->secs);
		pv->sec_explicit = xrealloc(pv->sec_explicit, pv->secs_cap);
	}
	memset(&d->secs[d->nsecs], 0, sizeof *d->secs);
	pv->sec_explicit[d->nsecs] = explicit_id != 0;
	return (uint32_t)d->nsecs++;
}

void
docload_drop_section(struct doc *d)
{
	if (d->nsecs > 0)
		d->nsecs--;
}

uint32_t
docload_add_entry(struct doc *d, int explicit_id)
{
	struct doc_priv *pv = PRIV(d);

	if (d->nentries == pv->entries_cap) {
		pv->entries_cap = grow_cap(pv->entries_cap, d->nentries + 1);
		d->entries = xreallocarray(
		    d->entries, pv->entries_cap, sizeof *d->entries);
		pv->entry_explicit =
		    xrealloc(pv->entry_explicit, pv->entries_cap);
	}
	memset(&d->entries[d->nentries], 0, sizeof *d->entries);
	d->entries[d->nentries].ref = -1;
	pv->entry_explicit[d->nentries] = explicit_id != 0;
	return (uint32_t)d->nentries++;
}

void
docload_add_link(
    struct doc *d, uint32_t coll, uint32_t line, uint32_t col, const char *href)
{
	struct doc_priv *pv = PRIV(d);

	if (pv->nlinks == pv->links_cap) {
		pv->links_cap = grow_cap(pv->links_cap, pv->nlinks + 1);
		pv->links =
		    xreallocarray(pv->links, pv->links_cap, sizeof *pv->links);
	}
	pv->links[pv->nlinks].coll = coll;
	pv->links[pv->nlinks].line = line;
	pv->links[pv->nlinks].col = col;
	pv->links[pv->nlinks].href = href;
	pv->nlinks++;
}

void
docload_add_anchor(
    struct doc *d, const char *id, int is_section, uint32_t index)
{
	struct doc_priv *pv = PRIV(d);

	if (id == NULL || id[0] == '\0')
		return;
	if (pv->nanchors == pv->anchors_cap) {
		pv->anchors_cap = grow_cap(pv->anchors_cap, pv->nanchors + 1);
		pv->anchors = xreallocarray(
		    pv->anchors, pv->anchors_cap, sizeof *pv->anchors);
	}
	pv->anchors[pv->nanchors].id = id;
	/* sections are numbered after the entries only once all are in:
	 * kept apart until then (see ids_build) */
	pv->anchors[pv->nanchors].target =
	    is_section ? (index | 0x80000000u) : index;
	pv->nanchors++;
}

void
docload_own(struct doc *d, void *p)
{
	struct doc_priv *pv = PRIV(d);

	if (pv->nowned == pv->owned_cap) {
		pv->owned_cap = grow_cap(pv->owned_cap, pv->nowned + 1);
		pv->owned =
		    xreallocarray(pv->owned, pv->owned_cap, sizeof *pv->owned);
	}
	pv->owned[pv->nowned++] = p;
}

/* The id table ----------------------------------------------------------- */

static uint32_t
id_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *
slot_id(const struct doc *d, uint32_t v)
{
	uint32_t k = v - 1;

	if (k < d->nentries)
		return d->entries[k].id;
	if (k - d->nentries < d->nsecs)
		return d->secs[k - d->nentries].id;
	return PRIV(d)->anchors[k - d->nentries - d->nsecs].id;
}

/* The slot holding id, or the empty slot where it would go. */
static size_t
id_slot(const struct doc *d, const char *id)
{
	const struct doc_priv *pv = PRIV(d);
	uint32_t h = id_hash(id);
	size_t mask = pv->nslots - 1, i = h & mask;

	while (
	    pv->slots[i] != 0 &&
	    (pv->hashes[i] != h || strcmp(slot_id(d, pv->slots[i]), id) != 0))
		i = (i + 1) & mask;
	return i;
}

static const char *
owner_file(const struct doc *d, uint32_t sec)
{
	return d->colls[d->secs[sec].collection].path;
}

/*
 * Puts item k (an entry, or a section when k >= nentries) into the table
 * under its id, renaming it id-1, id-2, ... when the id is taken.
 */
static void
id_insert(struct doc *d, uint32_t k, struct diag_list *diags)
{
	struct doc_priv *pv = PRIV(d);
	const char **idp;
	const char *base;
	uint32_t line, col, sec;
	size_t i, bi;
	char *id;
	uint32_t nsuf;

	if (k < d->nentries) {
		idp = &d->entries[k].id;
		line = d->entries[k].line;
		col = d->entries[k].col;
		sec = d->entries[k].section;
	} else {
		idp = &d->secs[k - d->nentries].id;
		sec = k - (uint32_t)d->nentries;
		line = d->secs[sec].line;
		col = 1;
	}
	if (*idp == NULL || (*idp)[0] == '\0')
		*idp = k < d->nentries ? "entry" : "section";
	base = *idp;
	i = id_slot(d, base);
	if (pv->slots[i] != 0) {
		/* taken: number on from where this base left off, so that
		 * 100 000 equal questions stay linear */
		bi = i;
		nsuf = pv->next_suffix[bi] ? pv->next_suffix[bi] : 1;
		for (;; nsuf++) {
			id = xasprintf("%s-%u", base, nsuf);
			i = id_slot(d, id);
			if (pv->slots[i] == 0)
				break;
			free(id);
		}
		pv->next_suffix[bi] = nsuf + 1;
		*idp = arena_strndup(d->arena, id, strlen(id));
		free(id);
		diag_add(diags, owner_file(d, sec), line, col, DIAG_WARNING,
		    "duplicate id '%s' renamed to '%s'", base, *idp);
	}
	pv->slots[i] = k + 1;
	pv->hashes[i] = id_hash(*idp);
}

static void
ids_build(struct doc *d, struct diag_list *diags)
{
	struct doc_priv *pv = PRIV(d);
	size_t total = d->nentries + d->nsecs + pv->nanchors, n = 64, k;
	int pass;

	while (n < 2 * total + 16)
		n *= 2;
	pv->nslots = n;
	pv->slots = xcalloc(n, sizeof *pv->slots);
	pv->hashes = xcalloc(n, sizeof *pv->hashes);
	pv->next_suffix = xcalloc(n, sizeof *pv->next_suffix);
	/* {#id} first, so that a written id keeps its name and links to it
	 * work even when a slug elsewhere came out the same */
	for (pass = 1; pass >= 0; pass--) {
		for (k = 0; k < d->nentries; k++)
			if (pv->entry_explicit[k] == pass)
				id_insert(d, (uint32_t)k, diags);
		for (k = 0; k < d->nsecs; k++)
			if (pv->sec_explicit[k] == pass)
				id_insert(
				    d, (uint32_t)(d->nentries + k), diags);
	}
	/* anchors last, and only where no entry or section has the id */
	for (k = 0; k < pv->nanchors; k++) {
		struct doc_anchor *a = &pv->anchors[k];
		size_t i = id_slot(d, a->id);

		if (a->target & 0x80000000u)
			a->target = (uint32_t)d->nentries +
			            (a->target & 0x7fffffffu);
		if (pv->slots[i] != 0 || a->target >= d->nentries + d->nsecs)
			continue;
		pv->slots[i] = (uint32_t)(d->nentries + d->nsecs + k + 1);
		pv->hashes[i] = id_hash(a->id);
	}
}

/* An anchor's slot value as its target's (v as in the id table). */
static uint32_t
slot_target(const struct doc *d, uint32_t v)
{
	if (v == 0 || v - 1 < d->nentries + d->nsecs)
		return v;
	return PRIV(d)->anchors[v - 1 - d->nentries - d->nsecs].target + 1;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 1 + index of the item with id (percent-decoded if needed), else 0. */
static uint32_t
id_find(const struct doc *d, const char *id)
{
	const struct doc_priv *pv = PRIV(d);
	uint32_t v;
	char *dec;
	size_t i, k;

	if (pv->slots == NULL || id == NULL)
		return 0;
	v = pv->slots[id_slot(d, id)];
	if (v != 0 || strchr(id, '%') == NULL)
		return slot_target(d, v);
	dec = xmalloc(strlen(id) + 1);
	for (i = k = 0; id[i]; i++) {
		if (id[i] == '%' && hexval(id[i + 1]) >= 0 &&
		    hexval(id[i + 2]) >= 0) {
			dec[k++] =
			    (char)(hexval(id[i + 1]) * 16 + hexval(id[i + 2]));
			i += 2;
		} else {
			dec[k++] = id[i];
		}
	}
	dec[k] = '\0';
	v = pv->slots[id_slot(d, dec)];
	free(dec);
	return slot_target(d, v);
}

const struct entry *
doc_entry_by_id(const struct doc *d, const char *id)
{
	uint32_t v = id_find(d, id);

	return v != 0 && v - 1 < d->nentries ? &d->entries[v - 1] : NULL;
}

const struct section *
doc_section_by_id(const struct doc *d, const char *id)
{
	uint32_t v = id_find(d, id);

	return v != 0 && v - 1 >= d->nentries ? &d->secs[v - 1 - d->nentries]
	                                      : NULL;
}

const struct entry *
doc_entry_answer(const struct doc *d, const struct entry *e)
{
	return e->ref >= 0 ? &d->entries[e->ref] : e;
}

/* References ------------------------------------------------------------- */

static int
all_space(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
			return 0;
	return 1;
}

/* The "#id" that e's answer consists of, or NULL. */
static const char *
reference_href(const struct entry *e)
{
	const struct block *b = e->blocks;
	const char *href = NULL;
	size_t i;
	int links = 0, in_link = 0;

	if (e->nblocks != 1 || b->kind != BLOCK_PARA)
		return NULL;
	for (i = 0; i < b->nspans; i++) {
		const struct span *s = &b->spans[i];

		if (s->style & STYLE_LINK) {
			if (!in_link) {
				if (++links > 1)
					return NULL;
				href = s->href;
				in_link = 1;
			} else if (s->href != href) {
				return NULL;
			}
			continue;
		}
		in_link = 0;
		if (s->kind == SPAN_TEXT &&
		    !all_space(e->text + s->off, s->len))
			return NULL;
	}
	return href != NULL && href[0] == '#' ? href : NULL;
}

static void
refs_resolve(struct doc *d, struct diag_list *diags)
{
	size_t n = d->nentries, i, j, k, len;
	int32_t *direct = xreallocarray(NULL, n ? n : 1, sizeof *direct);
	uint8_t *state = xcalloc(n ? n : 1, 1); /* 0 new, 1 on path, 2 done */
	size_t *path = xreallocarray(NULL, n ? n : 1, sizeof *path);
	const struct entry *t;
	const char *href;
	int32_t final;

	for (i = 0; i < n; i++) {
		direct[i] = -1;
		href = reference_href(&d->entries[i]);
		if (href == NULL)
			continue;
		t = doc_entry_by_id(d, href + 1);
		if (t != NULL)
			direct[i] = (int32_t)(t - d->entries);
		/* a missing target is reported with the other links */
	}
	for (i = 0; i < n; i++) {
		if (state[i] == 2)
			continue;
		len = 0;
		j = i;
		while (state[j] == 0 && direct[j] >= 0) {
			state[j] = 1;
			path[len++] = j;
			j = (size_t)direct[j];
		}
		if (state[j] == 1) {
			final = -1; /* a cycle back into this path */
			for (k = 0; k < len; k++) {
				const struct entry *e = &d->entries[path[k]];

				diag_add(diags, owner_file(d, e->section),
				    e->line, e->col, DIAG_ERROR,
				    "reference cycle: '%s' never reaches "
				    "an answer",
				    e->id);
			}
		} else if (state[j] == 2) {
			final = d->entries[j].ref;
			if (final < 0 && direct[j] < 0)
				final = (int32_t)j;
		} else {
			final = (int32_t)j; /* an ordinary answer */
		}
		for (k = 0; k < len; k++) {
			state[path[k]] = 2;
			d->entries[path[k]].ref = final;
		}
		if (state[j] == 0) {
			state[j] = 2;
			d->entries[j].ref = -1;
		}
	}
	free(direct);
	free(state);
	free(path);
}

static void
links_check(struct doc *d, struct diag_list *diags)
{
	struct doc_priv *pv = PRIV(d);
	size_t i;

	for (i = 0; i < pv->nlinks; i++) {
		const struct doc_link *l = &pv->links[i];

		if (id_find(d, l->href + 1) == 0)
			diag_add(diags, d->colls[l->coll].path, l->line, l->col,
			    DIAG_ERROR, "link to missing id '%s'", l->href);
	}
}

void
doc_finish(struct doc *d, struct diag_list *diags)
{
	struct doc_priv *pv = PRIV(d);

	if (pv->finished)
		return;
	pv->finished = 1;
	ids_build(d, diags);
	refs_resolve(d, diags);
	links_check(d, diags);
}
