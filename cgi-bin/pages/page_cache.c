/* The per-worker cache of rendered page parts (pages/page_cache.h). */
#include <string.h>
#include "pages/page_cache.h"

static struct slot {
	char		 key[PAGE_CACHE_KEY];	/* "" when free */
	int64_t		 version;
	uint64_t	 used;			/* clock of the last use */
	struct buf	 html;
} slots[PAGE_CACHE_SLOTS];
static uint64_t clock_now;

static struct slot *
find(const char *key)
{
	for (size_t i = 0; i < PAGE_CACHE_SLOTS; i++)
		if (slots[i].key[0] != '\0' && strcmp(slots[i].key, key) == 0)
			return &slots[i];
	return NULL;
}

const struct buf *
page_cache_get(const char *key, int64_t version)
{
	struct slot *s = find(key);

	if (s == NULL || s->version != version)
		return NULL;
	s->used = ++clock_now;
	return &s->html;
}

void
page_cache_put(const char *key, int64_t version, const struct buf *html)
{
	struct slot *s = find(key);

	if (strlen(key) >= PAGE_CACHE_KEY || html->len > PAGE_CACHE_MAX)
		return;
	if (s == NULL) {
		s = &slots[0];
		for (size_t i = 0; i < PAGE_CACHE_SLOTS && s->key[0] != '\0'; i++)
			if (slots[i].key[0] == '\0' || slots[i].used < s->used)
				s = &slots[i];
	}
	buf_reset(&s->html);
	if (buf_put(&s->html, html->p, html->len) != 0) {
		s->key[0] = '\0';
		return;
	}
	memcpy(s->key, key, strlen(key) + 1);
	s->version = version;
	s->used = ++clock_now;
}

void
page_cache_clear(void)
{
	for (size_t i = 0; i < PAGE_CACHE_SLOTS; i++) {
		buf_free(&slots[i].html);
		slots[i].key[0] = '\0';
	}
}
