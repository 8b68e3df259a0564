/** Identifiers for uids and labels in the generated code, unique within one export. */

/** A name made of letters, digits and underscores that does not start with a digit. */
function identifierWords(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name);
  }

  /** `per-10s` becomes `per_10s`. */
  snake(text: string, fallback: string): string {
    const words = identifierWords(text).map((w) => w.toLowerCase());
    return this.claim(words.length === 0 ? fallback : words.join('_'));
  }

  /** `per-10s` becomes `per10s`, `only-clicks` becomes `onlyClicks`. */
  camel(text: string, fallback: string): string {
    const words = identifierWords(text);
    const name = words
      .map((w, i) =>
        i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1),
      )
      .join('');
    return this.claim(name.length === 0 ? fallback : name);
  }

  private claim(base: string): string {
    const start = /^[0-9]/.test(base) ? `_${base}` : base;
    let name = start;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${start}${i}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** Text safe inside a line comment or a block comment. */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/[\r\n]+/g, ' ');
}

/** Milliseconds as the shortest exact decimal of seconds: 1001 gives "1.001". */
export function secondsText(ms: number): string {
  return String(Math.round(ms) / 1000);
}
