/**
 * Share links carry the whole pipeline in the URL's fragment, so sharing needs no server and
 * the pipeline never reaches one: `#p=` + base64url(deflate-raw(JSON)). The key `p` names
 * this encoding; another encoding would take another key. The decoded value is untrusted:
 * the caller checks it with the worker's parse() and asks before running its code.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import english from '../i18n/locales/en/share.json';

export type ShareLinkProblem = keyof typeof english.errors;

export class ShareLinkError extends Error {
  constructor(
    readonly reason: ShareLinkProblem,
    readonly values: Record<string, string | number> = {},
    options?: ErrorOptions,
  ) {
    super(
      english.errors[reason].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
        name in values ? String(values[name]) : whole,
      ),
      options,
    );
    this.name = 'ShareLinkError';
  }

  /** The translation key of the message, in the `share` namespace. */
  get i18nKey(): string {
    return `share:errors.${this.reason}`;
  }
}

const PARAM = 'p';
/** A bound on what a link may unpack to, against links crafted to exhaust memory. */
const MAX_UNPACKED_BYTES = 8 * 1024 * 1024;

export async function encodeShareLink(doc: PipelineDocument, baseUrl: string): Promise<string> {
  const packed = await deflate(new TextEncoder().encode(JSON.stringify(doc)));
  const base = baseUrl.split('#')[0];
  return `${base}#${PARAM}=${toBase64Url(packed)}`;
}

/**
 * The value in a `location.hash` such as "#p=…"; undefined when the hash holds no pipeline.
 * Throws ShareLinkError for a damaged link.
 */
export async function decodeShareLink(hash: string): Promise<unknown | undefined> {
  const payload = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  if (payload === null || payload === '') return undefined;
  const packed = fromBase64Url(payload);
  const text = await inflate(packed);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ShareLinkError('json', { detail }, { cause: error });
  }
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(packed: Uint8Array<ArrayBuffer>): Promise<string> {
  const reader = new Blob([packed])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_UNPACKED_BYTES) {
        await reader.cancel();
        throw new ShareLinkError('tooLarge', { limit: MAX_UNPACKED_BYTES / 1024 / 1024 });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('compression', {}, { cause: error });
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(concat(chunks, size));
  } catch (error) {
    throw new ShareLinkError('json', { detail: 'the text is not UTF-8' }, { cause: error });
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new ShareLinkError('encoding');
  // No whole number of bytes takes this many characters: the link was cut short.
  if (text.length % 4 === 1) throw new ShareLinkError('compression');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
