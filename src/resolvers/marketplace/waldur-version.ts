import type { Context } from '../../context.ts';
import { JunctionError } from '../../errors.ts';

/** The Waldur versions Junction is built and tested against (README "Supported Waldur versions"). */
export const SUPPORTED_WALDUR_MAJORS = [7, 8] as const;

export interface WaldurVersion { version: string; latestVersion: string | null; supported: boolean | null }

/**
 * `GET /api/version/` with the caller's credentials (waldur_core/core/views.py `version_detail`: staff and support
 * only). Null for anyone else (403), and when this Waldur has no such route.
 */
export async function waldurVersion(_root: unknown, _args: unknown, ctx: Context): Promise<WaldurVersion | null> {
  try {
    const body = await ctx.waldur.get<{ version?: unknown; latest_version?: unknown } | undefined>('version');
    if (typeof body?.version !== 'string') return null;
    return { version: body.version, latestVersion: typeof body.latest_version === 'string' ? body.latest_version : null, supported: isSupported(body.version) };
  } catch (error) {
    if (error instanceof JunctionError && (error.code === 'FORBIDDEN' || error.code === 'NOT_SUPPORTED')) return null;
    throw error;
  }
}

/** Whether a version string names a supported major; null when it names none (a development build such as `dev`). */
export function isSupported(version: string): boolean | null {
  const major = /^v?(\d+)\./.exec(version.trim())?.[1];
  return major === undefined ? null : (SUPPORTED_WALDUR_MAJORS as readonly number[]).includes(Number(major));
}
