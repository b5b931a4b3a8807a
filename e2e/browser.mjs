// What both e2e tests share: Debian's Chromium (CHROMIUM, default /usr/bin/chromium), headless, in a fresh
// profile of its own so no cookie or Keycloak session carries over from another run, and reading a JWT's
// claims.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Starts Chromium (with `extraArgs` after the usual ones); close() ends it and removes its profile. */
export async function launchBrowser(profilePrefix, extraArgs = []) {
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  context.setDefaultTimeout(30_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/**
 * Signs in on Keycloak's login page. The realm's login is identity-first (organizations, issue #18): the
 * first page asks for the username or email only, and the password comes on the next page unless the
 * address belongs to an organization whose own identity provider takes over. A page that already shows
 * the password field (a realm without organizations) is filled in one go.
 */
export async function signIn(page, username, password, { noWaitAfter = false } = {}) {
  await page.locator('#username').fill(username);
  if (!(await page.locator('#password').isVisible())) {
    await page.locator('#kc-login').click();
    await page.locator('#password').waitFor();
  }
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click({ noWaitAfter });
}

/**
 * Shows the API at `shown` while `base` answers (Playwright routing), for an API on a port that is not
 * among estatehub-ui's redirect URIs (8080, 8081, 8090-8094), such as a developer's own. Keycloak's
 * redirects back to the API (after its login form, `/login-actions/`; after a federated login, the
 * broker endpoint `/broker/`; at once from the authorization endpoint when its session is still open)
 * are not routed by Chromium, so they are turned into a navigation by a page
 * the route answers. Needs the Chromium flags `routedFlags`: a page Playwright answers has no address, and
 * Local Network Access would refuse its calls to Keycloak on loopback.
 */
export const routedFlags = ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'];

export async function routeApi(context, { shown, base, keycloak }) {
  if (shown === base) return;
  await context.route(`${shown}/**`, async (route) => {
    const url = base + route.request().url().slice(shown.length);
    const response = await route.fetch({ url, maxRedirects: 0 });
    const headers = response.headers();
    if (headers.location?.startsWith(base)) headers.location = shown + headers.location.slice(base.length);
    await route.fulfill({ response, headers });
  });
  const backToApi = (url) => url.href.startsWith(`${keycloak}/realms/`)
    && (url.pathname.includes('/login-actions/') || url.pathname.includes('/broker/')
      || url.pathname.endsWith('/protocol/openid-connect/auth'));
  await context.route(backToApi, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const location = new URL(response.headers().location ?? '', route.request().url()).href;
    // Every redirect (back to the API, or on to a council's identity provider) becomes a navigation; the
    // cookies it sets are already in the context's jar, which route.fetch shares.
    if (response.status() >= 300 && response.status() < 400 && response.headers().location) {
      await route.fulfill({
        status: 200, contentType: 'text/html',
        body: `<!doctype html><script>location.replace(${JSON.stringify(location)})</script>`,
      });
    } else {
      await route.fulfill({ response });
    }
  });
}
