/*
 * Rendered parts of pages, kept by each worker and reused while the data they show keeps the
 * same version (store_desk_version: a number triggers change with the data, read in the same
 * read transaction as the data). The key names what was rendered and from which inputs; a part
 * is used only for its key at the version it was made at, so nothing is ever stale.
 */
#ifndef PAGES_PAGE_CACHE_H
#define PAGES_PAGE_CACHE_H

#include <stdint.h>
#include "util/buf.h"

#define PAGE_CACHE_SLOTS	32		/* per worker, least recently used goes first */
#define PAGE_CACHE_KEY		256		/* bytes of a key at most, NUL included */
#define PAGE_CACHE_MAX		(256 * 1024)	/* a larger part is not kept */

/* The part rendered for key at version, or NULL (then render it and page_cache_put it). */
const struct buf *page_cache_get(const char *key, int64_t version);
/* Keep a copy of html as key's part at version; a key that does not fit is not kept. */
void	page_cache_put(const char *key, int64_t version, const struct buf *html);
/* Forget every part (tests). */
void	page_cache_clear(void);

#endif /* PAGES_PAGE_CACHE_H */
