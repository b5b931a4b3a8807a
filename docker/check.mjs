// Checks docker/compose.yaml and docker/k8s/estatehub.yaml where no Docker client or cluster exists
// (scripts/docker-check.sh runs it): both parse as YAML, the compose file's build context, Dockerfile and
// mounted files exist, and the Kubernetes Deployment's rolling update, probes, preStop hook and grace period
// fit the service's graceful shutdown (application.properties' quarkus.shutdown.delay and timeout, measured
// by bench/replicas.sh). Uses the `yaml` package of contract/ (npm ci there first; scripts/contract-check.sh does).
//   node docker/check.mjs
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'contract', 'package.json'));
const YAML = require('yaml');

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const parseAll = (file) => YAML.parseAllDocuments(readFileSync(join(root, file), 'utf8')).map((d) => {
  if (d.errors.length) throw new Error(`${file}: ${d.errors.map(String).join('; ')}`);
  return d.toJS();
});

// --- compose
const [compose] = parseAll('docker/compose.yaml');
check(compose && typeof compose.services === 'object', 'compose.yaml parses and has services');
for (const [name, svc] of Object.entries(compose.services)) {
  check(Boolean(svc.image || svc.build), `compose service ${name} has an image or a build`);
  if (svc.build) {
    const context = resolve(root, 'docker', svc.build.context ?? '.');
    check(existsSync(context), `compose ${name}: build context ${svc.build.context} exists`);
    check(existsSync(join(context, svc.build.dockerfile ?? 'Dockerfile')), `compose ${name}: ${svc.build.dockerfile} exists`);
  }
  for (const v of svc.volumes ?? []) {
    const source = String(v).split(':')[0];
    if (source.startsWith('.')) check(existsSync(resolve(root, 'docker', source)), `compose ${name}: mounted ${source} exists`);
  }
  for (const dep of Object.keys(svc.depends_on ?? {})) check(dep in compose.services, `compose ${name}: depends on defined service ${dep}`);
}

// --- the service's shutdown timings (prod profile, as the image runs)
const props = readFileSync(join(root, 'src/main/resources/application.properties'), 'utf8');
const seconds = (key) => {
  const m = props.match(new RegExp(`^%prod\\.${key.replace(/\./g, '\\.')}=\\$\\{[A-Z_]+:(\\d+)S\\}`, 'm'));
  return m ? Number(m[1]) : null;
};
const delay = seconds('quarkus.shutdown.delay');
const timeout = seconds('quarkus.shutdown.timeout');
check(delay !== null && timeout !== null, `prod quarkus.shutdown.delay (${delay} s) and timeout (${timeout} s) are set`);
check(/^quarkus\.shutdown\.delay-enabled=true$/m.test(props), 'quarkus.shutdown.delay-enabled=true (build time)');

// --- Kubernetes
const docs = parseAll('docker/k8s/estatehub.yaml').filter(Boolean);
const kind = (k) => docs.find((d) => d.kind === k);
const deployment = kind('Deployment');
check(Boolean(deployment), 'k8s: a Deployment');
const spec = deployment?.spec ?? {};
const ru = spec.strategy?.rollingUpdate ?? {};
check(spec.strategy?.type === 'RollingUpdate' && ru.maxUnavailable === 0 && ru.maxSurge === 1,
  'k8s: RollingUpdate with maxUnavailable 0, maxSurge 1');
const pdb = kind('PodDisruptionBudget');
check(Boolean(pdb) && pdb.spec.minAvailable < spec.replicas && pdb.spec.minAvailable >= 1,
  `k8s: PodDisruptionBudget minAvailable ${pdb?.spec.minAvailable} of ${spec.replicas} replicas (a drain can proceed one pod at a time)`);
check(JSON.stringify(pdb?.spec.selector) === JSON.stringify(spec.selector), 'k8s: the PodDisruptionBudget selects the Deployment\'s pods');
const pod = spec.template?.spec ?? {};
const api = (pod.containers ?? [])[0] ?? {};
check(api.readinessProbe?.httpGet?.path === '/q/health/ready', 'k8s: readiness probe on /q/health/ready');
check(api.livenessProbe?.httpGet?.path === '/q/health/live', 'k8s: liveness probe on /q/health/live');
check(api.startupProbe?.httpGet?.path === '/q/health/started', 'k8s: startup probe on /q/health/started');
const sleep = api.lifecycle?.preStop?.sleep?.seconds
  ?? Number((api.lifecycle?.preStop?.exec?.command ?? []).join(' ').match(/sleep (\d+)/)?.[1] ?? NaN);
check(Number.isFinite(sleep) && sleep > 0, `k8s: preStop hook sleeps (${sleep} s) before SIGTERM`);
const grace = pod.terminationGracePeriodSeconds;
check(grace > sleep + delay + timeout,
  `k8s: terminationGracePeriodSeconds ${grace} > preStop ${sleep} + shutdown delay ${delay} + timeout ${timeout}`);

// --- the Dockerfile copies what the build needs and runs the jar it builds
const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
for (const m of dockerfile.matchAll(/^COPY (?!--from)(\S+) /gm)) check(existsSync(join(root, m[1])), `Dockerfile: COPY ${m[1]} exists`);
check(/quarkus-run\.jar/.test(dockerfile), 'Dockerfile: runs quarkus-run.jar');

if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
