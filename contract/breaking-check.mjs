// Breaking-change check: compares the contract with the last released one using openapi-diff.
//   node breaking-check.mjs <released.yaml> <current.yaml>
// Breaking differences fail the check unless info.version's major number went up. Before comparing, it
// proves the diff tool still detects a breaking change (a released path removed), so a broken tool
// cannot pass silently.
import { readFileSync } from 'node:fs';
import openapiDiff from 'openapi-diff';
import { parse, stringify } from 'yaml';

const [releasedFile, currentFile] = process.argv.slice(2);
if (!releasedFile || !currentFile) {
  console.error('usage: node breaking-check.mjs <released.yaml> <current.yaml>');
  process.exit(2);
}

const released = readFileSync(releasedFile, 'utf8');
const current = readFileSync(currentFile, 'utf8');
const major = (text) => {
  const version = String(parse(text)?.info?.version ?? '');
  const m = /^(\d+)\./.exec(version);
  if (!m) throw new Error(`info.version '${version}' is not semantic (MAJOR.MINOR.PATCH)`);
  return { version, major: Number(m[1]) };
};

const diff = (source, destination) => openapiDiff.diffSpecs({
  sourceSpec: { content: source, location: releasedFile, format: 'openapi3' },
  destinationSpec: { content: destination, location: currentFile, format: 'openapi3' },
});

const describe = (d) => `${d.code} (${d.action}) ${[...d.sourceSpecEntityDetails, ...d.destinationSpecEntityDetails]
  .map((e) => e.location).filter((v, i, all) => all.indexOf(v) === i).join(', ')}`;

// Self-test: removing one released path must be reported as breaking.
const mutated = parse(released);
const removedPath = Object.keys(mutated.paths)[0];
delete mutated.paths[removedPath];
const selfTest = await diff(released, stringify(mutated));
if (!selfTest.breakingDifferencesFound) {
  console.error(`openapi-diff self-test failed: removing ${removedPath} was not reported as breaking`);
  process.exit(1);
}

const before = major(released);
const after = major(current);
const result = await diff(released, current);
console.log(`released ${before.version} (${releasedFile}) -> current ${after.version} (${currentFile})`);
for (const d of result.nonBreakingDifferences) console.log(`  non-breaking: ${describe(d)}`);
for (const d of result.unclassifiedDifferences) console.log(`  unclassified: ${describe(d)}`);
for (const d of result.breakingDifferences ?? []) console.log(`  BREAKING:     ${describe(d)}`);

if (after.major < before.major) {
  console.error(`info.version ${after.version} is older than the released ${before.version}`);
  process.exit(1);
}
if (result.breakingDifferencesFound) {
  if (after.major > before.major) {
    console.log(`breaking changes allowed: major version ${before.major} -> ${after.major}`);
  } else {
    console.error(`${result.breakingDifferences.length} breaking change(s) without a new major version ` +
      `(info.version ${after.version}); make the change compatible or release ${before.major + 1}.0.0`);
    process.exit(1);
  }
} else {
  console.log('no breaking changes');
}
