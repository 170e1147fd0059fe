import { warnOnce, type Logger } from '../../logger.ts';

/**
 * The Orchestration API's enums as GraphQL values (UPPER_CASE names of the wire spellings, contract §6), each
 * with UNKNOWN: the payload state set has grown before (`Preparing`), so a value this gateway does not know
 * becomes UNKNOWN and is logged, instead of failing the whole field.
 */
export const ENUMS = {
  PayloadState: ['UNKNOWN', 'CREATING', 'PREPARING', 'STARTING', 'READY', 'RESERVED', 'SHUTDOWN', 'ERROR', 'UNHEALTHY'],
  AllocationState: ['UNKNOWN', 'NEW', 'UPDATING', 'RUNNING', 'DRAINING', 'STOPPED', 'DELETED', 'ERROR', 'DISABLED'],
  PortProtocol: ['UNKNOWN', 'UDP', 'TCP', 'TCPUDP'],
  PortPolicy: ['UNKNOWN', 'DYNAMIC', 'PASSTHROUGH'],
  DdosProtection: ['UNKNOWN', 'DISABLED', 'ENABLED'],
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = (typeof ENUMS)[E][number];

/**
 * Maps a wire value (`Ready`, `TCPUDP`) to its GraphQL value; absent → UNKNOWN quietly (proto3 JSON omits
 * defaults), anything unrecognised → UNKNOWN with a warning naming the enum and the value received.
 */
export function fromWire<E extends EnumName>(name: E, wire: string | undefined, logger: Pick<Logger, 'warn'>): EnumValue<E> {
  if (wire === undefined || wire === null || wire === '') return 'UNKNOWN';
  const upper = String(wire).toUpperCase();
  if ((ENUMS[name] as readonly string[]).includes(upper)) return upper as EnumValue<E>;
  warnOnce(logger, `${name}:${wire}`, { enum: name, value: wire }, `Orchestration API sent a ${name} this gateway does not know; answering UNKNOWN`);
  return 'UNKNOWN';
}
