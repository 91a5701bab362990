/*
 * verzuimctl mail — the mail sender: delivers the outbox to an SMTP server (libcurl) or through a
 * sendmail program. Nothing is lost when delivery fails: a failed try leaves the mail wachtend
 * with next_try_at pushed back (doubling from --backoff seconds, at most six hours) and the error
 * in last_error; after --pogingen tries it is mislukt. Without --loop one pass is made.
 *
 *   verzuimctl mail --db FILE [--smtp smtp://host:port | --sendmail PATH] [--van ADRES]
 *       [--sleutel KEYFILE] [--loop SECONDS] [--backoff SECONDS] [--pogingen N]
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <curl/curl.h>
#include <sodium.h>

#include "ctl/ctl.h"
#include "store/store.h"
#include "store/leave.h"
#include "util/buf.h"

#define MAIL_BATCH 50
#define BACKOFF_MAX (6 * 3600)

static volatile sig_atomic_t stopping;

static void
on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

struct sender {
	const char	*smtp;		/* smtp://host:port, or NULL */
	const char	*sendmail;	/* program path, or NULL */
	const char	*from;
	long		 backoff;
	long		 max_tries;
	unsigned char	 key[32];
	int		 have_key;
};

/* An address we put in an envelope or header: one addr-spec, no spaces or line breaks. */
static int
address_ok(const char *a)
{
	const char *at = strchr(a, '@');

	if (at == NULL || at == a || at[1] == '\0' || strlen(a) > 254)
		return 0;
	for (const char *p = a; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == '<' || *p == '>' || *p == ',' || *p == ';' ||
		    *p == '"' || *p == '(' || *p == ')' || (unsigned char)*p == 0x7f)
			return 0;
	return strchr(at + 1, '@') == NULL;
}

/* RFC 2047 encoded-word for a UTF-8 header text (base64, one word per 45 input bytes). */
static void
header_text(struct buf *b, const char *s)
{
	size_t n = strlen(s), ascii = 1;

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x7f || (unsigned char)s[i] < 0x20)
			ascii = 0;
	if (ascii && n < 900) {
		buf_puts(b, s);
		return;
	}
	for (size_t i = 0; i < n; ) {
		size_t k = n - i > 45 ? 45 : n - i;
		char enc[64];
		/* never split a UTF-8 sequence */
		while (k > 0 && i + k < n && ((unsigned char)s[i + k] & 0xc0) == 0x80)
			k--;
		if (k == 0)
			k = n - i > 45 ? 45 : n - i;
		sodium_bin2base64(enc, sizeof(enc), (const unsigned char *)s + i, k,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?UTF-8?B?%s?=", i > 0 ? "\r\n " : "", enc);
		i += k;
	}
}

/* The message: headers and the body with CRLF line ends. */
static int
message(const struct sender *sd, const struct outbox_mail *m, struct buf *b)
{
	char date[64], host[128];
	time_t now = time(NULL);
	struct tm tm;
	unsigned char rnd[12];
	char id[25];

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(id, sizeof(id), rnd, sizeof(rnd));
	snprintf(host, sizeof(host), "%s", strchr(sd->from, '@') + 1);
	buf_reset(b);
	buf_printf(b, "Date: %s\r\nFrom: Verzuimloket <%s>\r\nTo: <%s>\r\nSubject: ", date, sd->from,
	    m->to);
	header_text(b, m->subject);
	buf_printf(b, "\r\nMessage-ID: <%lld.%s@%s>\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n", (long long)m->id, id, host);
	for (const char *p = m->body; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			buf_put(b, "\r\n", 2);
		else
			buf_putc(b, *p);
	}
	if (b->len < 2 || memcmp(b->p + b->len - 2, "\r\n", 2) != 0)
		buf_put(b, "\r\n", 2);
	return b->p == NULL ? -1 : 0;
}

struct reader {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct reader *rd = arg;
	size_t n = size * nmemb;

	if (n > rd->left)
		n = rd->left;
	memcpy(dst, rd->p, n);
	rd->p += n;
	rd->left -= n;
	return n;
}

static int
send_smtp(const struct sender *sd, const struct outbox_mail *m, const struct buf *msg, char *err,
    size_t errsz)
{
	CURL *c = curl_easy_init();
	struct curl_slist *rcpt = NULL;
	struct reader rd = { msg->p, msg->len };
	char ebuf[CURL_ERROR_SIZE] = "";
	CURLcode rc;

	if (c == NULL) {
		snprintf(err, errsz, "curl: geen geheugen");
		return -1;
	}
	rcpt = curl_slist_append(rcpt, m->to);
	curl_easy_setopt(c, CURLOPT_URL, sd->smtp);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, sd->from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &rd);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		snprintf(err, errsz, "smtp: %s", ebuf[0] ? ebuf : curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}

/* sendmail -i -f FROM -- TO, the message on its standard input; no shell in between. */
static int
send_sendmail(const struct sender *sd, const struct outbox_mail *m, const struct buf *msg,
    char *err, size_t errsz)
{
	int fd[2], status;
	pid_t pid;
	size_t off = 0;

	if (pipe(fd) != 0) {
		snprintf(err, errsz, "sendmail: pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) < 0) {
		snprintf(err, errsz, "sendmail: fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execl(sd->sendmail, sd->sendmail, "-i", "-f", sd->from, "--", m->to, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	while (off < msg->len) {
		ssize_t w = write(fd[1], msg->p + off, msg->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd[1]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, errsz, "sendmail: wachten: %s", strerror(errno));
			return -1;
		}
	if (off < msg->len) {
		snprintf(err, errsz, "sendmail: bericht niet volledig doorgegeven");
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, errsz, "sendmail: afgesloten met status %d", WIFEXITED(status) ?
		    WEXITSTATUS(status) : 128 + WTERMSIG(status));
		return -1;
	}
	return 0;
}

/* One pass over what is due. Counts are added to sent, retry, failed. */
static int
pass(struct store *s, const struct sender *sd, long *sent, long *retry, long *failed)
{
	struct outbox_mail mails[MAIL_BATCH];
	struct buf msg = BUF_INIT;
	size_t n = 0;

	if (store_outbox_due(s, sd->have_key ? sd->key : NULL, store_now(), mails, MAIL_BATCH,
	    &n) != 0)
		return -1;
	for (size_t i = 0; i < n && !stopping; i++) {
		struct outbox_mail *m = &mails[i];
		char err[512] = "";
		int tries = m->tries + 1, rc, permanent = 0;

		if (!address_ok(m->to)) {
			snprintf(err, sizeof(err), "ongeldig adres");
			permanent = 1;
			rc = -1;
		} else if (m->body == NULL) {
			snprintf(err, sizeof(err), "versleuteld bericht: geef --sleutel met de sleutel "
			    "van verzuimd");
			rc = -1;
		} else if (message(sd, m, &msg) != 0) {
			snprintf(err, sizeof(err), "geen geheugen");
			rc = -1;
		} else if (sd->smtp != NULL)
			rc = send_smtp(sd, m, &msg, err, sizeof(err));
		else
			rc = send_sendmail(sd, m, &msg, err, sizeof(err));
		if (rc == 0) {
			if (store_outbox_sent(s, m->id, tries) != 0)
				goto dberr;
			(*sent)++;
		} else {
			int final = permanent || tries >= sd->max_tries;
			long wait = sd->backoff;
			for (int k = 1; k < tries && wait < BACKOFF_MAX; k++)
				wait *= 2;
			if (wait > BACKOFF_MAX)
				wait = BACKOFF_MAX;
			for (char *p = err; *p; p++)
				if ((unsigned char)*p < 0x20)
					*p = ' ';
			if (store_outbox_failed(s, m->id, tries, store_now() + wait, final, err) != 0)
				goto dberr;
			if (final)
				(*failed)++;
			else
				(*retry)++;
			fprintf(stderr, "verzuimctl: mail %lld: poging %d: %s%s\n", (long long)m->id,
			    tries, err, final ? " (opgegeven)" : "");
		}
	}
	store_outbox_free(mails, n);
	buf_free(&msg);
	return 0;
dberr:
	store_outbox_free(mails, n);
	buf_free(&msg);
	return -1;
}

int
cmd_mail(int argc, char **argv)
{
	const char *db = NULL, *smtp = NULL, *sendmail = NULL, *from = "verzuimloket@localhost";
	const char *keyfile = NULL;
	long loop = 0, backoff = 60, max_tries = 8, sent = 0, retry = 0, failed = 0;
	struct ctl_opt opts[] = {
		{ "--db", CTL_OPT_STRING, &db, 1, 0 },
		{ "--smtp", CTL_OPT_STRING, &smtp, 0, 0 },
		{ "--sendmail", CTL_OPT_STRING, &sendmail, 0, 0 },
		{ "--van", CTL_OPT_STRING, &from, 0, 0 },
		{ "--sleutel", CTL_OPT_STRING, &keyfile, 0, 0 },
		{ "--loop", CTL_OPT_INT, &loop, 0, 0 },
		{ "--backoff", CTL_OPT_INT, &backoff, 0, 0 },
		{ "--pogingen", CTL_OPT_INT, &max_tries, 0, 0 },
	};
	struct sender sd;
	struct store *s;
	struct sigaction sa;
	int lockfd = -1;
	int rc;

	if ((rc = ctl_parse_opts("mail", argc, argv, opts, sizeof(opts) / sizeof(opts[0]))) != 0)
		return rc;
	if ((smtp == NULL) == (sendmail == NULL))
		return ctl_error("mail: geef --smtp smtp://host:poort of --sendmail PROGRAMMA");
	if (smtp != NULL && strncmp(smtp, "smtp://", 7) != 0 && strncmp(smtp, "smtps://", 8) != 0)
		return ctl_error("mail: --smtp: verwacht smtp://host:poort of smtps://host:poort");
	if (!address_ok(from))
		return ctl_error("mail: --van: ongeldig afzenderadres");
	if (loop < 0 || loop > 86400 || backoff < 0 || backoff > BACKOFF_MAX || max_tries < 1 ||
	    max_tries > 100)
		return ctl_error("mail: --loop 0..86400, --backoff 0..21600 en --pogingen 1..100");
	memset(&sd, 0, sizeof(sd));
	sd.smtp = smtp;
	sd.sendmail = sendmail;
	sd.from = from;
	sd.backoff = backoff;
	sd.max_tries = max_tries;
	if (sodium_init() < 0)
		return ctl_error("mail: libsodium start niet");
	if (sendmail != NULL && access(sendmail, X_OK) != 0)
		return ctl_error("mail: --sendmail: %s is geen uitvoerbaar programma", sendmail);
	if (keyfile != NULL) {
		FILE *f = fopen(keyfile, "rb");
		unsigned char extra;
		size_t got = f ? fread(sd.key, 1, sizeof(sd.key), f) : 0;
		int more = f != NULL && fread(&extra, 1, 1, f) == 1;
		if (f != NULL)
			fclose(f);
		if (got != sizeof(sd.key) || more)
			return ctl_error("mail: --sleutel: het sleutelbestand moet precies 32 bytes "
			    "zijn (het bestand van verzuimd)");
		sd.have_key = 1;
	}
	/*
	 * One sender per database at a time: two runs (cron next to --loop) would each take the
	 * same waiting mail and deliver it twice.
	 */
	{
		char lock[1100];
		snprintf(lock, sizeof(lock), "%s.mail-lock", db);
		if ((lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0 ||
		    flock(lockfd, LOCK_EX | LOCK_NB) != 0) {
			if (lockfd >= 0)
				close(lockfd);
			fprintf(stderr, "verzuimctl: mail: er loopt al een verzuimctl mail voor %s\n",
			    db);
			return CTL_EXIT_FAIL;
		}
	}
	if ((s = ctl_open_db("mail", db)) == NULL) {
		close(lockfd);
		return CTL_EXIT_FAIL;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = CTL_EXIT_OK;
	do {
		if (pass(s, &sd, &sent, &retry, &failed) != 0) {
			fprintf(stderr, "verzuimctl: mail: database: bijwerken mislukt\n");
			rc = CTL_EXIT_FAIL;
			break;
		}
		for (long t = 0; loop > 0 && t < loop * 10 && !stopping; t++)
			nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	} while (loop > 0 && !stopping);
	curl_global_cleanup();
	store_close(s);
	close(lockfd);	/* releases the lock */
	sodium_memzero(sd.key, sizeof(sd.key));
	if (rc == CTL_EXIT_OK)
		rc = ctl_print_json(json_pack("{s:i,s:i,s:i}", "verzonden", (int)sent, "opnieuw",
		    (int)retry, "mislukt", (int)failed));
	return rc;
}
