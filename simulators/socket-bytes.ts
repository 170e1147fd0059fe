import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const counted = new WeakMap<Socket, number>();

/**
 * Counts what each exchange moved over its connection, HTTP headers and framing included (a benchmark's "bytes on
 * the wire" that one call more or less also shows in): socket bytes read and written since the exchange before it
 * on the same keep-alive connection. Control-API exchanges are measured too, so they never land on the next API one.
 */
export function countSocketBytes(server: Server, isApi: (req: IncomingMessage) => boolean, add: (bytes: number) => void): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('close', () => {
      const socket = req.socket;
      const total = socket.bytesRead + socket.bytesWritten;
      const bytes = total - (counted.get(socket) ?? 0);
      counted.set(socket, total);
      if (isApi(req)) add(bytes);
    });
  });
}
