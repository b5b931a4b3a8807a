// Spectral function: every answer of an operation declares the headers every EstateHub answer can carry,
// and the operation declares 429 (rate limit). See spectral.yaml, rule standard-answers; the headers and
// 429 are added by contract/standard-answers.mjs. Receives one resolved operation.
const HEADERS = ['X-Request-Id', 'X-Content-Type-Options', 'Cache-Control', 'RateLimit', 'RateLimit-Policy'];

export default function standardAnswers(operation, _options, context) {
  const problems = [];
  const responses = operation?.responses ?? {};
  if (!responses['429']) {
    problems.push({
      message: 'operation does not declare 429 (rate limit); run node contract/standard-answers.mjs',
      path: [...context.path, 'responses'],
    });
  }
  for (const [status, response] of Object.entries(responses)) {
    const declared = Object.keys(response?.headers ?? {});
    const missing = HEADERS.filter((name) => !declared.includes(name));
    if (missing.length) {
      problems.push({
        message: `response ${status} does not declare ${missing.join(', ')}; run node contract/standard-answers.mjs`,
        path: [...context.path, 'responses', status],
      });
    }
  }
  return problems;
}
