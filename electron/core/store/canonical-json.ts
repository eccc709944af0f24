/**
 * JSON with object keys in sorted order, so that the same record always gives the same
 * text (and so the same revision hash) whatever order its fields were set in.
 * `undefined` fields are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const field = (value as Record<string, unknown>)[key];
      return field === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(field)}`];
    });
  return `{${entries.join(',')}}`;
}
