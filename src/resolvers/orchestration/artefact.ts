import type { Context } from '../../context.ts';
import { badInput, JunctionError } from '../../errors.ts';
import type { ScopedArtefact } from '../../loaders/orchestration.ts';
import { DEFAULT_FIRST, MAX_PAGE_SIZE, type ConnectionArgs } from '../pagination.ts';

/** ListArtefacts answers at most this many items per page (contract §10). */
const UPSTREAM_MAX_PAGE = 1000;

/**
 * A Relay connection over ListArtefacts' `page_size`/`page_token` paging, which only moves forward.
 *
 * A cursor is the resume point after its item: (the token of the page the item came from, how many items of
 * that page to skip). Resuming fetches that page with `page_size = skip + first` and drops the first `skip`
 * items; the last item of a page gets (next_page_token, 0) instead, so a long walk advances the token rather
 * than growing `skip`. Page tokens name a position, not a page size, so this is exact.
 */
interface Resume { token: string; skip: number }

const PREFIX = 'artefacts:';

function encodeCursor({ token, skip }: Resume): string {
  return Buffer.from(`${PREFIX}${JSON.stringify([token, skip])}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): Resume {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  try {
    if (text.startsWith(PREFIX)) {
      const [token, skip] = JSON.parse(text.slice(PREFIX.length)) as unknown[];
      if (typeof token === 'string' && Number.isInteger(skip) && (skip as number) >= 0 && (skip as number) <= UPSTREAM_MAX_PAGE) {
        return { token, skip: skip as number };
      }
    }
  } catch { /* answered below */ }
  throw badInput(`after: expected a cursor from this artefact connection's edges or pageInfo, received ${JSON.stringify(cursor)}`);
}

export interface ArtefactScope { projectId: string; allocationId: string; payloadId?: string | null }

export async function artefactConnection(scope: ArtefactScope, args: ConnectionArgs, ctx: Context) {
  if (args.last != null || args.before != null) {
    throw badInput('last/before: the Orchestration API pages artefacts forward only; use first/after');
  }
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first: expected an integer from 0 to ${MAX_PAGE_SIZE}, received ${first}`);
  }
  const resume = args.after ? decodeCursor(args.after) : { token: '', skip: 0 };
  const page = await ctx.loaders.orchestration.artefactPage(scope.projectId, scope.allocationId, {
    payloadId: scope.payloadId ?? undefined,
    pageToken: resume.token || undefined,
    pageSize: Math.min(UPSTREAM_MAX_PAGE, resume.skip + Math.max(first, 1)),
  });
  const window = page.items.slice(resume.skip, resume.skip + first);
  const cursorAt = (index: number): string => (index + 1 === page.items.length && page.nextPageToken
    ? encodeCursor({ token: page.nextPageToken, skip: 0 })
    : encodeCursor({ token: resume.token, skip: index + 1 }));
  const edges = window.map((node: ScopedArtefact, i) => ({ cursor: cursorAt(resume.skip + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.items.length > resume.skip + window.length || Boolean(page.nextPageToken),
      hasPreviousPage: resume.skip > 0 || resume.token !== '',
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** GetArtefact for one file of a payload; a file that is not there (404) is null, not an error. */
export async function payloadArtefact(payload: { projectId: string; allocation_id: string; id: string }, filePath: string, ctx: Context) {
  if (!filePath.trim() || filePath.length > 1024 || filePath.split('/').includes('..')) {
    throw badInput(`filePath: expected a relative path of 1–1024 characters without "..", received ${JSON.stringify(filePath)}`);
  }
  try {
    const artefact = await ctx.orchestration.getArtefact(payload.projectId, payload.allocation_id, payload.id, filePath);
    return { ...artefact, projectId: payload.projectId };
  } catch (error) {
    if (error instanceof JunctionError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
