import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { HeaderShapeError, headerMapOf, websocketHeaders } from '../auth/websocket-credentials.ts';

type Enveloped = { execute: (args: ExecutionArgs) => never; subscribe: (args: ExecutionArgs) => never };

/** graphql-ws (`graphql-transport-ws`) on the same port and path as HTTP, through Yoga's plugin chain. */
export function attachWebSocket(server: Server, yoga: YogaServerInstance<Record<string, unknown>, Record<string, unknown>>) {
  // noServer: attached with `server`, ws re-emits the HTTP server's listen errors and graphql-ws logs them as an
  // "internal error" with a stack; upgrades are handed over here instead, and a busy port is main.ts's to report.
  const wss = new WebSocketServer({ noServer: true, path: yoga.graphqlEndpoint });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);
  const disposable = useServer<Record<string, unknown>, { request: unknown; socket: unknown }>({
    execute: (args) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
    onSubscribe: async (ctx, _id, params) => {
      let headers;
      try {
        headers = websocketHeaders({
          operation: headerMapOf((params.extensions as { headers?: unknown } | undefined)?.headers, 'extensions.headers'),
          connection: headerMapOf(ctx.connectionParams, 'connectionParams'),
          upgrade: (ctx.extra.request as IncomingMessage).headers,
        });
      } catch (error) {
        if (!(error instanceof HeaderShapeError)) throw error;
        return [new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } })];
      }
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        ...ctx,
        req: ctx.extra.request,
        socket: ctx.extra.socket,
        params,
        headers,
      });
      let document: DocumentNode;
      try {
        document = parse(params.query);
      } catch (error) {
        // One malformed operation must not close the socket and every other subscription on it.
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: 'BAD_USER_INPUT' } })];
      }
      const args: ExecutionArgs = {
        schema,
        operationName: params.operationName,
        document,
        variableValues: params.variables,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      };
      const errors = validate(args.schema, args.document);
      return errors.length ? errors : args;
    },
  }, wss);
  return {
    /** Completes every subscription with 1001 "Going away" and closes the sockets. */
    async close() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      server.off('upgrade', onUpgrade);
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
