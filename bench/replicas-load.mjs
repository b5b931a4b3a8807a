// Mixed load for bench/replicas.sh: two API replicas behind nginx, one of them killed (SIGKILL) and
// restarted, then stopped gracefully (SIGTERM), while this runs. Node 18+ (global fetch), no packages.
//
//   node bench/replicas-load.mjs   (configured by the environment, see below)
//
// It runs until the file $STOP_FILE appears, then checks what the database and the feed say against
// what it was told (acknowledged writes) and writes $OUT (JSON) and $LOG (one line per request).
//
// Workers (all through the balancer, $BASE, unless said otherwise):
//  - searchers: GET /assets?q=... as maidstone.editor;
//  - an updater: PUT /assets/{id} with If-Match on assets it created at the start (maidstone.editor).
//    A PUT whose answer was lost (connection error, 502/503/504) is sent again with the same If-Match to
//    the other replica directly; a 412 then means the first one was applied, which a re-read confirms;
//  - a claimer (kcc.editor): POST /awards/{award}/claims for 1.00 with an Idempotency-Key; an answer lost
//    is retried with the same key and body against the other replica directly. Then pmo.admin approves
//    the claim (If-Match; a lost answer is settled by re-reading the claim) and, right after the approval
//    is acknowledged, reads GET /funding/summary from EACH replica directly: the award's round must show
//    exactly the released money the acknowledged approvals add up to (the summary is cached per replica
//    until funding_version moves, so a stale replica would show less);
//  - feed readers (pmo.admin): GET /events from a cursor taken at the start, polling.
//
// Environment: BASE, REPLICA_A, REPLICA_B (direct URLs), REALM (token endpoint's realm URL), AWARD, ROUND,
// RUN (a tag unique to the run), STOP_FILE, OUT, LOG. bench/replicas.sh cuts LOG into the drill's phases.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};
const BASE = env('BASE');
const REPLICAS = [env('REPLICA_A'), env('REPLICA_B')];
const REALM = env('REALM');
const AWARD = env('AWARD');
const ROUND = env('ROUND');
const RUN = env('RUN');
const STOP_FILE = env('STOP_FILE');
const OUT = env('OUT');
const LOG = env('LOG');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const stopping = () => existsSync(STOP_FILE);
// An answer the client did not get (the replica died or refused) or one the balancer made because no
// replica answered: the request may or may not have been applied.
const lost = (status) => status === 0 || status === 502 || status === 503 || status === 504;

const tokens = {};
async function login(user) {
  const r = await fetch(`${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'estatehub-cli', username: user, password: 'demo' }),
  });
  if (!r.ok) throw new Error(`no token for ${user}: ${r.status}`);
  const t = (await r.json()).access_token;
  tokens[user] = { token: t, renewAt: Date.now() + 300_000 };
}
async function token(user) {
  if (!tokens[user] || Date.now() > tokens[user].renewAt) await login(user);
  return tokens[user].token;
}

const logLines = [];
function flushLog() {
  if (logLines.length) appendFileSync(LOG, logLines.splice(0).join('\n') + '\n');
}
setInterval(flushLog, 1000).unref();

// One HTTP call; never throws. Logged as: epoch-ms-start ms kind target status
// A GET whose answer is lost (see lost()) is sent once more after 100 ms, as an HTTP client retrying an
// idempotent request would (logged as <kind>-retry); other methods are retried by their workers only.
async function call(kind, user, method, url, opts = {}) {
  const first = await call1(kind, user, method, url, opts);
  if (method !== 'GET' || !lost(first.status) || kind.endsWith('-retry') || url.startsWith(REPLICAS[0]) || url.startsWith(REPLICAS[1])) return first;
  await sleep(100);
  return call1(`${kind}-retry`, user, method, url, opts);
}
async function call1(kind, user, method, url, { body, headers = {}, timeout = 15000 } = {}) {
  const start = Date.now();
  let status = 0, json = null, h = new Headers();
  try {
    const r = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${await token(user)}`,
        Accept: 'application/json, application/problem+json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeout),
    });
    status = r.status;
    h = r.headers;
    const text = await r.text();
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  } catch {
    status = 0;
  }
  const target = url.startsWith(BASE) ? 'lb' : url.startsWith(REPLICAS[0]) ? 'A' : 'B';
  logLines.push(`${start} ${Date.now() - start} ${kind} ${target} ${status}`);
  return { status, json, headers: h };
}

const other = (i) => REPLICAS[(i + 1) % 2];
let retryTurn = 0;

// ---------------------------------------------------------------- searches
async function searcher(n) {
  const terms = ['office', 'depot', 'library', 'hall', 'land'];
  let i = n;
  while (!stopping()) {
    await call('search', 'maidstone.editor', 'GET', `${BASE}/assets?q=${terms[i++ % terms.length]}&limit=20`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------- asset updates with If-Match
const assets = []; // {id, body, applied: [names], ambiguousNotApplied}
async function createAssets(count) {
  for (let k = 0; k < count; k++) {
    const body = {
      name: `Replica drill ${RUN} asset ${k}`, assetType: 'OFFICE', landOnly: false, localAuthority: 'E07000110',
      ownReference: `RD-${RUN}-${k}`, location: { latitude: 51.27, longitude: 0.52 }, tenure: 'FREEHOLD',
      status: 'OPERATIONAL', visibility: 'PARTNERSHIP',
    };
    const r = await call('setup', 'maidstone.editor', 'POST', `${REPLICAS[0]}/assets`, { body });
    if (r.status !== 201) throw new Error(`creating an asset: ${r.status} ${JSON.stringify(r.json)}`);
    assets.push({ id: r.json.id, body, applied: [], lostAndNotApplied: 0, foundApplied: 0 });
  }
}

async function updater() {
  let k = 0;
  while (!stopping()) {
    const a = assets[k % assets.length];
    k++;
    const read = await call('asset-read', 'maidstone.editor', 'GET', `${BASE}/assets/${a.id}`);
    if (read.status !== 200) { await sleep(100); continue; }
    const etag = read.headers.get('etag');
    const name = `Replica drill ${RUN} asset ${a.id.slice(0, 8)} u${k}`;
    const body = { ...a.body, name };
    let r = await call('update', 'maidstone.editor', 'PUT', `${BASE}/assets/${a.id}`, { body, headers: { 'If-Match': etag } });
    let attempt = 0;
    while (lost(r.status) && attempt < 10) {
      attempt++;
      await sleep(200);
      r = await call('update-retry', 'maidstone.editor', 'PUT', `${other(retryTurn++)}/assets/${a.id}`, { body, headers: { 'If-Match': etag } });
    }
    if (r.status === 200) {
      a.applied.push(name);
    } else if (r.status === 412) {
      // Nobody else updates these assets, so a 412 means an earlier attempt of ours was applied and its
      // answer lost: our own retry, or nginx's (it passes a PUT on to the other replica when the first
      // one fails mid-request, and If-Match then refuses the repeat). A re-read tells which.
      const again = await call('asset-read', 'maidstone.editor', 'GET', `${REPLICAS[0]}/assets/${a.id}`);
      const again2 = again.status === 200 ? again : await call('asset-read', 'maidstone.editor', 'GET', `${REPLICAS[1]}/assets/${a.id}`);
      if (again2.status === 200 && again2.json.name === name) { a.applied.push(name); a.foundApplied++; }
      else a.lostAndNotApplied++;
    } else {
      a.unexpected = (a.unexpected || []).concat(r.status);
    }
    await sleep(20);
  }
}

// ---------------------------------------------------------------- claims, approvals, summaries
const claims = []; // {key, invoice, id, approved}
let base = null; // released in the round before the run, in pence
const stale = [];
let summaryChecks = 0;
const pence = (m) => {
  const [w, f = ''] = String(m).split('.');
  return BigInt(w) * 100n + BigInt((f + '00').slice(0, 2)) * (w.startsWith('-') ? -1n : 1n);
};
async function roundReleased(url) {
  const r = await call('summary', 'police.viewer', 'GET', `${url}/funding/summary`);
  if (r.status !== 200) return null;
  const round = r.json.rounds.find((x) => x.roundId === ROUND);
  return pence(round.figures.released.amount);
}

async function claimer() {
  let n = 0;
  while (!stopping()) {
    n++;
    const key = randomUUID();
    const invoice = `RD-${RUN}-${n}`;
    const body = { invoiceReference: invoice, amount: { amount: '1.00', currency: 'GBP' }, activity: 'Option studies' };
    let r = await call('claim', 'kcc.editor', 'POST', `${BASE}/awards/${AWARD}/claims`, { body, headers: { 'Idempotency-Key': key } });
    let attempt = 0;
    while (lost(r.status) && attempt < 10) {
      attempt++;
      await sleep(200);
      r = await call('claim-retry', 'kcc.editor', 'POST', `${other(retryTurn++)}/awards/${AWARD}/claims`, { body, headers: { 'Idempotency-Key': key } });
    }
    if (r.status !== 201) { claims.push({ key, invoice, failed: r.status }); continue; }
    const c = { key, invoice, id: r.json.id, retried: attempt, replayed: r.headers.get('idempotent-replayed') === 'true', approved: false };
    claims.push(c);
    // Approve it (pmo.admin): If-Match makes a second approval impossible, so a lost answer is settled by
    // reading the claim again.
    for (let tries = 0; tries < 10 && !c.approved; tries++) {
      const target = tries === 0 ? BASE : other(retryTurn++);
      const suffix = tries === 0 ? '' : '-retry';
      const cur = await call(`claim-read${suffix}`, 'pmo.admin', 'GET', `${target}/claims/${c.id}`);
      if (cur.status !== 200) { await sleep(200); continue; }
      if (cur.json.status === 'APPROVED') { c.approved = true; c.approvalFoundOnReRead = true; break; }
      const ap = await call(`approve${suffix}`, 'pmo.admin', 'POST', `${target}/claims/${c.id}/approval`, { headers: { 'If-Match': cur.headers.get('etag') } });
      if (ap.status === 200) c.approved = true;
      else if (!lost(ap.status) && ap.status !== 412) { c.approvalRefused = ap.status; break; }
      else await sleep(200);
    }
    if (c.approved) {
      const expected = base + BigInt(claims.filter((x) => x.approved).length) * 100n;
      for (const [i, url] of REPLICAS.entries()) {
        const got = await roundReleased(url);
        if (got === null) continue; // that replica is down: nothing to compare
        summaryChecks++;
        if (got !== expected) stale.push({ at: Date.now(), replica: 'AB'[i], expected: String(expected), got: String(got) });
      }
    }
    await sleep(50);
  }
}

// ---------------------------------------------------------------- change feed
async function readFeed(url, cursor, untilCaughtUp, events) {
  for (;;) {
    const r = await call('feed', 'pmo.admin', 'GET', `${url}/events?limit=100${cursor ? `&after=${cursor}` : ''}`);
    if (r.status !== 200) { if (untilCaughtUp && stopping()) await sleep(200); return { cursor, ok: false }; }
    for (const e of r.json.items) events.push(`${e.entityType} ${e.entityId} ${e.action} ${e.occurredAt}`);
    cursor = r.json.nextCursor;
    if (!r.json.hasMore) return { cursor, ok: true };
  }
}
async function feedReader(start, events) {
  let cursor = start;
  while (!stopping()) {
    cursor = (await readFeed(BASE, cursor, false, events)).cursor;
    await sleep(200);
  }
  // Catch up after the load: everything committed is in the feed by now.
  for (let i = 0; i < 50; i++) {
    const r = await readFeed(BASE, cursor, true, events);
    cursor = r.cursor;
    if (r.ok) break;
  }
}

// ---------------------------------------------------------------- the run, then the checks (through the API)
async function main() {
  await Promise.all(['maidstone.editor', 'kcc.editor', 'pmo.admin', 'police.viewer'].map(login));
  await createAssets(4);
  base = await roundReleased(REPLICAS[0]);
  // The feed's cursor now: read to the end once.
  const startEvents = [];
  const start = (await readFeed(REPLICAS[0], null, true, startEvents)).cursor;
  const feeds = [[], []];
  writeFileSync(`${OUT}.started`, `${Date.now()}\n`);
  await Promise.all([searcher(0), searcher(1), updater(), claimer(), feedReader(start, feeds[0]), feedReader(start, feeds[1])]);
  flushLog();

  // The feed read again in one pass from the same cursor, after the load: the order every reader should have seen.
  const reference = [];
  let ok = false;
  for (let i = 0; i < 5 && !ok; i++) {
    reference.length = 0;
    ok = (await readFeed(REPLICAS[0], start, true, reference)).ok || (await readFeed(REPLICAS[1], start, true, reference)).ok;
  }
  const feedCheck = feeds.map((f) => ({
    events: f.length,
    duplicates: f.length - new Set(f).size,
    sameAsOnePassReread: JSON.stringify(f) === JSON.stringify(reference),
  }));

  // Every acknowledged write is in the register and in the feed, exactly once.
  const assetCheck = [];
  for (const a of assets) {
    const cur = await call('verify', 'pmo.admin', 'GET', `${REPLICAS[0]}/assets/${a.id}`);
    const hist = await call('verify', 'pmo.admin', 'GET', `${REPLICAS[0]}/assets/${a.id}/history?limit=1`);
    const inFeed = reference.filter((e) => e.startsWith(`ASSET ${a.id} UPDATED`)).length;
    assetCheck.push({
      id: a.id, acknowledged: a.applied.length, foundAppliedAfterLostAnswer: a.foundApplied,
      lostAnswerNotApplied: a.lostAndNotApplied, unexpected: a.unexpected || [],
      lastAcknowledgedIsCurrent: cur.json?.name === a.applied.at(-1),
      // history: one CREATED plus one UPDATED per applied update
      historyEvents: hist.json?.total, expectedHistoryEvents: a.applied.length + 1,
      updatesInFeed: inFeed,
    });
  }
  const ok201 = claims.filter((c) => c.id);
  const claimList = [];
  for (let offset = 0; ; offset += 100) {
    const r = await call('verify', 'pmo.admin', 'GET', `${REPLICAS[0]}/awards/${AWARD}/claims?limit=100&offset=${offset}`);
    if (r.status !== 200) break;
    claimList.push(...r.json.items);
    if (r.json.items.length < 100) break;
  }
  const ours = claimList.filter((c) => c.invoiceReference.startsWith(`RD-${RUN}-`));
  const byInvoice = new Map();
  for (const c of ours) byInvoice.set(c.invoiceReference, (byInvoice.get(c.invoiceReference) || 0) + 1);
  const finalReleased = await roundReleased(REPLICAS[0]);
  const finalReleasedB = await roundReleased(REPLICAS[1]);
  const result = {
    run: RUN,
    assets: assetCheck,
    claims: {
      sent: claims.length,
      acknowledged: ok201.length,
      failedAfterRetries: claims.filter((c) => !c.id).map((c) => c.failed),
      retriedOnTheOtherReplica: ok201.filter((c) => c.retried > 0).length,
      answeredAsReplay: ok201.filter((c) => c.replayed).length,
      inRegister: ours.length,
      acknowledgedMissing: ok201.filter((c) => !ours.some((o) => o.id === c.id)).length,
      presentTwice: [...byInvoice.values()].filter((v) => v > 1).length,
      unacknowledgedButPresent: ours.filter((o) => !ok201.some((c) => c.id === o.id)).length,
      approvedAcknowledged: ok201.filter((c) => c.approved).length,
      approvalFoundOnReRead: ok201.filter((c) => c.approvalFoundOnReRead).length,
      approvedInRegister: ours.filter((o) => o.status === 'APPROVED').length,
      approvalsRefused: ok201.filter((c) => c.approvalRefused).map((c) => c.approvalRefused),
      claimEventsInFeed: Object.fromEntries([...reference.filter((e) => e.startsWith('CLAIM ') && ok201.some((c) => e.includes(c.id)))
        .reduce((m, e) => m.set(e.split(' ')[2], (m.get(e.split(' ')[2]) || 0) + 1), new Map())]),
    },
    summary: {
      releasedBefore: String(base), releasedAfterA: String(finalReleased), releasedAfterB: String(finalReleasedB),
      expectedAfter: String(base + BigInt(ok201.filter((c) => c.approved).length) * 100n),
      checksRightAfterApproval: summaryChecks, stale,
    },
    feed: { referenceEvents: reference.length, readers: feedCheck },
  };
  writeFileSync(OUT, JSON.stringify(result, null, 2));
  writeFileSync(`${OUT}.feed`, reference.join('\n') + '\n');
  flushLog();
}

main().catch((e) => {
  flushLog();
  writeFileSync(OUT, JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(1);
});
