import { createHash } from 'node:crypto';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Pollers } from '../../context.ts';
import { LiveExecution, type RunQuery } from './live-execution.ts';
import { patchStream } from './patches.ts';

export interface LiveQueryRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The caller identity (principal key): executions are shared only between equal callers. */
  scope: string;
  /** Results after the first as RFC 6902 patches against the previous one (the @n1ru4l/graphql-live-query-patch shape). */
  patches: boolean;
  run: RunQuery;
}

/**
 * Live queries, shared: one execution per document, variables and caller identity, however many clients hold it.
 * Each client gets the latest result at once, then every change, and completes when the execution ends.
 */
export class LiveQueries {
  private readonly executions = new Map<string, LiveExecution>();

  constructor(private readonly pollers: Pollers, private readonly intervalMs: number) {}

  subscribe(request: LiveQueryRequest): AsyncIterableIterator<ExecutionResult> {
    const results = new Repeater<ExecutionResult>(async (push, stop) => {
      const execution = this.executionFor(request);
      const unlisten = execution.listen((event) => {
        if (event.kind === 'end') return stop();
        void push(event.result);
        if (event.final) stop();
      });
      await stop;
      unlisten();
    }, new SlidingBuffer(16));
    return request.patches ? patchStream(results) : results;
  }

  /** Live executions now (one per document, variables and caller), for tests, metrics and the bench. */
  get size(): number {
    return this.executions.size;
  }

  /** Upstream reads watched by all live executions (each is a shared poller, or a share in one). */
  get watchedReads(): number {
    let total = 0;
    for (const execution of this.executions.values()) total += execution.watchedReads;
    return total;
  }

  stopAll(): void {
    for (const execution of [...this.executions.values()]) execution.stop();
  }

  private executionFor(request: LiveQueryRequest): LiveExecution {
    const key = createHash('sha256')
      .update(print(request.document)).update('\u0000')
      .update(request.operationName ?? '').update('\u0000')
      .update(JSON.stringify(request.variables ?? {})).update('\u0000')
      .update(request.scope)
      .digest('base64url');
    const existing = this.executions.get(key);
    if (existing) return existing;
    const execution = new LiveExecution(this.pollers, request.scope, request.run, this.intervalMs, () => this.executions.delete(key));
    this.executions.set(key, execution);
    execution.start();
    return execution;
  }
}
