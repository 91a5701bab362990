/*
 * The template engine: see template.h for the language.
 * Sources are parsed once into trees of nodes whose text and names point
 * into the template's own copy of its source; rendering walks the tree
 * and allocates nothing but output.
 */
#if !defined(_DEFAULT_SOURCE) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L	/* strdup, strndup, dirent */
#endif

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util/buf.h"
#include "http/html.h"
#include "http/template.h"

#define NEST_MAX	32		/* sections within sections */
#define PARTIAL_MAX	16		/* partials within partials */
#define SEG_MAX		8		/* parts of a dotted name */
#define FILE_MAX	(1024 * 1024)	/* bytes of one template file */

enum ntype {
	NODE_TEXT,	/* literal text */
	NODE_VAR,	/* {{x}} */
	NODE_RAW,	/* {{{x}}} */
	NODE_URL,	/* {{url x}} */
	NODE_EACH,	/* {{#each x}} */
	NODE_IF,	/* {{#if x}} */
	NODE_UNLESS,	/* {{#unless x}} */
	NODE_PARTIAL,	/* {{> x}} */
	NODE_CONTENT,	/* {{@content}} */
	NODE__MAX
};

static const char *const sections[NODE__MAX] = {
	NULL,		/* NODE_TEXT */
	NULL,		/* NODE_VAR */
	NULL,		/* NODE_RAW */
	NULL,		/* NODE_URL */
	"each",		/* NODE_EACH */
	"if",		/* NODE_IF */
	"unless",	/* NODE_UNLESS */
	NULL,		/* NODE_PARTIAL */
	NULL,		/* NODE_CONTENT */
};

enum pkind {
	PATH_NAME,	/* a.b.c */
	PATH_DOT,	/* . */
	PATH_INDEX,	/* @index */
	PATH_NUMBER,	/* @number */
	PATH_FIRST,	/* @first */
	PATH_LAST,	/* @last */
	PATH_CONTENT,	/* @content */
	PATH__MAX
};

static const char *const pkinds[PATH__MAX] = {
	NULL,		/* PATH_NAME */
	".",		/* PATH_DOT */
	"@index",	/* PATH_INDEX */
	"@number",	/* PATH_NUMBER */
	"@first",	/* PATH_FIRST */
	"@last",	/* PATH_LAST */
	"@content",	/* PATH_CONTENT */
};

struct span {
	const char	*p;
	size_t		 n;
};

struct path {
	enum pkind	 kind;
	size_t		 nseg;
	struct span	 seg[SEG_MAX];
};

struct node;

struct nodes {
	struct node	*v;
	size_t		 n, cap;
};

struct node {
	enum ntype	 type;
	size_t		 line;
	struct span	 text;		/* NODE_TEXT; NODE_PARTIAL: its name */
	struct path	 path;
	struct nodes	 body;		/* sections */
	struct nodes	 alt;		/* sections: after {{else}} */
	size_t		 target;	/* NODE_PARTIAL: index in the set */
};

struct tmpl {
	char		*name;
	char		*file;
	char		*src;
	struct nodes	 root;
	struct span	 layout;	/* p == NULL: none */
	size_t		 layout_i;
};

struct tmpl_set {
	struct tmpl	*v;
	size_t		 n;
};

/* ---------------------------------------------------------------- */
/* Parsing                                                          */

struct parser {
	const char	*file;
	const char	*s, *end;
	size_t		 line;
	char		*err;
	size_t		 errsz;
};

enum stop {
	STOP_EOF,
	STOP_ELSE,
	STOP_CLOSE,
};

static void
seterr(char *err, size_t errsz, const char *file, size_t line,
    const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	if (err == NULL || errsz == 0)
		return;
	n = snprintf(err, errsz, "%s:%zu: ", file, line);
	if (n < 0 || (size_t)n >= errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err + n, errsz - (size_t)n, fmt, ap);
	va_end(ap);
}

static size_t
count_lines(const char *p, size_t n)
{
	size_t	 i, lines = 0;

	for (i = 0; i < n; i++)
		if (p[i] == '\n')
			lines++;
	return lines;
}

static const char *
find(const char *h, const char *end, const char *nd)
{
	size_t		 nn = strlen(nd);
	const char	*p;

	for (p = h; (size_t)(end - p) >= nn; p++) {
		if ((p = memchr(p, nd[0], (size_t)(end - p))) == NULL)
			return NULL;
		if ((size_t)(end - p) < nn)
			return NULL;
		if (memcmp(p, nd, nn) == 0)
			return p;
	}
	return NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
trim(struct span *s)
{
	while (s->n > 0 && is_space(s->p[0])) {
		s->p++;
		s->n--;
	}
	while (s->n > 0 && is_space(s->p[s->n - 1]))
		s->n--;
}

static int
span_eq(const struct span *s, const char *lit)
{
	return s->n == strlen(lit) && memcmp(s->p, lit, s->n) == 0;
}

/* Split off the first word of s into w; s keeps the trimmed rest. */
static void
word(struct span *s, struct span *w)
{
	size_t	 i;

	for (i = 0; i < s->n && !is_space(s->p[i]); i++)
		continue;
	w->p = s->p;
	w->n = i;
	s->p += i;
	s->n -= i;
	trim(s);
}

static int
is_namechar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static int
valid_tmpl_name(const struct span *s)
{
	size_t	 i;

	if (s->n == 0)
		return 0;
	for (i = 0; i < s->n; i++)
		if (!is_namechar(s->p[i]) && s->p[i] != '.')
			return 0;
	return 1;
}

static int
parse_path(const struct span *s, struct path *p)
{
	size_t	 i, start;
	int	 k;

	memset(p, 0, sizeof(*p));
	for (k = 0; k < PATH__MAX; k++)
		if (pkinds[k] != NULL && span_eq(s, pkinds[k])) {
			p->kind = (enum pkind)k;
			return 0;
		}
	p->kind = PATH_NAME;
	for (i = start = 0; i <= s->n; i++) {
		if (i < s->n && is_namechar(s->p[i]))
			continue;
		if (i < s->n && s->p[i] != '.')
			return -1;
		if (i == start || p->nseg == SEG_MAX)
			return -1;
		p->seg[p->nseg].p = s->p + start;
		p->seg[p->nseg++].n = i - start;
		start = i + 1;
	}
	return 0;
}

static int
nodes_push(struct nodes *l, const struct node *n)
{
	struct node	*nv;
	size_t		 ncap;

	if (l->n == l->cap) {
		ncap = l->cap ? l->cap * 2 : 8;
		if ((nv = realloc(l->v, ncap * sizeof(*nv))) == NULL)
			return -1;
		l->v = nv;
		l->cap = ncap;
	}
	l->v[l->n++] = *n;
	return 0;
}

static void
nodes_free(struct nodes *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		nodes_free(&l->v[i].body);
		nodes_free(&l->v[i].alt);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
only_space(const struct nodes *l)
{
	size_t	 i, k;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].type != NODE_TEXT)
			return 0;
		for (k = 0; k < l->v[i].text.n; k++)
			if (!is_space(l->v[i].text.p[k]))
				return 0;
	}
	return 1;
}

static int parse_list(struct parser *, struct tmpl *, struct nodes *,
    size_t depth, enum stop *, struct span *);

/* A comment; at the start of a page it may name the layout. */
static int
parse_comment(struct parser *P, struct tmpl *t, struct nodes *l,
    size_t depth, struct span c, size_t line)
{
	struct span	 w;

	c.p++;
	c.n--;
	trim(&c);
	if (c.n < 7 || memcmp(c.p, "layout:", 7) != 0)
		return 0;
	c.p += 7;
	c.n -= 7;
	trim(&c);
	if (depth > 0 || l != &t->root || !only_space(l) ||
	    t->layout.p != NULL) {
		seterr(P->err, P->errsz, P->file, line,
		    "a layout is named only in the first tag of a page");
		return -1;
	}
	word(&c, &w);
	if (!valid_tmpl_name(&w) || c.n > 0) {
		seterr(P->err, P->errsz, P->file, line, "bad layout name");
		return -1;
	}
	t->layout = w;
	/* The directive's line is not part of the page. */
	l->n = 0;
	if (P->end - P->s >= 1 && P->s[0] == '\n') {
		P->s++;
		P->line++;
	} else if (P->end - P->s >= 2 && P->s[0] == '\r' && P->s[1] == '\n') {
		P->s += 2;
		P->line++;
	}
	return 0;
}

static int
parse_section(struct parser *P, struct tmpl *t, struct nodes *l,
    size_t depth, struct span c, size_t line)
{
	struct node	 n;
	struct span	 kw, closer;
	enum stop	 why;
	int		 k;

	memset(&n, 0, sizeof(n));
	n.line = line;
	c.p++;
	c.n--;
	trim(&c);
	word(&c, &kw);
	for (k = 0; k < NODE__MAX; k++)
		if (sections[k] != NULL && span_eq(&kw, sections[k]))
			break;
	if (k == NODE__MAX) {
		seterr(P->err, P->errsz, P->file, line,
		    "unknown section {{#%.*s}}", (int)kw.n, kw.p);
		return -1;
	}
	n.type = (enum ntype)k;
	if (parse_path(&c, &n.path) == -1) {
		seterr(P->err, P->errsz, P->file, line,
		    "bad name in {{#%s}}", sections[k]);
		return -1;
	}
	if (depth + 1 >= NEST_MAX) {
		seterr(P->err, P->errsz, P->file, line,
		    "sections nested too deeply");
		return -1;
	}
	if (parse_list(P, t, &n.body, depth + 1, &why, &closer) == -1)
		goto fail;
	if (why == STOP_ELSE &&
	    parse_list(P, t, &n.alt, depth + 1, &why, &closer) == -1)
		goto fail;
	if (why == STOP_ELSE) {
		seterr(P->err, P->errsz, P->file, P->line,
		    "second {{else}} in {{#%s}} of line %zu",
		    sections[k], line);
		goto fail;
	}
	if (why == STOP_EOF) {
		seterr(P->err, P->errsz, P->file, P->line,
		    "{{#%s}} of line %zu is not closed", sections[k], line);
		goto fail;
	}
	if (!span_eq(&closer, sections[k])) {
		seterr(P->err, P->errsz, P->file, P->line,
		    "{{/%.*s}} closes {{#%s}} of line %zu",
		    (int)closer.n, closer.p, sections[k], line);
		goto fail;
	}
	if (nodes_push(l, &n) == -1) {
		seterr(P->err, P->errsz, P->file, line, "out of memory");
		goto fail;
	}
	return 0;
fail:
	nodes_free(&n.body);
	nodes_free(&n.alt);
	return -1;
}

/* One tag, c its content between the braces. */
static int
parse_tag(struct parser *P, struct tmpl *t, struct nodes *l, size_t depth,
    struct span c, int raw, size_t line, enum stop *why, struct span *closer)
{
	struct node	 n;
	struct span	 w, rest;

	memset(&n, 0, sizeof(n));
	n.line = line;
	trim(&c);
	if (raw) {
		if (parse_path(&c, &n.path) == -1) {
			seterr(P->err, P->errsz, P->file, line,
			    "bad name in {{{%.*s}}}", (int)c.n, c.p);
			return -1;
		}
		n.type = n.path.kind == PATH_CONTENT ? NODE_CONTENT : NODE_RAW;
		goto push;
	}
	if (c.n > 0 && c.p[0] == '!')
		return parse_comment(P, t, l, depth, c, line);
	if (c.n > 0 && c.p[0] == '#')
		return parse_section(P, t, l, depth, c, line);
	if (c.n > 0 && c.p[0] == '/') {
		c.p++;
		c.n--;
		trim(&c);
		if (depth == 0) {
			seterr(P->err, P->errsz, P->file, line,
			    "{{/%.*s}} without an opening tag",
			    (int)c.n, c.p);
			return -1;
		}
		*why = STOP_CLOSE;
		*closer = c;
		return 1;
	}
	if (span_eq(&c, "else")) {
		if (depth == 0) {
			seterr(P->err, P->errsz, P->file, line,
			    "{{else}} outside a section");
			return -1;
		}
		*why = STOP_ELSE;
		return 1;
	}
	if (c.n > 0 && c.p[0] == '>') {
		c.p++;
		c.n--;
		trim(&c);
		if (!valid_tmpl_name(&c)) {
			seterr(P->err, P->errsz, P->file, line,
			    "bad partial name in {{> %.*s}}", (int)c.n, c.p);
			return -1;
		}
		n.type = NODE_PARTIAL;
		n.text = c;
		goto push;
	}
	rest = c;
	word(&rest, &w);
	if (span_eq(&w, "url") && rest.n > 0) {
		n.type = NODE_URL;
		c = rest;
	} else
		n.type = NODE_VAR;
	if (parse_path(&c, &n.path) == -1) {
		seterr(P->err, P->errsz, P->file, line,
		    "bad tag {{%.*s}}", (int)c.n, c.p);
		return -1;
	}
	if (n.path.kind == PATH_CONTENT) {
		if (n.type == NODE_URL) {
			seterr(P->err, P->errsz, P->file, line,
			    "{{url @content}} makes no sense");
			return -1;
		}
		n.type = NODE_CONTENT;
	}
push:
	if (nodes_push(l, &n) == -1) {
		seterr(P->err, P->errsz, P->file, line, "out of memory");
		return -1;
	}
	return 0;
}

/*
 * Parse nodes into l until the end, an {{else}} or a closing tag
 * (reported in why and closer). Returns -1 on error.
 */
static int
parse_list(struct parser *P, struct tmpl *t, struct nodes *l, size_t depth,
    enum stop *why, struct span *closer)
{
	const char	*open, *close;
	struct span	 c;
	struct node	 n;
	size_t		 line, after;
	int		 raw, rc;

	for (;;) {
		if ((open = find(P->s, P->end, "{{")) == NULL)
			open = P->end;
		if (open > P->s) {
			memset(&n, 0, sizeof(n));
			n.type = NODE_TEXT;
			n.line = P->line;
			n.text.p = P->s;
			n.text.n = (size_t)(open - P->s);
			P->line += count_lines(P->s, n.text.n);
			if (nodes_push(l, &n) == -1) {
				seterr(P->err, P->errsz, P->file, n.line,
				    "out of memory");
				goto fail;
			}
		}
		P->s = open;
		if (open == P->end) {
			*why = STOP_EOF;
			return 0;
		}
		line = P->line;
		raw = 0;
		if (P->end - open >= 5 && memcmp(open, "{{!--", 5) == 0) {
			close = find(open + 5, P->end, "--}}");
			after = 4;
			c.p = open + 2;
			c.n = 1;	/* "!": the rest is comment */
		} else if (P->end - open >= 3 && open[2] == '{') {
			raw = 1;
			close = find(open + 3, P->end, "}}}");
			after = 3;
			c.p = open + 3;
			c.n = close ? (size_t)(close - c.p) : 0;
		} else {
			close = find(open + 2, P->end, "}}");
			after = 2;
			c.p = open + 2;
			c.n = close ? (size_t)(close - c.p) : 0;
		}
		if (close == NULL) {
			seterr(P->err, P->errsz, P->file, line,
			    "tag is not closed");
			goto fail;
		}
		P->line += count_lines(open, (size_t)(close + after - open));
		P->s = close + after;
		if ((rc = parse_tag(P, t, l, depth, c, raw, line, why,
		    closer)) == -1)
			goto fail;
		if (rc == 1)
			return 0;
	}
fail:
	nodes_free(l);
	return -1;
}

/* ---------------------------------------------------------------- */
/* Loading                                                          */

static void
tmpl_clear(struct tmpl *t)
{
	nodes_free(&t->root);
	free(t->name);
	free(t->file);
	free(t->src);
}

void
tmpl_free(struct tmpl_set *set)
{
	size_t	 i;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++)
		tmpl_clear(&set->v[i]);
	free(set->v);
	free(set);
}

static int
tmpl_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tmpl *)a)->name,
	    ((const struct tmpl *)b)->name);
}

static const struct tmpl *
lookup_tmpl(const struct tmpl_set *set, const char *name, size_t n)
{
	size_t	 lo = 0, hi = set->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(name, set->v[mid].name, n);
		if (c == 0 && set->v[mid].name[n] != '\0')
			c = -1;
		if (c == 0)
			return &set->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int
resolve_nodes(const struct tmpl_set *set, const struct tmpl *t,
    struct nodes *l, char *err, size_t errsz)
{
	const struct tmpl *p;
	size_t		 i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].type == NODE_PARTIAL) {
			p = lookup_tmpl(set, l->v[i].text.p, l->v[i].text.n);
			if (p == NULL) {
				seterr(err, errsz, t->file, l->v[i].line,
				    "no template \"%.*s\"",
				    (int)l->v[i].text.n, l->v[i].text.p);
				return -1;
			}
			l->v[i].target = (size_t)(p - set->v);
		}
		if (resolve_nodes(set, t, &l->v[i].body, err, errsz) == -1 ||
		    resolve_nodes(set, t, &l->v[i].alt, err, errsz) == -1)
			return -1;
	}
	return 0;
}

static int
resolve(struct tmpl_set *set, char *err, size_t errsz)
{
	const struct tmpl *lay;
	struct tmpl	*t;
	size_t		 i;

	for (i = 0; i < set->n; i++) {
		t = &set->v[i];
		if (i > 0 && strcmp(t->name, set->v[i - 1].name) == 0) {
			seterr(err, errsz, t->file, 1,
			    "second template named \"%s\"", t->name);
			return -1;
		}
		if (resolve_nodes(set, t, &t->root, err, errsz) == -1)
			return -1;
		if (t->layout.p == NULL)
			continue;
		lay = lookup_tmpl(set, t->layout.p, t->layout.n);
		if (lay == NULL) {
			seterr(err, errsz, t->file, 1, "no layout \"%.*s\"",
			    (int)t->layout.n, t->layout.p);
			return -1;
		}
		if (lay->layout.p != NULL || lay == t) {
			seterr(err, errsz, t->file, 1,
			    "layout \"%s\" has a layout itself", lay->name);
			return -1;
		}
		t->layout_i = (size_t)(lay - set->v);
	}
	return 0;
}

static char *
dupn(const char *s, size_t n)
{
	char	*p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

struct tmpl_set *
tmpl_load_mem(const struct tmpl_src *src, size_t n, char *err, size_t errsz)
{
	struct tmpl_set	*set;
	struct tmpl	*t;
	struct parser	 P;
	struct span	 closer;
	enum stop	 why;
	size_t		 i;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if ((set = calloc(1, sizeof(*set))) == NULL ||
	    (set->v = calloc(n ? n : 1, sizeof(*set->v))) == NULL) {
		free(set);
		seterr(err, errsz, "templates", 0, "out of memory");
		return NULL;
	}
	for (i = 0; i < n; i++) {
		t = &set->v[set->n++];
		t->name = dupn(src[i].name, strlen(src[i].name));
		t->file = dupn(src[i].file ? src[i].file : src[i].name,
		    strlen(src[i].file ? src[i].file : src[i].name));
		t->src = dupn(src[i].text, src[i].len);
		if (t->name == NULL || t->file == NULL || t->src == NULL) {
			seterr(err, errsz, src[i].name, 0, "out of memory");
			goto fail;
		}
		P.file = t->file;
		P.s = t->src;
		P.end = t->src + src[i].len;
		P.line = 1;
		P.err = err;
		P.errsz = errsz;
		if (parse_list(&P, t, &t->root, 0, &why, &closer) == -1)
			goto fail;
	}
	qsort(set->v, set->n, sizeof(*set->v), tmpl_cmp);
	if (resolve(set, err, errsz) == -1)
		goto fail;
	return set;
fail:
	tmpl_free(set);
	return NULL;
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	 n = strlen(s), m = strlen(suf);

	return n > m && strcmp(s + n - m, suf) == 0;
}

static char *
read_file(const char *path, size_t *len, char *err, size_t errsz)
{
	FILE	*f;
	char	*p, *np;
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		seterr(err, errsz, path, 0, "%s", strerror(errno));
		return NULL;
	}
	if ((p = malloc(FILE_MAX + 1)) == NULL) {
		fclose(f);
		seterr(err, errsz, path, 0, "out of memory");
		return NULL;
	}
	n = fread(p, 1, FILE_MAX + 1, f);
	if (ferror(f) || n > FILE_MAX) {
		seterr(err, errsz, path, 0, ferror(f) ? "read error" :
		    "larger than %d bytes", FILE_MAX);
		fclose(f);
		free(p);
		return NULL;
	}
	fclose(f);
	if ((np = realloc(p, n ? n : 1)) != NULL)
		p = np;
	*len = n;
	return p;
}

/* One loaded file: its name, and its template name without ".html". */
struct dirfile {
	char	*file;
	char	*name;
	char	*text;
	size_t	 len;
};

static int
dirfile_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dirfile *)a)->file,
	    ((const struct dirfile *)b)->file);
}

struct tmpl_set *
tmpl_load_dir(const char *dir, char *err, size_t errsz)
{
	DIR		*d;
	struct dirent	*de;
	struct dirfile	*fv = NULL, *nv;
	struct tmpl_src	*src = NULL;
	struct tmpl_set	*set = NULL;
	char		*path;
	size_t		 n = 0, cap = 0, i, plen;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if ((d = opendir(dir)) == NULL) {
		seterr(err, errsz, dir, 0, "%s", strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !has_suffix(de->d_name, ".html"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(fv, cap * sizeof(*nv))) == NULL)
				goto oom;
			fv = nv;
		}
		memset(&fv[n], 0, sizeof(fv[n]));
		fv[n].file = strdup(de->d_name);
		fv[n].name = strndup(de->d_name,
		    strlen(de->d_name) - strlen(".html"));
		n++;
		if (fv[n - 1].file == NULL || fv[n - 1].name == NULL)
			goto oom;
	}
	closedir(d);
	d = NULL;
	if (n > 0)
		qsort(fv, n, sizeof(*fv), dirfile_cmp);

	if ((src = calloc(n ? n : 1, sizeof(*src))) == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		plen = strlen(dir) + 1 + strlen(fv[i].file) + 1;
		if ((path = malloc(plen)) == NULL)
			goto oom;
		snprintf(path, plen, "%s/%s", dir, fv[i].file);
		fv[i].text = read_file(path, &fv[i].len, err, errsz);
		free(path);
		if (fv[i].text == NULL)
			goto out;
		src[i].name = fv[i].name;
		src[i].file = fv[i].file;
		src[i].text = fv[i].text;
		src[i].len = fv[i].len;
	}
	set = tmpl_load_mem(src, n, err, errsz);
	goto out;
oom:
	seterr(err, errsz, dir, 0, "out of memory");
out:
	if (d != NULL)
		closedir(d);
	for (i = 0; i < n; i++) {
		free(fv[i].file);
		free(fv[i].name);
		free(fv[i].text);
	}
	free(fv);
	free(src);
	return set;
}

int
tmpl_has(const struct tmpl_set *set, const char *name)
{
	return set != NULL && name != NULL &&
	    lookup_tmpl(set, name, strlen(name)) != NULL;
}

/* ---------------------------------------------------------------- */
/* Rendering                                                        */

struct scope {
	const json_t		*v;
	const struct scope	*up;
	size_t			 index, count;	/* count > 0: a loop */
};

#define TMPL_OUTPUT_MAX	(16u * 1024 * 1024)
#define TMPL_STEPS_MAX	(10u * 1000 * 1000)	/* nodes rendered for one page */

struct render {
	const struct tmpl_set	*set;
	struct buf		*out;
	const struct scope	*top;
	const struct tmpl	*content;	/* page placed by @content */
	int			 partials;
	size_t			 steps;
};

enum vkind {
	VAL_JSON,	/* j, NULL when missing */
	VAL_INT,
	VAL_BOOL,
};

struct val {
	enum vkind	 kind;
	const json_t	*j;
	long long	 i;
};

static const json_t *
descend(const json_t *j, const struct span *seg)
{
	size_t	 i, k;

	if (json_is_object(j))
		return json_object_getn(j, seg->p, seg->n);
	if (!json_is_array(j) || seg->n > 9)
		return NULL;
	for (i = k = 0; i < seg->n; i++) {
		if (seg->p[i] < '0' || seg->p[i] > '9')
			return NULL;
		k = k * 10 + (size_t)(seg->p[i] - '0');
	}
	return json_array_get(j, k);
}

static void
lookup(const struct scope *sc, const struct path *p, struct val *v)
{
	const struct scope *s;
	const json_t	*j = NULL;
	size_t		 i;

	v->kind = VAL_JSON;
	v->j = NULL;
	v->i = 0;
	if (p->kind == PATH_DOT) {
		v->j = sc->v;
		return;
	}
	if (p->kind != PATH_NAME) {
		for (s = sc; s != NULL && s->count == 0; s = s->up)
			continue;
		if (s == NULL)
			return;
		switch (p->kind) {
		case PATH_INDEX:
			v->kind = VAL_INT;
			v->i = (long long)s->index;
			break;
		case PATH_NUMBER:
			v->kind = VAL_INT;
			v->i = (long long)s->index + 1;
			break;
		case PATH_FIRST:
			v->kind = VAL_BOOL;
			v->i = s->index == 0;
			break;
		case PATH_LAST:
			v->kind = VAL_BOOL;
			v->i = s->index + 1 == s->count;
			break;
		default:
			break;
		}
		return;
	}
	for (s = sc; s != NULL; s = s->up)
		if (json_is_object(s->v) &&
		    (j = json_object_getn(s->v, p->seg[0].p, p->seg[0].n)))
			break;
	for (i = 1; j != NULL && i < p->nseg; i++)
		j = descend(j, &p->seg[i]);
	v->j = j;
}

static int
truthy(const struct val *v)
{
	if (v->kind != VAL_JSON)
		return v->i != 0;
	if (v->j == NULL)
		return 0;
	switch (json_typeof(v->j)) {
	case JSON_OBJECT:
		return json_object_size(v->j) > 0;
	case JSON_ARRAY:
		return json_array_size(v->j) > 0;
	case JSON_STRING:
		return json_string_length(v->j) > 0;
	case JSON_INTEGER:
		return json_integer_value(v->j) != 0;
	case JSON_REAL:
		return json_real_value(v->j) != 0.0;
	case JSON_TRUE:
		return 1;
	default:
		return 0;
	}
}

/* The text of a scalar: into s/n, or into tmp. 0 when nothing prints. */
static int
text_of(const struct val *v, char *tmp, size_t tmpsz,
    const char **s, size_t *n)
{
	int	 k = -1;

	if (v->kind == VAL_INT)
		k = snprintf(tmp, tmpsz, "%lld", v->i);
	else if (v->kind == VAL_BOOL)
		k = snprintf(tmp, tmpsz, "%s", v->i ? "true" : "false");
	else if (v->j == NULL)
		return 0;
	else if (json_is_string(v->j)) {
		*s = json_string_value(v->j);
		*n = json_string_length(v->j);
		return 1;
	} else if (json_is_integer(v->j))
		k = snprintf(tmp, tmpsz, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v->j));
	else if (json_is_real(v->j))
		k = snprintf(tmp, tmpsz, "%.15g", json_real_value(v->j));
	else if (json_is_boolean(v->j))
		k = snprintf(tmp, tmpsz, "%s",
		    json_is_true(v->j) ? "true" : "false");
	if (k < 0 || (size_t)k >= tmpsz)
		return 0;
	*s = tmp;
	*n = (size_t)k;
	return 1;
}

static int render_nodes(struct render *, const struct nodes *,
    const struct scope *);

static int
render_value(struct render *r, const struct node *n, const struct scope *sc)
{
	struct val	 v;
	char		 tmp[64];
	const char	*s;
	size_t		 len;

	lookup(sc, &n->path, &v);
	if (!text_of(&v, tmp, sizeof(tmp), &s, &len))
		return 0;
	switch (n->type) {
	case NODE_RAW:
		return buf_put(r->out, s, len);
	case NODE_URL:
		return url_escape_n(r->out, s, len);
	default:
		return html_escape(r->out, s, len);
	}
}

static int
render_each(struct render *r, const struct node *n, const struct scope *sc)
{
	struct val	 v;
	struct scope	 el;
	size_t		 i, count;

	lookup(sc, &n->path, &v);
	if (v.kind != VAL_JSON || !json_is_array(v.j) ||
	    (count = json_array_size(v.j)) == 0)
		return render_nodes(r, &n->alt, sc);
	for (i = 0; i < count; i++) {
		el.v = json_array_get(v.j, i);
		el.up = sc;
		el.index = i;
		el.count = count;
		if (render_nodes(r, &n->body, &el) == -1)
			return -1;
	}
	return 0;
}

static int
render_nodes(struct render *r, const struct nodes *l, const struct scope *sc)
{
	const struct node *n;
	const struct tmpl *page;
	struct val	 v;
	size_t		 i;
	int		 rc = 0, t;

	for (i = 0; i < l->n && rc == 0; i++) {
		/* No page is this large: stop a runaway (deeply nested loops) instead of eating memory. */
		if (r->out->len > TMPL_OUTPUT_MAX || ++r->steps > TMPL_STEPS_MAX)
			return -1;
		n = &l->v[i];
		switch (n->type) {
		case NODE_TEXT:
			rc = buf_put(r->out, n->text.p, n->text.n);
			break;
		case NODE_VAR:
		case NODE_RAW:
		case NODE_URL:
			rc = render_value(r, n, sc);
			break;
		case NODE_EACH:
			rc = render_each(r, n, sc);
			break;
		case NODE_IF:
		case NODE_UNLESS:
			lookup(sc, &n->path, &v);
			t = truthy(&v);
			if (n->type == NODE_UNLESS)
				t = !t;
			rc = render_nodes(r, t ? &n->body : &n->alt, sc);
			break;
		case NODE_PARTIAL:
			if (r->partials >= PARTIAL_MAX)
				return -1;
			r->partials++;
			rc = render_nodes(r,
			    &r->set->v[n->target].root, sc);
			r->partials--;
			break;
		case NODE_CONTENT:
			if ((page = r->content) == NULL)
				break;
			r->content = NULL;
			rc = render_nodes(r, &page->root, r->top);
			r->content = page;
			break;
		default:
			break;
		}
	}
	return rc;
}

int
tmpl_render(const struct tmpl_set *set, const char *name,
    const json_t *data, struct buf *out)
{
	const struct tmpl *t;
	struct render	 r;
	struct scope	 top;
	size_t		 len0 = out->len;
	int		 rc;

	if (set == NULL || name == NULL ||
	    (t = lookup_tmpl(set, name, strlen(name))) == NULL)
		return -1;
	memset(&top, 0, sizeof(top));
	top.v = data;
	memset(&r, 0, sizeof(r));
	r.set = set;
	r.out = out;
	r.top = &top;
	if (t->layout.p != NULL) {
		r.content = t;
		t = &set->v[t->layout_i];
	}
	/* Even an empty rendering leaves out a C string. */
	if ((rc = render_nodes(&r, &t->root, &top)) == 0)
		rc = buf_put(out, "", 0);
	if (rc == -1) {
		out->len = len0;
		if (out->p != NULL)
			out->p[len0] = '\0';
	}
	return rc;
}
