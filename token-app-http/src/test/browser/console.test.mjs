// The admin console in a real browser: Debian's Chromium, headless, driven by playwright-core.
// Started by ConsoleBrowserIT against a running server; every value comes from the environment.
// Prints one line per scenario and exits non-zero on the first failure.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};
const BASE = env('CONSOLE_BASE_URL');            // http://127.0.0.1:<port>
const ADMIN = env('CONSOLE_ADMIN_EMAIL');
const ADMIN_PASSWORD = env('CONSOLE_ADMIN_PASSWORD');
const USER = env('CONSOLE_USER_EMAIL');          // a user without admin rights, with tokens
const USER_PASSWORD = env('CONSOLE_USER_PASSWORD');
const TARGET_JTI = env('CONSOLE_TARGET_JTI');    // one of USER's API tokens, revoked one by one
const TARGET_TOKEN = env('CONSOLE_TARGET_TOKEN');
const OTHER_TOKEN = env('CONSOLE_OTHER_TOKEN');  // another live token of USER, ended by revoke-all
const BEARER = env('CONSOLE_INTROSPECT_BEARER'); // a token allowed to call /oauth2/introspect
const SHOTS = env('CONSOLE_SCREENSHOT_DIR');
const CHROMIUM = env('CONSOLE_CHROMIUM');
const FAILURES = env('CONSOLE_FAILURE_DIR');     // where a failing scenario leaves a screenshot and the HTML
let current;                                     // the page a failure is recorded from

fs.mkdirSync(SHOTS, { recursive: true });
let passed = 0;
async function scenario(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    console.log(`not ok - ${name}: ${e.stack || e}`);
    if (current) {
      fs.mkdirSync(FAILURES, { recursive: true });
      await current.screenshot({ path: path.join(FAILURES, 'failure.png'), fullPage: true }).catch(() => {});
      fs.writeFileSync(path.join(FAILURES, 'failure.html'), await current.content().catch(() => ''));
      console.log(`at ${current.url()}; screenshot and HTML in ${FAILURES}`);
    }
    throw e;
  }
}

async function introspect(token) {
  const response = await fetch(`${BASE}/oauth2/introspect`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${BEARER}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page, email, password) {
  await page.goto(`${BASE}/admin/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// A page on another origin (localhost instead of 127.0.0.1) that posts a form to the console by itself.
function attackerSite() {
  const target = `${BASE}/admin/users`;
  const html = `<!DOCTYPE html><html><body><form id="f" method="post" action="${target}">
    <input name="email" value="mallory@evil.test"><input name="admin" value="true">
    <input name="password" value="mallory-password-1"><input name="csrf" value="guessed">
    </form><script>document.getElementById('f').submit();</script></body></html>`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  current = page;
  const cspViolations = [];
  page.on('console', (msg) => { if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text()); });

  await scenario('a user without admin rights is refused at sign-in', async () => {
    await signIn(page, USER, USER_PASSWORD);
    await page.getByText('This account has no admin rights').waitFor();
    assert.equal((await context.cookies()).filter((c) => c.name.includes('tokenlife_console')).length, 0);
    await page.goto(`${BASE}/admin/tokens`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  await scenario('a wrong password is said beside nothing and keeps the e-mail typed', async () => {
    await signIn(page, ADMIN, 'not-the-password');
    await page.getByText('Invalid e-mail or password').waitFor();
    assert.equal(await page.getByLabel('E-mail').inputValue(), ADMIN);
    await shot(page, 'sign-in');
  });

  await scenario('an admin signs in and sees the overview', async () => {
    await signIn(page, ADMIN, ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('heading', { name: 'Startup review' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name.includes('tokenlife_console'));
    assert.ok(cookie, 'a console session cookie is set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    await shot(page, 'overview');
  });

  await scenario("find a user's tokens by searching for the subject", async () => {
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByRole('heading', { name: 'Tokens' }).waitFor();
    await page.getByLabel('Search').fill(USER.toUpperCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]q=/);
    await page.waitForFunction((subject) => {
      const rows = [...document.querySelectorAll('table.list tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent.includes(subject));
    }, USER);
    await page.getByRole('link', { name: TARGET_JTI }).waitFor();
    const rows = await page.locator('table.list tbody tr').count();
    assert.ok(rows >= 2, `at least two tokens of ${USER}, got ${rows}`);
    assert.equal(await page.locator('table.list tbody tr', { hasNotText: USER }).count(), 0, 'only that subject');
    await shot(page, 'tokens');
  });

  await scenario('revoke one token with a reason; introspection then says it is inactive', async () => {
    assert.equal((await introspect(TARGET_TOKEN)).active, true);
    await page.getByRole('link', { name: TARGET_JTI }).click();
    await page.getByRole('heading', { name: 'Token', exact: true }).waitFor();
    await shot(page, 'token');
    await page.getByLabel('Reason').fill('laptop lost');
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByText('Token revoked.').waitFor();
    await page.getByText('laptop lost').waitFor();
    assert.deepEqual(await introspect(TARGET_TOKEN), { active: false });
  });

  await scenario('a stale page acting on an already-revoked token says so and changes nothing', async () => {
    await page.goBack(); // the detail page as it was, with its Revoke button
    const stale = await context.request.post(`${BASE}/admin/tokens/revoke`, {
      headers: { Origin: BASE },
      form: { jti: TARGET_JTI, reason: 'second try', csrf: await page.locator('input[name=csrf]').first().inputValue() },
    });
    assert.equal(stale.status(), 409);
    assert.match(await stale.text(), /already revoked/);
    await page.goto(`${BASE}/admin/tokens/${encodeURIComponent(TARGET_JTI)}`);
    await page.getByText('laptop lost').waitFor();
    assert.equal(await page.getByText('second try').count(), 0);
  });

  await scenario('revoke every token of the subject after a confirmation that counts them', async () => {
    assert.equal((await introspect(OTHER_TOKEN)).active, true);
    await page.getByRole('link', { name: /Revoke every token of/ }).click();
    await page.getByRole('heading', { name: 'Revoke all tokens' }).waitFor();
    const count = await page.locator('p.big strong').first().innerText();
    assert.equal(count, '2', 'the live tokens left: one API token and one session token');
    await shot(page, 'revoke-all');
    await page.getByRole('button', { name: /Revoke all tokens of/ }).click();
    await page.getByText(/Every token of .* issued until now is revoked \(2 live/).waitFor();
    assert.deepEqual(await introspect(OTHER_TOKEN), { active: false });
  });

  await scenario('a bad form value is shown beside its field and what was typed is kept', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Create a user' }).waitFor();
    await page.getByLabel('E-mail').fill('carol@example.com');
    await page.getByLabel('Full name').fill('Carol Operator');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('#f-password-error').waitFor();
    assert.match(await page.locator('#f-password-error').innerText(), /at least 10 characters/i);
    assert.equal(await page.getByLabel('E-mail').inputValue(), 'carol@example.com');
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Carol Operator');
    assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
    await shot(page, 'users-form-error');
  });

  await scenario('create a user, then disable them', async () => {
    await page.getByLabel('Password').fill('carol-password-1');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('.notice', { hasText: 'User created.' }).waitFor();
    const row = page.locator('tr', { hasText: 'carol@example.com' });
    await row.getByRole('button', { name: /Disable/ }).click();
    await page.locator('.notice', { hasText: 'User disabled' }).waitFor();
    await page.locator('tr', { hasText: 'carol@example.com' }).getByText('disabled', { exact: true }).waitFor();
    await shot(page, 'users');
  });

  await scenario('the security events show the revocations, filterable by type', async () => {
    await page.getByRole('link', { name: 'Security events' }).click();
    await page.getByLabel('Type').selectOption('token_revoked');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table.list tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent.includes('token_revoked'));
    });
    await page.locator('table.list tbody tr', { hasText: 'laptop lost' }).waitFor();
    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('Subject').fill(USER);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.locator('table.list tbody tr', { hasText: 'subject_tokens_revoked' }).waitFor();
    await shot(page, 'events');
  });

  await scenario('a form posted from another origin is refused and changes nothing', async () => {
    const attacker = await attackerSite();
    try {
      const { port } = attacker.address();
      await page.goto(`http://localhost:${port}/`);
      await page.waitForURL(`${BASE}/admin/users`);
      await page.getByText(/refused/).first().waitFor();
      const forged = await context.request.post(`${BASE}/admin/users`, {
        headers: { Origin: `http://localhost:${port}` },
        form: { email: 'mallory@evil.test', admin: 'true', csrf: 'guessed' },
      });
      assert.equal(forged.status(), 403);
      const noToken = await context.request.post(`${BASE}/admin/users`, {
        headers: { Origin: BASE }, form: { email: 'mallory@evil.test', admin: 'true' },
      });
      assert.equal(noToken.status(), 403, 'same origin but no CSRF token');
      assert.match(await noToken.text(), /security token is missing/);
      await page.goto(`${BASE}/admin/users`);
      assert.equal(await page.getByText('mallory@evil.test').count(), 0);
    } finally {
      attacker.close();
    }
  });

  await scenario('the console is readable at phone width', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.addCookies(await context.cookies());
    const small = await phone.newPage();
    await small.goto(`${BASE}/admin`);
    await small.getByRole('heading', { name: 'Overview' }).waitFor();
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling of the page (scrollWidth ${width})`);
    await shot(small, 'overview-phone');
    await phone.close();
  });

  await scenario('with JavaScript off, signing in and searching still work', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await signIn(p, ADMIN, ADMIN_PASSWORD);
    await p.getByRole('heading', { name: 'Overview' }).waitFor();
    await p.goto(`${BASE}/admin/tokens`);
    await p.getByLabel('Status').selectOption('revoked');
    await p.getByRole('button', { name: 'Search' }).click();
    await p.getByRole('link', { name: TARGET_JTI }).waitFor();
    await plain.close();
  });

  await scenario('sign-out revokes the session: the old cookie lands on the sign-in page', async () => {
    const before = await context.cookies();
    await page.goto(`${BASE}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Signed out.').waitFor();
    await context.addCookies(before); // as if the cookie had been copied before signing out
    await page.goto(`${BASE}/admin/tokens`);
    await page.getByText('Your session has ended').waitFor();
  });

  assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violation on any page');
  console.log(`${passed} passed, 0 failed`);
} finally {
  await browser.close();
}
