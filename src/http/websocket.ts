import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, type DocumentNode, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { credentialProblem } from '../auth/principal.ts';
import { badInput } from '../errors.ts';
import { codedError } from './error-codes.ts';

type Enveloped = { execute: (args: ExecutionArgs) => never; subscribe: (args: ExecutionArgs) => never };

export interface WebSocketOptions {
  /** Largest accepted message, as BODY_LIMIT_BYTES for HTTP; a larger one closes the socket with 1009. */
  maxPayloadBytes: number;
  exposeInternals: boolean;
}

/**
 * graphql-ws (`graphql-transport-ws`) on the same port and path as HTTP, through Yoga's plugin chain. One bad
 * operation fails alone, with a coded error: the socket and its other subscriptions carry on.
 */
export function attachWebSocket(server: Server, yoga: YogaServerInstance<Record<string, unknown>, Record<string, unknown>>, options: WebSocketOptions) {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: options.maxPayloadBytes });
  const failed = (error: unknown): GraphQLError[] => [codedError(error instanceof GraphQLError ? error : new GraphQLError(String(error), { originalError: error as Error }), options.exposeInternals)];
  const disposable = useServer<Record<string, unknown>, { request: unknown; socket: unknown }>({
    execute: (args) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
    // graphql-ws closes with 4403 Forbidden when this answers false.
    onConnect: (ctx) => credentialProblem(ctx.connectionParams) === undefined,
    onSubscribe: async (ctx, _id, params) => {
      const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
        ...ctx,
        req: ctx.extra.request,
        socket: ctx.extra.socket,
        params,
      });
      // Parse and validation rules (graphql-armor's limits among them) may throw instead of reporting.
      let document: DocumentNode;
      try {
        document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length) return errors.map((error: GraphQLError) => codedError(error, options.exposeInternals));
      } catch (error) {
        return failed(error);
      }
      if (!getOperationAST(document, params.operationName)) {
        return failed(badInput(params.operationName
          ? `Unknown operation named "${params.operationName}"`
          : 'The document holds several operations: send operationName to choose one'));
      }
      return {
        schema,
        operationName: params.operationName,
        document,
        variableValues: params.variables,
        contextValue: await contextFactory(),
        rootValue: { execute, subscribe },
      } satisfies ExecutionArgs;
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => codedError(error, options.exposeInternals).toJSON()),
    isProd: !options.exposeInternals,
  }, wss);
  return {
    /** Completes every subscription with 1001 "Going away" and closes the sockets. */
    async close() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
