/** A Waldur uuid as a comparison key: Waldur renders 32 hex digits, the OpenAPI document allows dashed ones. */
export function sameUuid(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase().replaceAll('-', '') : '';
}
