// The journeys across roles (issue 8), each through the pages as a user clicks them:
//   leave:   a parent requests leave → the head (directeur) decides → the decision letter, seen by
//            the head and by the parent;
//   melding: a school files a verzuimmelding → the leerplicht officer takes it up and writes back
//            → the school sees the status and the feedback.
// Each page on the way gets axe (WCAG 2.1 A + AA, no serious or critical violation) and a
// screenshot. Each: { name, fn({ stack, context, page, login, logout, run }) }.
import { axe, screenshot, check, eq } from './lib.mjs';

async function assertAccessible(page, label, run) {
	await screenshot(page, label);
	const bad = await axe(page, label, run.notes);
	const probs = page.problems.filter((x) => !/status of 4\d\d/.test(x));
	check(bad.length === 0 && probs.length === 0, [...bad, ...probs].join('; '));
	page.problems = [];
}

// The table's status of a row; on a mismatch the error the page shows is in the message.
async function expectStatus(stack, page, table, id, want, what) {
	const got = stack.sql(`SELECT status FROM ${table} WHERE id = ${id}`);
	if (got !== want) {
		const shown = await page.locator('main .field-error, main [role="alert"]').allTextContents();
		throw new Error(`${what}: status ${got}, want ${want}; page ${page.url()} says: ${shown.join(' / ').slice(0, 500)}`);
	}
}

function pathOf(page) {
	return new URL(page.url()).pathname;
}

async function clickAndWait(page, locator) {
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

// Fill every field the page marks invalid with something plausible (the melding form asks for
// different fields per soort and per age). Returns how many fields were filled.
async function fillInvalid(page, date) {
	const fields = page.locator('main .utrecht-form-field--invalid');
	const n = await fields.count();
	let filled = 0;
	for (let i = 0; i < n; i++) {
		const f = fields.nth(i);
		const radio = f.locator('input[type="radio"]');
		if (await radio.count() > 0) {
			await radio.first().check();
			filled++;
			continue;
		}
		const sel = f.locator('select');
		if (await sel.count() > 0) {
			const vals = await sel.first().locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
			if (vals.length > 0) {
				await sel.first().selectOption(vals[0]);
				filled++;
			}
			continue;
		}
		const box = f.locator('input:not([type="hidden"]):not([type="file"]), textarea');
		if (await box.count() === 0)
			continue;
		const el = box.first();
		const type = (await el.getAttribute('type')) || (await el.evaluate((e) => e.tagName.toLowerCase()));
		const name = (await el.getAttribute('name')) || '';
		let v = 'Test';
		if (type === 'date' || /datum|periode|start|eind/.test(name))
			v = date;
		else if (type === 'email' || /email/.test(name))
			v = 'verzuim@vakcollege.demo.nl';
		else if (type === 'tel' || /telefoon/.test(name))
			v = '079 123 45 67';
		else if (type === 'textarea')
			v = 'De leerling is sinds vorige week niet meer op school geweest; de mentor heeft gebeld.';
		await el.fill(v);
		filled++;
	}
	return filled;
}

export const journeys = [
	{
		name: 'leave_request_decision_letter',
		async fn({ context, page, login, logout, run, stack }) {
			await context.clearCookies();
			// The parent: start page → request form.
			await login(page, 'ouder@demo.nl');
			eq(pathOf(page), '/ouder', 'parent start page');
			await assertAccessible(page, 'verlof ouder start', run);
			await clickAndWait(page, page.locator('main a[href="/verlof/nieuw"]').first());
			eq(pathOf(page), '/verlof/nieuw', 'request form');
			await assertAccessible(page, 'verlof formulier', run);

			// First without a period: the form answers with errors next to the fields and keeps
			// what was entered.
			const kids = await page.locator('#leerling option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
			check(kids.length >= 1, 'the parent\'s children are offered');
			await page.selectOption('#leerling', kids[0]);
			await page.check('#grond-11g');
			await page.selectOption('#categorie', 'huwelijk');
			const graad = await page.locator('#graad option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
			if (graad.length > 0)
				await page.selectOption('#graad', graad[0]);
			const waar = await page.locator('#waar option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
			if (waar.length > 0)
				await page.selectOption('#waar', waar[0]);
			await page.fill('#toelichting', 'Huwelijk van de zus van de moeder.');
			await clickAndWait(page, page.locator('main form button[type="submit"]').first());
			check(await page.locator('.utrecht-form-field--invalid').count() > 0, 'errors marked at the fields');
			eq(await page.inputValue('#toelichting'), 'Huwelijk van de zus van de moeder.', 'explanation kept');
			eq(await page.inputValue('#leerling'), kids[0], 'child kept');
			check(await page.isChecked('#grond-11g'), 'ground kept');
			await assertAccessible(page, 'verlof formulier fouten', run);

			// A Thursday in January 2027, outside the vacations of the demo calendar.
			await page.fill('#van', '2027-01-14');
			await page.fill('#tot', '2027-01-14');
			// The evidence (§8: required for 11g; without it the leave cannot be granted).
			await page.setInputFiles('#bijlage', { name: 'uitnodiging.pdf', mimeType: 'application/pdf',
				buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
			await clickAndWait(page, page.locator('main form button[type="submit"]').first());
			check(await page.locator('.verdict').count() === 1, 'the rules\' verdict is shown after Controleren');
			check((await page.textContent('main')).includes('uitnodiging.pdf'), 'the evidence is kept');
			await assertAccessible(page, 'verlof gecontroleerd', run);
			await clickAndWait(page, page.locator('main form button[type="submit"]').first());
			const m = pathOf(page).match(/^\/verlof\/(\d+)$/);
			check(m, 'after submitting: the request page, not ' + page.url());
			const id = m[1];
			await expectStatus(stack, page, 'leave_request', id, 'ingediend', 'stored status');
			await assertAccessible(page, 'verlof ingediend', run);
			await logout(page);

			// The head decides.
			await login(page, 'directeur@demo.nl');
			await page.goto(`${stack.base}/verlof/${id}`);
			await assertAccessible(page, 'verlof directeur', run);
			await page.check('#besluit-toe');
			await page.fill('#motivering', 'Het huwelijk van een bloedverwant in de derde graad is een gewichtige omstandigheid.');
			await clickAndWait(page, page.locator(`form[action="/verlof/${id}/besluit"] button[type="submit"]`));
			await expectStatus(stack, page, 'leave_request', id, 'toegekend', 'status after the decision');
			await assertAccessible(page, 'verlof besloten', run);
			await clickAndWait(page, page.locator(`main a[href="/verlof/${id}/brief"]`).first());
			eq(pathOf(page), `/verlof/${id}/brief`, 'letter page');
			check(/toegekend|toe te kennen|verleend/i.test(await page.textContent('main')), 'the letter grants the leave');
			await assertAccessible(page, 'verlof brief directeur', run);
			await logout(page);

			// The parent sees the decision and the same letter.
			await login(page, 'ouder@demo.nl');
			await page.goto(`${stack.base}/verlof/${id}`);
			check(/toegekend/i.test(await page.textContent('main')), 'the parent sees the decision');
			const r = await page.goto(`${stack.base}/verlof/${id}/brief`);
			eq(r.status(), 200, 'the parent opens the letter');
			await page.emulateMedia({ media: 'print' });
			await screenshot(page, 'verlof brief ouder print');
			await page.emulateMedia({ media: 'screen' });
			await assertAccessible(page, 'verlof brief ouder', run);
			await logout(page);
		},
	},
	{
		name: 'melding_handling_feedback',
		async fn({ context, page, login, logout, run, stack }) {
			await context.clearCookies();
			await login(page, 'school@demo.nl');
			eq(pathOf(page), '/school', 'school start page');
			await page.goto(`${stack.base}/school/leerlingen/1`);
			await assertAccessible(page, 'melding leerling', run);
			// The school first registers the absence (the desk needs the verzuimstaat): a whole
			// day, unauthorised, on the last weekday before today.
			const d = new Date();
			do d.setDate(d.getDate() - 1); while (d.getDay() === 0 || d.getDay() === 6);
			const day = d.toISOString().slice(0, 10);
			const regs = Number(stack.sql('SELECT count(*) FROM registration WHERE student_id = 1'));
			await page.fill('#datum', day);
			await page.selectOption('#soort', 'ongeoorloofd');
			await page.check('input[name="hele_dag"]');
			await clickAndWait(page, page.locator('form[action="/school/leerlingen/1/registraties"] button[type="submit"]'));
			eq(Number(stack.sql('SELECT count(*) FROM registration WHERE student_id = 1')), regs + 1, 'registration added');
			await assertAccessible(page, 'melding registratie', run);
			await page.goto(`${stack.base}/school/leerlingen/1`);
			await clickAndWait(page, page.locator('main a[href="/school/leerlingen/1/melding"]').first());
			await assertAccessible(page, 'melding soort kiezen', run);
			await clickAndWait(page, page.locator('main a[href$="soort=overig"]').first());
			await assertAccessible(page, 'melding formulier', run);
			await page.fill('input[name="periode_start"]', day);
			const date = day;
			const before = Number(stack.sql('SELECT count(*) FROM melding'));

			// Submit; fill whatever the form marks as missing; at most three rounds.
			let rounds = 0;
			for (; rounds < 4; rounds++) {
				await clickAndWait(page, page.locator('main form button[type="submit"]').first());
				if (/^\/school\/meldingen\/\d+$/.test(pathOf(page)))
					break;
				check(await page.locator('.utrecht-form-field--invalid').count() > 0,
					'refused without a marked field: ' + (await page.textContent('main')).slice(0, 300));
				if (rounds === 0)
					await assertAccessible(page, 'melding formulier fouten', run);
				check(await fillInvalid(page, date) > 0, 'nothing to fill');
			}
			const m = pathOf(page).match(/^\/school\/meldingen\/(\d+)$/);
			check(m, 'the melding page after sending, not ' + page.url());
			const id = m[1];
			eq(Number(stack.sql('SELECT count(*) FROM melding')), before + 1, 'one melding added');
			const loket = stack.sql(`SELECT loket_id FROM melding WHERE id = ${id}`);
			await assertAccessible(page, 'melding verstuurd', run);
			await logout(page);

			// The officer of the desk it was routed to.
			const officer = loket === '10' ? 'leerplicht@demo.nl' : loket === '11' ? 'rmc@demo.nl' : null;
			check(officer, 'routed to a demo desk (10 or 11), got ' + loket);
			await login(page, officer);
			eq(pathOf(page), '/loket', 'desk inbox');
			await assertAccessible(page, 'melding inbox', run);
			let link = page.locator(`main a[href="/loket/meldingen/${id}"]`);
			for (let p = 0; p < 20 && await link.count() === 0; p++) {
				const next = page.locator('main a[rel="next"]');
				if (await next.count() === 0)
					break;
				await clickAndWait(page, next.first());
				link = page.locator(`main a[href="/loket/meldingen/${id}"]`);
			}
			check(await link.count() > 0, 'the new melding is in the desk\'s inbox');
			await clickAndWait(page, link.first());
			await assertAccessible(page, 'melding loket', run);
			// Take it up, write back to the school, then close it with the closing feedback.
			await page.selectOption('#status', 'in_behandeling');
			await page.fill('#toelichting', 'Opgepakt door de leerplichtambtenaar.');
			await clickAndWait(page, page.locator(`form[action="/loket/meldingen/${id}/status"] button[type="submit"]`));
			await expectStatus(stack, page, 'melding', id, 'in_behandeling', 'status after taking it up');
			await assertAccessible(page, 'melding in behandeling', run);
			const feedback = 'Wij hebben de ouders uitgenodigd voor een gesprek op het gemeentehuis.';
			await page.fill('#tekst', feedback);
			await clickAndWait(page, page.locator(`form[action="/loket/meldingen/${id}/terugkoppeling"] button[type="submit"]`));
			check((await page.textContent('main')).includes(feedback), 'the feedback is in the history');
			await assertAccessible(page, 'melding terugkoppeling loket', run);
			await logout(page);

			// The school sees the status and the feedback, and gives the end date of the absence.
			await login(page, 'school@demo.nl');
			await page.goto(`${stack.base}/school/meldingen/${id}`);
			let text = await page.textContent('main');
			check(text.includes(feedback), 'the school sees the officer\'s feedback');
			check(/in behandeling/i.test(text), 'the school sees the status in behandeling');
			await assertAccessible(page, 'melding terugkoppeling school', run);
			await page.fill('form[action$="/einddatum"] input[name="einddatum"]', day);
			const note = page.locator('form[action$="/einddatum"] [name="toelichting"]');
			if (await note.count() > 0)
				await note.fill('De leerling is weer op school.');
			await clickAndWait(page, page.locator(`form[action="/school/meldingen/${id}/einddatum"] button[type="submit"]`));
			eq(stack.sql(`SELECT school_end_date FROM melding WHERE id = ${id}`), day, 'end date stored');
			await assertAccessible(page, 'melding einddatum school', run);
			await logout(page);

			// The officer closes it with the closing feedback.
			await login(page, officer);
			await page.goto(`${stack.base}/loket/meldingen/${id}`);
			await page.selectOption('#status', 'afgesloten');
			const reasons = await page.locator('#reden option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
			check(reasons.length > 0, 'closing reasons offered');
			await page.selectOption('#reden', reasons.includes('terug_naar_school') ? 'terug_naar_school' : reasons[0]);
			const closing = 'De leerling gaat weer naar school; wij sluiten de melding af.';
			await page.fill('#terugkoppeling', closing);
			await page.check('input[name="bevestigd"]');
			await clickAndWait(page, page.locator(`form[action="/loket/meldingen/${id}/status"] button[type="submit"]`));
			await expectStatus(stack, page, 'melding', id, 'afgesloten', 'status after closing');
			await assertAccessible(page, 'melding afgesloten', run);
			await logout(page);

			// The school sees it closed, with the closing feedback.
			await login(page, 'school@demo.nl');
			await page.goto(`${stack.base}/school/meldingen/${id}`);
			text = await page.textContent('main');
			check(text.includes(closing), 'the school sees the closing feedback');
			check(/afgesloten/i.test(text), 'the school sees the status afgesloten');
			await assertAccessible(page, 'melding afgesloten school', run);
			await logout(page);
		},
	},
];
