import type { Plugin } from 'graphql-yoga';

const COMPRESSIBLE = /^application\/(graphql-response\+)?json/;

/**
 * gzip for JSON answers when the client accepts it (whatwg-node's CompressionStream). Event streams (SSE
 * subscriptions) and multipart answers stay as they are: compressing them would hold events back. Request bodies
 * are never decompressed, so the body size limit keeps meaning what it says.
 */
export function useResponseCompression(): Plugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      // Cheapest first: reading `response.body` turns a ready string into a stream.
      const accepted = (request.headers.get('accept-encoding') ?? '').split(',').map((e) => e.trim().split(';')[0]);
      if (!accepted.includes('gzip') || response.headers.has('content-encoding')) return;
      if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '') || !response.body) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-encoding', 'gzip');
      headers.delete('content-length');
      headers.append('vary', 'Accept-Encoding');
      setResponse(new fetchAPI.Response(response.body.pipeThrough(new fetchAPI.CompressionStream('gzip')), { status: response.status, statusText: response.statusText, headers }));
    },
  };
}
