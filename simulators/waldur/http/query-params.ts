/**
 * The query string as Django's QueryDict sees it: '+' is a space, blank values are kept, `get` is the
 * last value of a repeated key and `getlist` all of them.
 */
export class QueryParams {
  readonly entries: ReadonlyArray<readonly [string, string]>;

  constructor(readonly raw: string) {
    this.entries = parseQuery(raw);
  }

  last(name: string): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i][0] === name) return this.entries[i][1];
    return undefined;
  }

  all(name: string): string[] {
    return this.entries.filter(([key]) => key === name).map(([, value]) => value);
  }

  has(name: string): boolean {
    return this.entries.some(([key]) => key === name);
  }
}

function decode(text: string): string {
  const plain = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plain);
  } catch {
    return plain.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

export function parseQuery(raw: string): Array<[string, string]> {
  return raw.split('&').filter((part) => part !== '').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
  });
}

/** Python's `quote_plus`: only letters, digits and `_.-~` stay as they are. */
export function quotePlus(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

/**
 * DRF's replace_query_param / remove_query_param: parse, change one key, then re-encode with the keys
 * sorted (`urlencode(sorted(query_dict.items()), doseq=True)`), so Link URLs are in canonical order.
 */
export function rewriteQuery(raw: string, key: string, value: string | null): string {
  const grouped = new Map<string, string[]>();
  for (const [name, item] of parseQuery(raw)) {
    const list = grouped.get(name);
    if (list) list.push(item);
    else grouped.set(name, [item]);
  }
  if (value === null) grouped.delete(key);
  else grouped.set(key, [value]);
  return [...grouped.keys()].sort().flatMap((name) => grouped.get(name)!.map((item) => `${quotePlus(name)}=${quotePlus(item)}`)).join('&');
}
