import { describe, expect, it, vi } from 'vitest';
import type { Context } from '../../src/context.ts';
import { enumOut, ORDER_STATES, UNKNOWN } from '../../src/resolvers/marketplace/enums.ts';

describe('upstream enum values', () => {
  it('should pass known values and map a value Waldur adds later to UNKNOWN with one warning, never an error', () => {
    const warn = vi.fn();
    const ctx = { logger: { warn } } as unknown as Context;
    expect(enumOut(ctx, 'OrderState', ORDER_STATES, 'pending-provider')).toBe('pending-provider');
    expect(enumOut(ctx, 'OrderState', ORDER_STATES, null)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    expect(enumOut(ctx, 'OrderState', ORDER_STATES, 'pending-quantum')).toBe(UNKNOWN);
    expect(warn).toHaveBeenCalledWith({ enum: 'OrderState', value: 'pending-quantum' }, 'unknown upstream enum value mapped to UNKNOWN');
  });
});
