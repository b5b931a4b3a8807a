// Smoke test of the generated client against a running EstateHub:
//   ESTATEHUB_URL=http://localhost:8090 ESTATEHUB_OIDC_URL=http://localhost:8180/realms/estatehub npm run smoke
// Logs in as maidstone.editor (password grant, client estatehub-cli), then checks GET /me, GET /partners
// and GET /assets?district=MAIDSTONE. Any mismatch exits non-zero.
import { createEstateHubClient, passwordGrantToken } from './index.js';

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

  const assets = await api.GET('/assets', {
    params: { query: { district: 'MAIDSTONE' } },
    headers: { Accept: 'application/json' },
  });
  check(assets.response.status === 200, `GET /assets?district=MAIDSTONE -> 200 (got ${assets.response.status})`);
  // The operation also offers application/geo+json; openapi-fetch asks for (and types) both.
  const assetPage = assets.data !== undefined && 'items' in assets.data ? assets.data : undefined;
  check(assetPage !== undefined, 'assets answer is an AssetPage (application/json)');
  const items = assetPage?.items ?? [];
  check(items.length > 0 && (assetPage?.total ?? 0) >= items.length, `assets: ${items.length} items of total ${assetPage?.total}`);
  check(items.length === Math.min(assetPage?.total ?? -1, 50) && assetPage?.limit === 50 && assetPage?.offset === 0,
      'assets page is the first 50 (default limit)');
  check(items.every((a) => a.district === 'MAIDSTONE'), 'every asset is in MAIDSTONE');
  check(items.some((a) => a.ownerPartnerId === 'maidstone'), 'Maidstone owns some of them');
  check(items.every((a) => a.visibility === 'PARTNERSHIP' || a.ownerPartnerId === 'maidstone'),
      'other partners\' OWNER_ONLY assets are not shown');

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
