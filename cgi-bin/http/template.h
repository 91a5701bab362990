/*
 * Templates: HTML files parsed once at start-up into trees, rendered
 * from a jansson value built by the handler.
 *
 *   {{name}}  {{a.b}}     value, HTML-escaped (strings; integers and
 *                         reals as decimals; true/false; null and
 *                         missing print nothing)
 *   {{url name}}          value percent-encoded for a URL query component
 *   {{{name}}}            value unescaped: only for trusted, ready HTML
 *   {{.}}                 the current element inside {{#each}}
 *   {{@index}} {{@number}} 0- and 1-based position inside {{#each}};
 *                         {{@first}} {{@last}} are true/false
 *   {{#each list}}..{{else}}..{{/each}}   else: empty or not an array
 *   {{#if x}}..{{else}}..{{/if}}   {{#unless x}}..{{else}}..{{/unless}}
 *                         false: missing, null, false, "", 0, [], {}
 *   {{> partial}}         another template, with the current scope
 *   {{! comment }}  {{!-- comment with }} inside --}}
 *   {{! layout: NAME }}   as the very first tag of a page: the page is
 *                         rendered into NAME, which places it with
 *                         {{@content}}
 *
 * A name is looked up in the innermost scope first (the element of the
 * innermost {{#each}}), then outwards to the top-level object, so
 * {{csrf}} works inside a loop. Dotted parts after the first descend
 * into objects (or arrays by number).
 *
 * A loaded set is read-only: rendering from several threads at once is
 * safe as long as the data is not changed meanwhile.
 */
#ifndef HTTP_TEMPLATE_H
#define HTTP_TEMPLATE_H

#include <stddef.h>
#include <jansson.h>

struct buf;
struct tmpl_set;

struct tmpl_src {
	const char	*name;	/* template name, e.g. "leerling" */
	const char	*file;	/* for error messages, e.g. "leerling.html" */
	const char	*text;
	size_t		 len;
};

/*
 * Load every *.html file of dir; the name of a template is its file name
 * without ".html". NULL on error, with a message "file:line: what" in err.
 * References to partials and layouts are checked here.
 */
struct tmpl_set	*tmpl_load_dir(const char *dir, char *err, size_t errsz);

/* The same from memory (tests, fuzzing); the texts are copied. */
struct tmpl_set	*tmpl_load_mem(const struct tmpl_src *, size_t n,
		    char *err, size_t errsz);

/*
 * Append the rendering of the named template to out. -1 if the output would pass 16 MiB,
 * there is no
 * such template, partials nest deeper than 16 or memory runs out; out is
 * then as before the call.
 */
int		 tmpl_render(const struct tmpl_set *, const char *name,
		    const json_t *data, struct buf *out);

int		 tmpl_has(const struct tmpl_set *, const char *name);
void		 tmpl_free(struct tmpl_set *);

#endif /* HTTP_TEMPLATE_H */
