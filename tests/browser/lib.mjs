// Shared pieces of the browser tests: the stack (nginx + verzuimd on a free port, demo data), the
// browser (Debian's Chromium driven by playwright-core — never a downloaded browser), axe-core,
// screenshots, keyboard checks and the PASS/FAIL protocol of tests/run-all.sh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Each run writes into its own folder, artifacts/<time>-<pid>/ (make check may run beside a
// make e2e); artifacts/latest points at the newest; the three newest runs are kept.
const ART_ROOT = path.join(ROOT, 'tests', 'browser', 'artifacts');
export const ART = path.join(ART_ROOT, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
export function prepareArtifacts() {
	fs.mkdirSync(ART, { recursive: true });
	const runs = fs.readdirSync(ART_ROOT).filter((d) => /^\d{4}-/.test(d)).sort();
	for (const d of runs.slice(0, Math.max(0, runs.length - 3)))
		fs.rmSync(path.join(ART_ROOT, d), { recursive: true, force: true });
	const latest = path.join(ART_ROOT, 'latest');
	try { fs.rmSync(latest, { force: true }); fs.symlinkSync(path.basename(ART), latest); } catch { /* another run won */ }
}
export const PASSWORD = 'demo-wachtwoord';
const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.1 A and AA: what Dutch government sites must meet (the Digitoegankelijk standard).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

export class Stack {
	constructor(workers = 2) {
		this.var = fs.mkdtempSync(path.join(os.tmpdir(), 'verzuim-browser-'));
		this.workers = workers;
	}

	async start() {
		this.port = await freePort();
		const out = spawnSync('sh', [path.join(ROOT, 'nginx/stack.sh'), 'start', this.var,
			String(this.port), String(this.workers), 'demo'], { encoding: 'utf8', env: process.env });
		if (out.status !== 0)
			throw new Error('stack did not start: ' + out.stdout + out.stderr);
		this.base = `http://127.0.0.1:${this.port}`;
		return this;
	}

	stop(keep = false) {
		spawnSync('sh', [path.join(ROOT, 'nginx/stack.sh'), 'stop', this.var], { encoding: 'utf8' });
		if (!keep)
			fs.rmSync(this.var, { recursive: true, force: true });
	}

	get db() { return path.join(this.var, 'data', 'verzuim.db'); }

	sql(query) {
		const out = spawnSync('sqlite3', ['-cmd', '.timeout 5000', this.db, query], { encoding: 'utf8' });
		if (out.status !== 0)
			throw new Error('sqlite3: ' + out.stderr);
		return out.stdout.trim();
	}

	log(name = 'verzuimd.log') {
		try {
			return fs.readFileSync(path.join(this.var, 'log', name), 'utf8');
		} catch {
			return '';
		}
	}
}

// Chromium as this machine documents it: the Debian binary, headless, no background networking
// (the closed network refuses those connections), a fresh profile in a temporary folder.
export async function launch() {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verzuim-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		viewport: { width: 1280, height: 900 },
		locale: 'nl-NL',
		timeout: 60000,
	});
	context.setDefaultTimeout(15000);
	context.setDefaultNavigationTimeout(30000);
	const close = async () => {
		await context.close().catch(() => {});
		fs.rmSync(profile, { recursive: true, force: true });
	};
	return { context, close };
}

// A page that records console errors (a CSP violation shows up there) and uncaught exceptions.
export async function newPage(context) {
	const page = await context.newPage();
	page.problems = [];
	page.on('console', (m) => {
		if (m.type() === 'error')
			page.problems.push('console: ' + m.text());
	});
	page.on('pageerror', (e) => page.problems.push('page error: ' + e.message));
	return page;
}

let shotNo = 0;
export function slug(s) {
	return s.replace(/^https?:\/\/[^/]+/, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
}

export async function screenshot(page, label) {
	shotNo += 1;
	const file = path.join(ART, `${String(shotNo).padStart(3, '0')}-${slug(label)}.png`);
	await page.screenshot({ path: file, fullPage: true }).catch(() => {});
	return file;
}

// axe-core in the page, WCAG 2.1 A + AA. Returns the serious/critical violations as strings;
// the full result goes to artifacts/axe-<label>.json, lesser findings to the notes.
export async function axe(page, label, notes) {
	// The page's CSP forbids inline script; evaluating through the DevTools protocol is not
	// subject to it, so the page under test keeps its real policy.
	const have = await page.evaluate(() => typeof window.axe !== 'undefined');
	if (!have)
		await page.evaluate(AXE_SOURCE);
	const res = await page.evaluate(async (tags) => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200),
				summary: n.failureSummary })),
		}));
	}, AXE_TAGS);
	fs.writeFileSync(path.join(ART, `axe-${slug(label)}.json`), JSON.stringify(res, null, 2));
	const bad = [];
	for (const v of res) {
		const where = v.nodes.slice(0, 3).map((n) => n.target).join(', ');
		const line = `${label}: ${v.id} (${v.impact}) ${v.help} at ${where}`;
		if (BLOCKING.has(v.impact))
			bad.push(line);
		else if (notes)
			notes.push(line);
	}
	return bad;
}

// Whether every visible form control on the page can be reached with Tab alone, in order, from
// the top of the page, and shows a visible focus indicator. Returns the problems found.
export async function keyboardReach(page, label) {
	const controls = await page.evaluate(() => {
		// A radio group is one stop for Tab (its buttons are chosen with the arrow keys).
		const out = [];
		const groups = new Map();
		for (const el of document.querySelectorAll('main form input, main form select, main form textarea, main form button')) {
			if (el.type === 'hidden' || el.disabled)
				continue;
			const r = el.getBoundingClientRect();
			const cs = getComputedStyle(el);
			if ((r.width === 0 && r.height === 0) || cs.visibility === 'hidden' || cs.display === 'none')
				continue;
			const group = el.type === 'radio' && el.name ? (el.form ? el.form.action : '') + '|' + el.name : null;
			if (group !== null && groups.has(group)) {
				el.dataset.kbcheck = groups.get(group);
				continue;
			}
			el.dataset.kbcheck = String(out.length);
			if (group !== null)
				groups.set(group, el.dataset.kbcheck);
			out.push(el.name || el.id || el.textContent.trim().slice(0, 30));
		}
		return out;
	});
	if (controls.length === 0)
		return [];
	await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
	await page.mouse.click(1, 1).catch(() => {});	// put the caret at the top of the document
	const seen = new Set();
	const problems = [];
	const limit = 400;
	for (let n = 0; n < limit && seen.size < controls.length; n++) {
		await page.keyboard.press('Tab');
		const info = await page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el.dataset.kbcheck === undefined)
				return null;
			const cs = getComputedStyle(el);
			const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
				cs.boxShadow !== 'none';
			return { k: el.dataset.kbcheck, visible };
		});
		if (info === null)
			continue;
		if (!seen.has(info.k) && !info.visible)
			problems.push(`${label}: no visible focus on ${controls[Number(info.k)]}`);
		seen.add(info.k);
	}
	controls.forEach((c, i) => {
		if (!seen.has(String(i)))
			problems.push(`${label}: ${c} cannot be reached with Tab`);
	});
	return problems;
}

// Fill and submit a form with the keyboard alone: Tab to each named field and type into it.
// fields: [[name, value], ...] in any order; submitLabel: the text of the submit button.
export async function keyboardFill(page, fields, submitLabel) {
	await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
	await page.mouse.click(1, 1).catch(() => {});
	const todo = new Map(fields);
	for (let n = 0; n < 300; n++) {
		await page.keyboard.press('Tab');
		const el = await page.evaluate(() => {
			const a = document.activeElement;
			return a ? { tag: a.tagName, name: a.name || '', type: a.type || '', text: (a.textContent || '').trim() } : null;
		});
		if (el === null)
			continue;
		if (todo.has(el.name) && el.tag !== 'BUTTON') {
			const v = todo.get(el.name);
			todo.delete(el.name);
			if (el.tag === 'SELECT') {
				await page.evaluate((val) => { document.activeElement.value = val; }, v);
			} else if (el.type === 'checkbox' || el.type === 'radio') {
				if (v)
					await page.keyboard.press('Space');
			} else {
				await page.keyboard.press('Control+A');
				await page.keyboard.type(String(v));
			}
			continue;
		}
		if (todo.size === 0 && el.tag === 'BUTTON' && el.text === submitLabel) {
			await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
			return;
		}
	}
	throw new Error(`keyboard: could not reach ${[...todo.keys()].join(', ') || 'the button ' + submitLabel}`);
}

// The PASS/FAIL protocol of tests/run-all.sh.
export class Runner {
	constructor() {
		this.failed = 0;
		this.passed = 0;
		this.notes = [];
	}

	async test(name, fn) {
		// BROWSER_ONLY=regex runs only the matching tests (while working on one).
		if (process.env.BROWSER_ONLY && !new RegExp(process.env.BROWSER_ONLY).test(name))
			return;
		try {
			await fn();
			this.passed += 1;
			console.log(`PASS: ${name}`);
		} catch (e) {
			this.failed += 1;
			const why = String(e && e.message ? e.message : e).replace(/\s*\n\s*/g, ' | ').slice(0, 3000);
			console.log(`FAIL: ${name}: ${why}`);
			if (e && e.stack)
				console.error(e.stack);
		}
	}
}

export function check(cond, msg) {
	if (!cond)
		throw new Error(msg);
}

export function eq(got, want, what) {
	if (got !== want)
		throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}
