/*
 * One request from start to end: read the FastCGI parameters and body within the limits, parse,
 * load the session, route, check role and CSRF, call the handler, write the response. Everything
 * a request allocates is released here before the next one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcgiapp.h>
#include "http/app.h"
#include "http/session.h"

const char *const methods[METHOD__MAX] = {
	"GET",		/* METHOD_GET */
	"POST",		/* METHOD_POST */
	"HEAD",		/* METHOD_HEAD */
};

static const struct parse_limits limits = {
	FIELDS_MAX, NAME_MAX_LEN, VALUE_MAX_LEN, FILE_MAX
};

static const char *
param(FCGX_Request *fr, const char *name)
{
	const char *v = FCGX_GetParam(name, fr->envp);
	return v == NULL ? "" : v;
}

static const char *
status_text(int s)
{
	switch (s) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return s >= 500 ? "Internal Server Error" : "OK";
	}
}

static void
write_response(struct req *r, FCGX_Request *fr)
{
	char head[1024];
	int n;

	n = snprintf(head, sizeof(head), "Status: %d %s\r\nContent-Type: %s\r\n"
	    "Content-Length: %lu\r\nCache-Control: no-store\r\n"
	    "X-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n",
	    r->status, status_text(r->status), r->ctype ? r->ctype : "text/html; charset=utf-8",
	    (unsigned long)r->body.len);
	if (n < 0 || (size_t)n >= sizeof(head))
		return;
	FCGX_PutStr(head, n, fr->out);
	if (r->ctype == NULL || strncmp(r->ctype, "text/html", 9) == 0) {
		static const char csp[] = "Content-Security-Policy: default-src 'self'; "
		    "script-src 'self'; style-src 'self'; img-src 'self' data:; "
		    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'\r\n"
		    "X-Frame-Options: DENY\r\n";
		FCGX_PutStr(csp, sizeof(csp) - 1, fr->out);
	}
	if (r->headers.len > 0)
		FCGX_PutStr(r->headers.p, (int)r->headers.len, fr->out);
	FCGX_PutS("\r\n", fr->out);
	if (r->method != METHOD_HEAD && r->body.len > 0)
		FCGX_PutStr(r->body.p, (int)r->body.len, fr->out);
}

/* Read exactly CONTENT_LENGTH bytes; 0 on success, else the HTTP status to answer. */
static int
read_body(FCGX_Request *fr, char **out, size_t *outlen)
{
	const char *cl = param(fr, "CONTENT_LENGTH");
	char *end, *p;
	unsigned long len;
	size_t got = 0;

	*out = NULL;
	*outlen = 0;
	if (*cl == '\0')
		return 0;
	len = strtoul(cl, &end, 10);
	if (*end != '\0' || cl[0] == '-')
		return 400;
	if (len > BODY_MAX)
		return 413;
	if (len == 0)
		return 0;
	if ((p = malloc(len + 1)) == NULL)
		return 500;
	while (got < len) {
		int n = FCGX_GetStr(p + got, (int)(len - got), fr->in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != len) {
		free(p);
		return 400;
	}
	p[len] = '\0';
	*out = p;
	*outlen = len;
	return 0;
}

static int
parse_input(struct req *r, FCGX_Request *fr)
{
	const char *qs = param(fr, "QUERY_STRING");
	const char *ct = param(fr, "CONTENT_TYPE");
	char *body = NULL;
	size_t len = 0;
	int st;
	enum parse_err pe = PARSE_OK;

	if (urlenc_parse(qs, strlen(qs), &limits, &r->query) != PARSE_OK)
		return 400;
	cookie_parse(param(fr, "HTTP_COOKIE"), &limits, &r->cookies);
	if (r->method != METHOD_POST)
		return 0;
	if ((st = read_body(fr, &body, &len)) != 0)
		return st;
	if (strncmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		pe = urlenc_parse(body ? body : "", len, &limits, &r->form);
	else if (strncmp(ct, "multipart/form-data", 19) == 0)
		pe = multipart_parse(body ? body : "", len, ct, &limits, &r->form);
	else if (len > 0)
		pe = PARSE_MALFORMED;
	free(body);
	switch (pe) {
	case PARSE_OK: return 0;
	case PARSE_TOO_LONG: return 413;
	case PARSE_NOMEM: return 500;
	default: return 400;
	}
}

static void
req_reset(struct req *r, struct app *app, FCGX_Request *fr)
{
	struct buf body = r->body, headers = r->headers;

	fields_free(&r->query);
	fields_free(&r->form);
	fields_free(&r->cookies);
	memset(r, 0, sizeof(*r));
	buf_reset(&body);
	buf_reset(&headers);
	r->body = body;
	r->headers = headers;
	r->app = app;
	r->fcgi = fr;
	r->status = 200;
}

void
request_handle(struct app *app, struct req *r, void *fcgi)
{
	FCGX_Request *fr = fcgi;
	const char *m = param(fr, "REQUEST_METHOD");
	const char *uri = param(fr, "DOCUMENT_URI");
	const struct route *rt;
	int known, st;

	req_reset(r, app, fr);
	snprintf(r->addr, sizeof(r->addr), "%s", param(fr, "REMOTE_ADDR"));
	r->tls = strcmp(param(fr, "HTTPS"), "on") == 0;
	if (strcmp(m, "GET") == 0)
		r->method = METHOD_GET;
	else if (strcmp(m, "POST") == 0)
		r->method = METHOD_POST;
	else if (strcmp(m, "HEAD") == 0)
		r->method = METHOD_HEAD;
	else {
		r->method = METHOD_GET;
		http_header(r, "Allow", "GET, POST, HEAD");
		http_error(r, 405);
		goto out;
	}
	if (strlen(uri) >= sizeof(r->path) || uri[0] != '/') {
		http_error(r, strlen(uri) >= sizeof(r->path) ? 414 : 400);
		goto out;
	}
	memcpy(r->path, uri, strlen(uri) + 1);
	if ((st = parse_input(r, fr)) != 0) {
		http_error(r, st);
		goto out;
	}
	session_load(r);
	rt = route_match(r->path, r->method, r->ids, &known);
	if (rt == NULL) {
		if (known)
			http_header(r, "Allow", r->method == METHOD_POST ? "GET, HEAD" : "POST");
		http_error(r, known ? 405 : 404);
		goto out;
	}
	if (!(rt->roles & R_ANON) && !r->logged_in) {
		/* A session that ran out (idle, absolute, logged out elsewhere): say why, also for a
		 * form posted from a page opened before; nothing of the post is done, but what was
		 * typed is shown back so that it is not lost. */
		if (fields_str(&r->cookies, SESSION_COOKIE) != NULL && r->method == METHOD_POST)
			http_expired_post(r);
		else if (fields_str(&r->cookies, SESSION_COOKIE) != NULL)
			http_redirect(r, "/inloggen?verlopen=1");
		else if (r->method == METHOD_POST)
			http_error(r, 403);
		else
			http_redirect(r, "/inloggen");
		goto out;
	}
	if (r->logged_in && !(rt->roles & R(r->user.role))) {
		http_error(r, 403);
		goto out;
	}
	if (r->method == METHOD_POST && !csrf_ok(r)) {
		http_error(r, 403);
		goto out;
	}
	rt->fn(r);
	if (!r->done)
		http_error(r, 500);
out:
	write_response(r, fr);
	fields_free(&r->query);
	fields_free(&r->form);
	fields_free(&r->cookies);
	/* Don't let one large response keep its memory for the worker's lifetime. */
	if (r->body.cap > 1024 * 1024)
		buf_free(&r->body);
}
