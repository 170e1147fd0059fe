/** Decoding of compressed upstream bodies (`UPSTREAM_COMPRESSION`), for every status and with no experimental API. */
import { promisify } from 'node:util';
import { brotliDecompress, brotliDecompressSync, gunzip, gunzipSync, inflate, inflateSync, type InputType } from 'node:zlib';

type Options = { maxOutputLength: number };
type Decoder = { sync(input: InputType, options: Options): Buffer; async(input: InputType, options: Options): Promise<Buffer> };

const DECODERS: Record<string, Decoder> = {
  gzip: { sync: gunzipSync, async: promisify(gunzip) },
  'x-gzip': { sync: gunzipSync, async: promisify(gunzip) },
  br: { sync: brotliDecompressSync, async: promisify(brotliDecompress) },
  deflate: { sync: inflateSync, async: promisify(inflate) },
};

/** Small bodies decode faster on the event loop than the hop to the thread pool costs; large ones go there. */
const SYNC_LIMIT = 32 * 1024;
/** A few bytes of gzip can claim gigabytes: a decoded body larger than any Waldur page is refused. */
const LIMIT: Options = { maxOutputLength: 64 * 1024 * 1024 };

/**
 * The body as the upstream meant it: `Content-Encoding` undone, last coding first (RFC 9110 §8.4). An empty body
 * (HEAD, 204, 304, or a server that labels an empty answer) stays empty. Error answers are decoded too: their
 * text carries the validation messages and tells Django's HTML "Not Found" page from an API 404.
 * Throws for a coding we do not know or a body that does not decode (or decodes to more than 64 MiB).
 */
export async function decodeBody(raw: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  if (!contentEncoding || raw.length === 0) return raw;
  let body = raw;
  for (const coding of contentEncoding.toLowerCase().split(',').map((c) => c.trim()).filter(Boolean).reverse()) {
    if (coding === 'identity') continue;
    const decoder = DECODERS[coding];
    if (!decoder) throw new Error(`unsupported content-encoding ${JSON.stringify(coding)}`);
    body = body.length < SYNC_LIMIT ? decoder.sync(body, LIMIT) : await decoder.async(body, LIMIT);
  }
  return body;
}
