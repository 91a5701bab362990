// Browser tests in real headless Chromium (make e2e; part of make check when /usr/bin/chromium
// and node_modules/playwright-core exist): the journeys of issue 8, axe-core (WCAG 2.1 A + AA) on
// every page each role can reach, keyboard-only forms, screenshots in tests/browser/artifacts/.
// Starts its own stack on a free port and always stops it. Prints PASS:/FAIL: lines; exit 1 on
// any failure. KEEP_FAILED=1 keeps the stack's folder (logs, database) after a failure.
import fs from 'node:fs';
import path from 'node:path';
import { ART, PASSWORD, prepareArtifacts, Stack, Runner, launch, newPage, axe, keyboardReach, keyboardFill,
	screenshot, check, eq } from './lib.mjs';
import { journeys } from './journeys.mjs';

const ROLES = [
	['ouder@demo.nl', 'ouder', '/ouder'],
	['school@demo.nl', 'school', '/school'],
	['directeur@demo.nl', 'directeur', '/school'],
	['leerplicht@demo.nl', 'leerplicht', '/loket'],
	['rmc@demo.nl', 'rmc', '/loket'],
	['beheer@demo.nl', 'beheer', '/beheer'],
];

prepareArtifacts();

const stack = new Stack(2);
const run = new Runner();
let browser = null;

async function stopAll() {
	if (browser)
		await browser.close();
	browser = null;
	const keep = run.failed > 0 && !!process.env.KEEP_FAILED;
	if (run.failed > 0)
		console.error('--- verzuimd.log (tail) ---\n' + stack.log().slice(-3000));
	stack.stop(keep);
	if (keep)
		console.error('stack kept in ' + stack.var);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		stack.stop(false);
		process.exit(130);
	});
}

async function login(page, email) {
	await page.goto(stack.base + '/inloggen');
	await page.fill('#email', email);
	await page.fill('#wachtwoord', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('button:has-text("Inloggen")')]);
}

async function logout(page) {
	const btn = page.locator('form[action="/uitloggen"] button');
	if (await btn.count() > 0)
		await Promise.all([page.waitForNavigation(), btn.first().click()]);
	await page.context().clearCookies();
}

// The same-origin pages a page links to (GET links only; no static files, no mail links).
async function linksOf(page) {
	const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
	const out = [];
	for (const h of hrefs) {
		let u;
		try { u = new URL(h); } catch { continue; }
		if (u.origin !== stack.base || u.pathname.startsWith('/static/'))
			continue;
		u.hash = '';
		out.push(u.pathname + u.search);
	}
	return out;
}

// Visit every page reachable by links from `start` (at most two pages per path shape, where
// numbers are one shape), run axe and the keyboard check on each, take a screenshot.
async function crawl(page, who, start, limit = 60) {
	const problems = [];
	const seenShape = new Map();
	const seen = new Set();
	const queue = [[start, null]];
	let visited = 0;
	while (queue.length > 0 && visited < limit) {
		const [p, from] = queue.shift();
		if (seen.has(p))
			continue;
		seen.add(p);
		// The shape: the path with numbers as #, and the names (not values) of the query.
		const [pp, qq] = p.split('?');
		const shape = pp.replace(/\d+/g, '#') + '?' + [...new URLSearchParams(qq || '').keys()].sort().join('&');
		const n = seenShape.get(shape) || 0;
		if (n >= 2)
			continue;
		seenShape.set(shape, n + 1);
		page.problems = [];
		let resp;
		try {
			resp = await page.goto(stack.base + p);
		} catch (e) {
			// A file to save (CSV export, attachment) is not a page: check it answers, no more.
			if (!/Download is starting/.test(String(e && e.message)))
				throw e;
			const r = await page.request.get(stack.base + p);
			if (r.status() !== 200)
				problems.push(`${who} ${p}: download answers ${r.status()}`);
			continue;
		}
		visited += 1;
		const status = resp ? resp.status() : 0;
		const url = new URL(page.url());
		const label = `${who} ${url.pathname}${url.search}`;
		await screenshot(page, label);
		if (status >= 500)
			problems.push(`${label}: status ${status}`);
		else if (status === 404 && from !== null)
			problems.push(`${label}: broken link (404) on ${from}`);
		else if (status === 404) {
			run.notes.push(`${label}: start page answers 404 (not built yet?)`);
		}
		problems.push(...await axe(page, label, run.notes));
		problems.push(...await keyboardReach(page, label));
		// The document's own error status shows up as a console error too: not a page problem.
		problems.push(...page.problems
			.filter((x) => !(status >= 400 && x.includes(`status of ${status}`)))
			.map((x) => `${label}: ${x}`));
		if (status === 200)
			for (const l of await linksOf(page))
				if (!seen.has(l) && !l.startsWith('/uitloggen'))
					queue.push([l, url.pathname]);
	}
	return { problems, visited };
}

try {
	await stack.start();
	browser = await launch();
	const { context } = browser;
	const page = await newPage(context);

	await run.test('browser.login_page_accessible', async () => {
		page.problems = [];
		const r = await page.goto(stack.base + '/inloggen');
		eq(r.status(), 200, 'status');
		eq(await page.getAttribute('html', 'lang'), 'nl', 'lang');
		await screenshot(page, 'anon inloggen');
		const bad = await axe(page, 'anon /inloggen', run.notes);
		bad.push(...await keyboardReach(page, 'anon /inloggen'));
		bad.push(...page.problems);
		check(bad.length === 0, bad.join('; '));
	});

	await run.test('browser.login_error_keeps_email_and_is_accessible', async () => {
		await page.goto(stack.base + '/inloggen');
		await keyboardFill(page, [['email', 'ouder@demo.nl'], ['wachtwoord', 'fout-wachtwoord']], 'Inloggen');
		eq(new URL(page.url()).pathname, '/inloggen', 'stays on the log-in page');
		const alert = await page.textContent('[role="alert"]');
		check(/onjuist/.test(alert || ''), 'Dutch error message shown: ' + alert);
		eq(await page.inputValue('#email'), 'ouder@demo.nl', 'e-mail address kept');
		eq(await page.inputValue('#wachtwoord'), '', 'password not echoed');
		await screenshot(page, 'anon inloggen fout');
		const bad = await axe(page, 'anon /inloggen (fout)', run.notes);
		check(bad.length === 0, bad.join('; '));
	});

	await run.test('browser.login_with_keyboard_only_and_logout', async () => {
		await context.clearCookies();
		await page.goto(stack.base + '/inloggen');
		await keyboardFill(page, [['email', 'beheer@demo.nl'], ['wachtwoord', PASSWORD]], 'Inloggen');
		eq(new URL(page.url()).pathname, '/beheer', 'start page of beheer');
		const cookies = await context.cookies();
		const sess = cookies.find((c) => c.name === 'vl_sessie');
		check(sess && sess.httpOnly && sess.sameSite === 'Strict', 'HttpOnly SameSite=Strict session cookie');
		check(/Uitloggen/.test(await page.textContent('header')), 'log-out button in the header');
		await screenshot(page, 'beheer na inloggen');
		// Log out with the keyboard too: Tab to the header's button and press Enter.
		let reached = false;
		await page.mouse.click(1, 1);
		for (let i = 0; i < 30 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate(() => document.activeElement &&
				document.activeElement.closest('form[action="/uitloggen"]') !== null);
		}
		check(reached, 'log-out button reachable with Tab');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		eq(new URL(page.url()).pathname, '/inloggen', 'after log-out');
		check(!(await context.cookies()).some((c) => c.name === 'vl_sessie'), 'session cookie removed');
		eq(Number(stack.sql("SELECT count(*) FROM session s JOIN app_user u ON u.id = s.user_id WHERE u.email = 'beheer@demo.nl'")), 0, 'session rows of beheer');
		const r = await page.goto(stack.base + '/beheer');
		eq(new URL(page.url()).pathname, '/inloggen', 'protected page after log-out sends to log-in');
		check(r.ok(), 'log-in page shown');
		await screenshot(page, 'na uitloggen');
	});

	await run.test('browser.expired_session_sends_to_login', async () => {
		await context.clearCookies();
		await login(page, 'beheer@demo.nl');
		eq(new URL(page.url()).pathname, '/beheer', 'logged in');
		// A form filled in while the session runs out: nothing is done, what was typed is shown.
		await page.goto(stack.base + '/beheer/gebruikers/nieuw');
		await page.fill('#email', 'later@demo.nl');
		await page.fill('#naam', 'Lotte Later');
		stack.sql("UPDATE session SET seen_at = seen_at - 3600, created_at = created_at - 3600");
		page.problems = [];
		const [expired] = await Promise.all([page.waitForNavigation(),
			page.click('button:has-text("Uitnodiging versturen")')]);
		eq(expired.status(), 401, 'a form sent after the session ran out: not done');
		eq(await page.inputValue('textarea >> nth=1'), 'Lotte Later', 'what was typed is shown back');
		eq(stack.sql("SELECT count(*) FROM app_user WHERE email = 'later@demo.nl'"), '0', 'nothing done');
		eq((await axe(page, 'sessie verlopen formulier', run.notes)).join('\n'), '', 'no serious or critical axe violation');
		await screenshot(page, 'sessie verlopen formulier');
		await login(page, 'beheer@demo.nl');
		eq(new URL(page.url()).pathname, '/beheer', 'logged in again after the form');
		// Idle for an hour: past SESSION_IDLE (30 minutes).
		stack.sql("UPDATE session SET seen_at = seen_at - 3600, created_at = created_at - 3600");
		await page.goto(stack.base + '/beheer/gebruikers');
		eq(new URL(page.url()).pathname, '/inloggen', 'expired session sends a page request to log-in');
		await screenshot(page, 'sessie verlopen');
		check(!/Uitloggen/.test(await page.textContent('header')), 'no logged-in header');
		eq(stack.sql("SELECT count(*) FROM session s JOIN app_user u ON u.id = s.user_id WHERE u.email = 'beheer@demo.nl'"),
			'0', 'the expired session is removed from the database');
		// A form posted from a page opened before the expiry does nothing and says so.
		page.problems = [];
		const r = await page.request.post(stack.base + '/beheer/gebruikers/nieuw', {
			form: { naam: 'x', csrf: '0'.repeat(64) }, maxRedirects: 0 });
		eq(r.status(), 401, 'POST with an expired session: nothing done, said so');
		check(/href="\/inloggen\?verlopen=1"/.test(await r.text()), 'with a way to log in again');
		// Log in again: a fresh session that works.
		await login(page, 'beheer@demo.nl');
		eq(new URL(page.url()).pathname, '/beheer', 'logged in again');
		const r2 = await page.goto(stack.base + '/beheer/gebruikers');
		eq(r2.status(), 200, 'page after new log-in');
		// Active all the time but logged in for 13 hours: past SESSION_ABSOLUTE (12 hours).
		stack.sql("UPDATE session SET created_at = created_at - 13 * 3600");
		await page.goto(stack.base + '/beheer/gebruikers');
		eq(new URL(page.url()).pathname, '/inloggen', 'a session older than 12 hours ends too');
		await context.clearCookies();
	});

	await run.test('browser.each_role_lands_on_its_start_page', async () => {
		const bad = [];
		for (const [email, , start] of ROLES) {
			await context.clearCookies();
			await login(page, email);
			const got = new URL(page.url()).pathname;
			if (got !== start)
				bad.push(`${email}: ${got}, want ${start}`);
			await logout(page);
		}
		check(bad.length === 0, bad.join('; '));
	});

	await run.test('browser.error_pages_accessible', async () => {
		await context.clearCookies();
		const bad = [];
		let r = await page.goto(stack.base + '/bestaat/niet');
		eq(r.status(), 404, '404 status');
		check(/Pagina niet gevonden/.test(await page.textContent('h1')), 'Dutch 404 heading');
		await screenshot(page, 'fout 404');
		bad.push(...await axe(page, 'anon 404', run.notes));
		// 403: a parent opens the admin pages.
		await login(page, 'ouder@demo.nl');
		r = await page.goto(stack.base + '/beheer');
		eq(r.status(), 403, '403 status');
		await screenshot(page, 'fout 403');
		bad.push(...await axe(page, 'ouder 403', run.notes));
		await logout(page);
		check(bad.length === 0, bad.join('; '));
	});

	await run.test('browser.anonymous_pages_accessible', async () => {
		await context.clearCookies();
		const { problems } = await crawl(page, 'anon', '/inloggen', 20);
		check(problems.length === 0, problems.join('; '));
	});

	for (const [email, role] of ROLES) {
		await run.test(`browser.pages_accessible_${role}`, async () => {
			await context.clearCookies();
			await login(page, email);
			const { problems, visited } = await crawl(page, role, '/', 60);
			await logout(page);
			run.notes.push(`${role}: ${visited} pages checked`);
			check(problems.length === 0, problems.join('; '));
		});
	}

	for (const j of journeys)
		await run.test(`browser.journey_${j.name}`, () => j.fn({ stack, context, page, login, logout, run }));
} catch (e) {
	run.failed += 1;
	console.log(`FAIL: browser.setup: ${String(e && e.message ? e.message : e).replace(/\n/g, ' | ')}`);
	if (e && e.stack)
		console.error(e.stack);
} finally {
	await stopAll();
}

if (run.notes.length > 0) {
	fs.writeFileSync(path.join(ART, 'notes.txt'), run.notes.join('\n') + '\n');
	console.log('notes (not failures):\n  ' + run.notes.join('\n  '));
}
console.log(`browser: ${run.passed} passed, ${run.failed} failed; screenshots in ${ART}`);
process.exit(run.failed > 0 ? 1 : 0);
