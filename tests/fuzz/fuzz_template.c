/*
 * libFuzzer: the template parser and renderer. The input is a template
 * "t"; after a NUL byte, if any, the JSON data to render it with. A
 * partial "p" and a layout "l" are loaded beside it.
 */
#include <stdint.h>
#include <string.h>

#include <jansson.h>

#include "util/buf.h"
#include "http/template.h"

static const char data_default[] =
    "{\"a\":\"<x>&'\\\"\",\"n\":42,\"r\":1.5,\"t\":true,\"f\":false,"
    "\"z\":null,\"l\":[{\"a\":1},\"s\",[2],{}],\"o\":{\"b\":{\"c\":\"d\"}}}";

static const char partial[] = "[{{a}}{{#each l}}{{.}}{{/each}}]";
static const char layout[] = "<{{@content}}>";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*nul;
	size_t		 tlen;
	struct tmpl_src	 src[3];
	struct tmpl_set	*set;
	struct buf	 out = BUF_INIT;
	json_t		*d;
	char		 err[256];

	nul = memchr(data, '\0', size);
	tlen = nul ? (size_t)(nul - data) : size;
	src[0] = (struct tmpl_src){ "t", "t.html", (const char *)data, tlen };
	src[1] = (struct tmpl_src){ "p", "p.html", partial, strlen(partial) };
	src[2] = (struct tmpl_src){ "l", "l.html", layout, strlen(layout) };
	if ((set = tmpl_load_mem(src, 3, err, sizeof(err))) == NULL) {
		if (err[0] == '\0')
			__builtin_trap();
		return 0;
	}
	if (nul != NULL)
		d = json_loadb((const char *)nul + 1, size - tlen - 1,
		    JSON_DECODE_ANY, NULL);
	else
		d = json_loads(data_default, 0, NULL);
	if (tmpl_render(set, "t", d, &out) == 0 && out.p != NULL &&
	    out.p[out.len] != '\0')
		__builtin_trap();
	buf_free(&out);
	json_decref(d);
	tmpl_free(set);
	return 0;
}
