// Spectral function: list responses follow the paging convention (see spectral.yaml, rule paged-lists).
// Receives one resolved GET operation.
export default function pagedList(operation, _options, context) {
  const schema = operation?.responses?.['200']?.content?.['application/json']?.schema;
  const items = schema?.properties?.items;
  if (!items || items.type !== 'array') return [];
  const path = context.path;
  if (typeof operation['x-unpaged'] === 'string' && operation['x-unpaged'].trim().length > 0) return [];
  if (operation['x-paging'] === 'cursor') return cursorPaged(operation, schema, path);

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

// A feed paged by cursor (`x-paging: cursor`): {items, nextCursor, hasMore, limit} all required, and the
// operation accepts `after` (the previous page's nextCursor) and `limit`. Offsets make no sense there:
// the list grows at its end while it is read.
function cursorPaged(operation, schema, path) {
  const problems = [];
  const types = { nextCursor: 'string', hasMore: 'boolean', limit: 'integer' };
  for (const [field, type] of Object.entries(types)) {
    if (!schema.properties[field] || schema.properties[field].type !== type) {
      problems.push({ message: `cursor-paged list lacks ${type} '${field}'`, path: [...path, 'responses', '200'] });
    }
  }
  const required = schema.required ?? [];
  for (const field of ['items', 'nextCursor', 'hasMore', 'limit']) {
    if (!required.includes(field)) {
      problems.push({ message: `cursor-paged list must require '${field}'`, path: [...path, 'responses', '200'] });
    }
  }
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of ['after', 'limit']) {
    if (!query.includes(name)) {
      problems.push({ message: `cursor-paged list does not accept query parameter '${name}'`, path });
    }
  }
  return problems;
}
