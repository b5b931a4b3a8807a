// Spectral function: list responses follow the paging convention (see spectral.yaml, rule paged-lists).
// Receives one resolved GET operation.
export default function pagedList(operation, _options, context) {
  const schema = operation?.responses?.['200']?.content?.['application/json']?.schema;
  const items = schema?.properties?.items;
  if (!items || items.type !== 'array') return [];
  const path = context.path;
  if (typeof operation['x-unpaged'] === 'string' && operation['x-unpaged'].trim().length > 0) return [];

  const problems = [];
  for (const field of ['total', 'limit', 'offset']) {
    if (!schema.properties[field] || schema.properties[field].type !== 'integer') {
      problems.push({ message: `list response lacks integer '${field}'`, path: [...path, 'responses', '200'] });
    }
  }
  const required = schema.required ?? [];
  for (const field of ['items', 'total', 'limit', 'offset']) {
    if (!required.includes(field)) {
      problems.push({ message: `list response must require '${field}'`, path: [...path, 'responses', '200'] });
    }
  }
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of ['limit', 'offset']) {
    if (!query.includes(name)) {
      problems.push({ message: `list operation does not accept query parameter '${name}' (or say why with x-unpaged)`, path });
    }
  }
  return problems;
}
