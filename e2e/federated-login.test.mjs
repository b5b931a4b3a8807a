// End-to-end: a council officer signs in to Swagger UI with their council's own identity provider
// (issue #18 item 3). The demo realm's login is identity-first: the officer types their work email,
// Keycloak sees the domain swale.gov.uk belongs to the swale organization, whose identity provider `swale`
// redirects when the email domain matches, and sends the browser to the council's realm (swale-council,
// docker/keycloak/council-idp-realm.json); they sign in there and come back authorised. The first login
// makes them a member of the swale organization with no EstateHub role: the API answers 403 problem+json
// until a role is granted (here through Keycloak's admin REST API, as onboarding does), then 200.
//
//   ESTATEHUB_URL=http://localhost:8090 npm test
//
// Environment: ESTATEHUB_URL (the running API, demo profile), ESTATEHUB_OIDC_URL (default
// http://localhost:8180/realms/estatehub), ESTATEHUB_BROWSER_URL (the origin the browser is shown, default
// ESTATEHUB_URL; see routeApi in browser.mjs), KEYCLOAK_ADMIN_USER / KEYCLOAK_ADMIN_PASSWORD (master realm,
// default admin / admin), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { claims, launchBrowser, routeApi, routedFlags } from './browser.mjs';

const base = (process.env.ESTATEHUB_URL ?? 'http://localhost:8090').replace(/\/$/, '');
const shown = (process.env.ESTATEHUB_BROWSER_URL ?? base).replace(/\/$/, '');
const realm = (process.env.ESTATEHUB_OIDC_URL ?? 'http://localhost:8180/realms/estatehub').replace(/\/$/, '');
const keycloak = new URL(realm).origin;
const admin = `${keycloak}/admin/realms/estatehub`;
const councilRealm = `${keycloak}/realms/swale-council`;
const email = 'jo.bloggs@swale.gov.uk';
const councilPassword = 'demo';
const results = new URL('./test-results/', import.meta.url).pathname;

let browser;
let context;

async function adminToken() {
  const answer = await fetch(`${keycloak}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli',
      username: process.env.KEYCLOAK_ADMIN_USER ?? 'admin', password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin' }),
  });
  assert.equal(answer.status, 200, 'master realm admin login');
  return (await answer.json()).access_token;
}

async function adminApi(path, init = {}) {
  const answer = await fetch(`${admin}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json', ...init.headers },
  });
  assert.ok(answer.ok, `${init.method ?? 'GET'} ${path}: ${answer.status} ${await answer.clone().text()}`);
  return answer.status === 204 || answer.headers.get('content-length') === '0' ? null : answer.json();
}

/** The estatehub realm's user brokered from the council, or undefined before their first login. */
async function brokeredUser() {
  return (await adminApi(`/users?email=${encodeURIComponent(email)}&exact=true`))[0];
}

before(async () => {
  // A first login must be a first login: forget the user an earlier run brokered (the council's own
  // account is untouched).
  const earlier = await brokeredUser();
  if (earlier) await adminApi(`/users/${earlier.id}`, { method: 'DELETE' });
  browser = await launchBrowser('estatehub-e2e-federated-', shown === base ? [] : routedFlags);
  context = browser.context;
  await routeApi(context, { shown, base, keycloak });
});

after(async () => {
  await browser?.close();
});

/** Authorize in Swagger UI and sign in on the popup with `signIn`; returns the scheme's panel. */
async function authorize(page, signIn) {
  await page.locator('.auth-wrapper button.authorize').click();
  const scheme = page.locator('.auth-container').filter({ has: page.locator('h4', { hasText: /^keycloak\b/ }) });
  await scheme.waitFor();
  const [login] = await Promise.all([context.waitForEvent('page'), scheme.locator('button.authorize').click()]);
  const closed = login.isClosed() ? Promise.resolve() : login.waitForEvent('close', { timeout: 60_000 });
  await signIn(login);
  await closed;
  await scheme.locator('button', { hasText: 'Logout' }).waitFor();
  return scheme;
}

/** GET /me through Swagger UI's Try it out; returns the bearer token the request carried. */
async function tokenFromMe(page) {
  const sent = page.waitForRequest((request) => request.url() === `${shown}/me`);
  const me = page.locator('#operations-Me-getMe');
  if (!(await me.locator('button.execute').isVisible())) {
    if (!(await me.locator('button.try-out__btn').isVisible())) await me.locator('.opblock-summary').click();
    await me.locator('button.try-out__btn').click();
  }
  await me.locator('button.execute').click();
  const authorization = await (await sent).headerValue('authorization');
  assert.match(authorization ?? '', /^Bearer /);
  return authorization.slice('Bearer '.length);
}

async function api(path, token) {
  return fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
}

test('Swagger UI: a Swale officer types their work email, signs in at the council, joins swale with no role', async () => {
  const page = await context.newPage();
  try {
    await page.goto(`${shown}/q/swagger-ui/`);
    await page.locator('.information-container .title', { hasText: 'EstateHub API' }).waitFor();

    let councilLogin;
    const scheme = await authorize(page, async (login) => {
      // EstateHub's realm: identity-first, the email alone
      await login.waitForURL((url) => url.href.startsWith(`${realm}/protocol/openid-connect/auth?`));
      await login.locator('#username').fill(email);
      assert.equal(await login.locator('#password').isVisible(), false, 'identity-first: no password field');
      await login.locator('#kc-login').click();
      // ...routed by the domain to the council's own login page
      await login.waitForURL((url) => url.href.startsWith(`${councilRealm}/protocol/openid-connect/auth?`));
      councilLogin = new URL(login.url());
      assert.equal(councilLogin.searchParams.get('client_id'), 'estatehub-broker');
      assert.equal(councilLogin.searchParams.get('redirect_uri'), `${realm}/broker/swale/endpoint`);
      const username = login.locator('#username');
      if (!(await username.inputValue())) await username.fill(email);
      await login.locator('#password').fill(councilPassword);
      await login.locator('#kc-login').click({ noWaitAfter: true });
    });
    assert.ok(councilLogin, 'the council realm showed its login');
    await page.locator('.modal-ux button.btn-done, .modal-ux button.close-modal').first().click();

    const token = await tokenFromMe(page);
    const first = claims(token);
    assert.equal(first.iss, realm);
    assert.equal(first.azp, 'estatehub-ui');
    assert.equal(first.email, email);
    assert.deepEqual(first.organization, ['swale'], 'the first login made them a member of swale');
    assert.deepEqual((first.realm_access?.roles ?? []).filter((r) => !r.startsWith('default-roles') && r !== 'offline_access' && r !== 'uma_authorization'), []);

    // Keycloak: a managed member of the swale organization, linked to the council's identity provider,
    // with no EstateHub role
    const user = await brokeredUser();
    assert.ok(user, 'the brokered user exists');
    const swale = (await adminApi('/organizations?search=swale')).find((o) => o.alias === 'swale');
    assert.ok(swale, 'the swale organization');
    const members = await adminApi(`/organizations/${swale.id}/members?search=${encodeURIComponent(email)}&exact=true`);
    assert.equal(members.length, 1, JSON.stringify(members));
    assert.equal(members[0].id, user.id);
    assert.equal(members[0].membershipType, 'MANAGED');
    const links = await adminApi(`/users/${user.id}/federated-identity`);
    assert.deepEqual(links.map((l) => l.identityProvider), ['swale']);
    const estatehubRoles = ['pmo-admin', 'partner-editor', 'partner-viewer', 's151-officer', 'board-member'];
    const roles = (await adminApi(`/users/${user.id}/role-mappings/realm/composite`)).map((r) => r.name);
    assert.deepEqual(roles.filter((r) => estatehubRoles.includes(r)), [], JSON.stringify(roles));

    // The API: no role, no data
    const refused = await api('/assets?limit=1', token);
    assert.equal(refused.status, 403);
    assert.match(refused.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await refused.json();
    assert.equal(problem.status, 403);
    assert.equal(problem.type, 'https://estatehub.example/problems/no-role');
    assert.match(problem.detail, /partner swale/);

    // Their administrator grants partner-viewer (Keycloak admin REST API, as onboarding does)
    const viewer = await adminApi('/roles/partner-viewer');
    await adminApi(`/users/${user.id}/role-mappings/realm`, { method: 'POST', body: JSON.stringify([viewer]) });

    // A new token (Swagger UI again; Keycloak's session signs them in without a form) carries the role
    await page.locator('.auth-wrapper button.authorize').click();
    await scheme.locator('button', { hasText: 'Logout' }).click();
    const [again] = await Promise.all([context.waitForEvent('page'), scheme.locator('button.authorize').click()]);
    if (!again.isClosed()) await again.waitForEvent('close', { timeout: 60_000 });
    await scheme.locator('button', { hasText: 'Logout' }).waitFor();
    await page.locator('.modal-ux button.btn-done, .modal-ux button.close-modal').first().click();
    const granted = await tokenFromMe(page);
    assert.ok(claims(granted).realm_access.roles.includes('partner-viewer'));
    assert.deepEqual(claims(granted).organization, ['swale']);
    const allowed = await api('/assets?limit=1', granted);
    assert.equal(allowed.status, 200, await allowed.clone().text());
    const me = await (await api('/me', granted)).json();
    assert.equal(me.partnerId, 'swale');
    assert.equal(me.partner.name, 'Swale Borough Council');
    assert.deepEqual(me.roles, ['partner-viewer']);
  } catch (e) {
    mkdirSync(results, { recursive: true });
    for (const [i, p] of context.pages().entries()) {
      await p.screenshot({ path: join(results, `federated-failure-${i}.png`), fullPage: true }).catch(() => {});
    }
    throw e;
  }
});
