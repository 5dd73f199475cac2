/** Auth0's self-posting form: its action and hidden inputs, HTML entities decoded. */
export type HiddenForm = { action: string; fields: Record<string, string> };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (ENTITIES[lower] !== undefined) return ENTITIES[lower];
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return whole;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const raw = m?.[2] ?? m?.[3] ?? m?.[4];
  return raw === undefined ? undefined : decodeEntities(raw);
}

export function parseHiddenForm(html: string): HiddenForm | null {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  const action = formTag ? attr(formTag, 'action') : undefined;
  if (!action) return null;
  const fields: Record<string, string> = {};
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    if (name) fields[name] = attr(input, 'value') ?? '';
  }
  return { action, fields };
}
