// Smoke test of the generated client against a running EstateHub:
//   ESTATEHUB_URL=http://localhost:8090 ESTATEHUB_OIDC_URL=http://localhost:8180/realms/estatehub npm run smoke
// Logs in as maidstone.editor (password grant, client estatehub-cli), then checks GET /me, GET /partners,
// GET /local-authorities (2.0.0: authorities by ONS GSS code), GET /data-quality (3.0.0), GET /assets?localAuthority=E07000110 (Maidstone)
// and ?localAuthority=E10000016 (Kent County Council: its districts' assets too). Any mismatch exits non-zero.
import { createEstateHubClient, passwordGrantToken } from './index.js';
import { sign, startReceiver, verifyWebhook, type WebhookPayload } from './webhooks.js';

const baseUrl = (process.env.ESTATEHUB_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const realmUrl = process.env.ESTATEHUB_OIDC_URL ?? 'http://localhost:8180/realms/estatehub';

const failures: string[] = [];
function check(condition: boolean, what: string): void {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures.push(what);
}

async function main(): Promise<void> {
  const token = await passwordGrantToken(realmUrl, 'maidstone.editor', 'demo');
  const api = createEstateHubClient(baseUrl, token);

  const me = await api.GET('/me');
  check(me.response.status === 200, `GET /me -> 200 (got ${me.response.status})`);
  check(me.data?.username === 'maidstone.editor', `me.username is maidstone.editor (${me.data?.username})`);
  check(me.data?.subjectType === 'USER', 'me.subjectType is USER');
  check(me.data?.partnerId === 'maidstone', `me.partnerId is maidstone (${me.data?.partnerId})`);
  check(me.data?.partner.name === 'Maidstone Borough Council', `me.partner.name is Maidstone Borough Council (${me.data?.partner.name})`);
  check(me.data?.roles.includes('partner-editor') === true, 'me.roles has partner-editor');

  const partners = await api.GET('/partners', { params: { query: { limit: 500 } } });
  check(partners.response.status === 200, `GET /partners -> 200 (got ${partners.response.status})`);
  const page = partners.data;
  const ids = page?.items.map((p) => p.id) ?? [];
  check(page?.limit === 500 && page?.offset === 0, 'partners page echoes limit=500, offset=0');
  // The page holds every partner up to the limit (tests add partners of their own to the test database).
  check(page !== undefined && ids.length === Math.min(page.total, 500) && ids.length >= 2,
      `partners page holds min(total ${page?.total}, 500) = ${ids.length} items`);
  check(ids.join() === [...ids].sort().join(), 'partners ordered by id');
  const maidstone = page?.items.find((p) => p.id === 'maidstone');
  check(maidstone?.name === 'Maidstone Borough Council' && maidstone?.type === 'DISTRICT_COUNCIL',
      'partners include maidstone, Maidstone Borough Council, DISTRICT_COUNCIL');
  check(page?.items.filter((p) => p.accountableBody).map((p) => p.id).join() === 'kcc', 'kcc is the one accountable body');

  const maidstoneCode = 'E07000110';
  const authority = await api.GET('/local-authorities/{code}', { params: { path: { code: maidstoneCode } } });
  check(authority.response.status === 200, `GET /local-authorities/${maidstoneCode} -> 200 (got ${authority.response.status})`);
  check(authority.data?.name === 'Maidstone' && authority.data?.type === 'NMD' && authority.data?.countyCode === 'E10000016',
      `${maidstoneCode} is Maidstone, a district of Kent (${authority.data?.name}, ${authority.data?.type}, ${authority.data?.countyCode})`);
  check(authority.data?.inPartnershipArea === true, 'Maidstone is in the partnership area');
  check(maidstone?.localAuthority === maidstoneCode && maidstone?.localAuthorityName === 'Maidstone',
      `partner maidstone names its authority by code (${maidstone?.localAuthority}, ${maidstone?.localAuthorityName})`);

  const kentDistricts = await api.GET('/local-authorities', { params: { query: { county: 'E10000016', limit: 50 } } });
  check(kentDistricts.response.status === 200 && kentDistricts.data?.total === 12,
      `GET /local-authorities?county=E10000016 lists Kent's 12 districts (${kentDistricts.data?.total})`);
  const districtCodes = new Set(kentDistricts.data?.items.map((a) => a.code) ?? []);

  const assets = await api.GET('/assets', {
    params: { query: { localAuthority: maidstoneCode } },
    headers: { Accept: 'application/json' },
  });
  check(assets.response.status === 200, `GET /assets?localAuthority=${maidstoneCode} -> 200 (got ${assets.response.status})`);
  // The operation also offers application/geo+json; openapi-fetch asks for (and types) both.
  const assetPage = assets.data !== undefined && 'items' in assets.data ? assets.data : undefined;
  check(assetPage !== undefined, 'assets answer is an AssetPage (application/json)');
  const items = assetPage?.items ?? [];
  check(items.length > 0 && (assetPage?.total ?? 0) >= items.length, `assets: ${items.length} items of total ${assetPage?.total}`);
  check(items.length === Math.min(assetPage?.total ?? -1, 50) && assetPage?.limit === 50 && assetPage?.offset === 0,
      'assets page is the first 50 (default limit)');
  check(items.every((a) => a.localAuthority === maidstoneCode && a.localAuthorityName === 'Maidstone'),
      'every asset is in Maidstone (E07000110)');
  check(items.some((a) => a.ownerPartnerId === 'maidstone'), 'Maidstone owns some of them');
  check(items.every((a) => a.visibility === 'PARTNERSHIP' || a.ownerPartnerId === 'maidstone'),
      'other partners\' OWNER_ONLY assets are not shown');

  const county = await api.GET('/assets', {
    params: { query: { localAuthority: 'E10000016', limit: 500 } },
    headers: { Accept: 'application/json' },
  });
  const countyPage = county.data !== undefined && 'items' in county.data ? county.data : undefined;
  check(county.response.status === 200 && (countyPage?.total ?? 0) > (assetPage?.total ?? 0),
      `GET /assets?localAuthority=E10000016 finds more than Maidstone's (${countyPage?.total} > ${assetPage?.total})`);
  check((countyPage?.items ?? []).every((a) => a.localAuthority === 'E10000016' || districtCodes.has(a.localAuthority)),
      'every asset found by Kent County Council\'s code is in Kent or one of its districts');

  const unknown = await api.GET('/assets', {
    params: { query: { localAuthority: 'E07999999' } },
    headers: { Accept: 'application/json' },
  });
  check(unknown.response.status === 400, `an unknown authority code is a 400 (got ${unknown.response.status})`);

  // 3.0.0: an asset's location may be absent (the type says so); the data-quality report counts such assets.
  const located = items.filter((a) => a.location !== undefined);
  check(located.every((a) => a.location!.latitude >= 49.8 && a.location!.latitude <= 60.9),
      `located Maidstone assets lie in the UK (${located.length} of ${items.length})`);
  const quality = await api.GET('/data-quality', { params: { query: {} } });
  check(quality.response.status === 200 && quality.data?.scope === 'PARTNER' && quality.data?.partner === 'maidstone',
      `GET /data-quality -> 200 for the caller's own partner (${quality.response.status}, ${quality.data?.partner})`);
  check((quality.data?.completeness ?? []).length > 0 && quality.data!.assets >= 0,
      `data quality reports completeness of ${quality.data?.completeness.length} fields over ${quality.data?.assets} assets`);
  const otherPartner = await api.GET('/data-quality', { params: { query: { partner: 'dover' } } });
  check(otherPartner.response.status === 403, `another partner's data quality is a 403 (got ${otherPartner.response.status})`);

  // 3.3.0 (#20): a webhook subscription delivers a new asset's creation, signed; the receiver verifies it.
  let secret = '';
  const received: WebhookPayload[] = [];
  const receiverPort = 8000 + Math.floor(Math.random() * 900);
  const receiver = await startReceiver(receiverPort, () => secret, (event) => received.push(event));
  try {
    const created = await api.POST('/webhook-subscriptions', { body: {
      url: `http://localhost:${receiverPort}/hooks`, eventTypes: ['CREATED'], description: 'client smoke' } });
    check(created.response.status === 201 && created.data?.secret?.startsWith('whsec_') === true,
        `POST /webhook-subscriptions -> 201 with its secret (got ${created.response.status})`);
    secret = created.data?.secret ?? '';
    const marker = `Smoke webhook ${Date.now()}`;
    const asset = await api.POST('/assets', { body: {
      name: marker, assetType: 'OFFICE', landOnly: false,
      address: { street: '1 Test Street', town: 'Maidstone', postcode: 'ME14 1XQ' }, localAuthority: maidstoneCode,
      location: { latitude: 51.27, longitude: 0.52 }, tenure: 'FREEHOLD', status: 'OPERATIONAL', visibility: 'PARTNERSHIP', sharedWorkspaceDesks: 0, ownReference: `SMOKE-${Date.now()}` } });
    check(asset.response.status === 201, `POST /assets -> 201 (got ${asset.response.status})`);
    for (let i = 0; i < 100 && !received.some((e) => e.data.entityId === asset.data?.id); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const event = received.find((e) => e.data.entityId === asset.data?.id);
    check(event?.type === 'CREATED' && event.data.changes?.name?.to === marker,
        `the receiver got the asset's CREATED event, signature verified (${received.length} received)`);
    check(!verifyWebhook(secret, { 'webhook-id': 'x', 'webhook-timestamp': '1', 'webhook-signature': sign(secret, 'x', '1', '{}') }, '{}'),
        'a correctly signed but old delivery is refused');
    if (created.data) {
      const removed = await api.DELETE('/webhook-subscriptions/{subscriptionId}', {
        params: { path: { subscriptionId: created.data.id }, header: { 'If-Match': created.response.headers.get('ETag') ?? '' } } });
      check(removed.response.status === 204, `DELETE /webhook-subscriptions/{id} -> 204 (got ${removed.response.status})`);
    }
  } finally {
    receiver.close();
  }

  const denied = await createEstateHubClient(baseUrl, 'not-a-token').GET('/me');
  check(denied.response.status === 401 && denied.error?.status === 401, 'a bad token gets a 401 problem');

  if (failures.length > 0) {
    console.error(`\n${failures.length} check(s) failed against ${baseUrl}`);
    process.exit(1);
  }
  console.log(`\nall checks passed against ${baseUrl}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
