import type { EnumRef } from '@pothos/core';
import { ENUMS, type EnumName, type EnumValue } from '../../resolvers/orchestration/enums.ts';
import { builder } from '../builder.ts';

type Described<E extends EnumName> = Record<(typeof ENUMS)[E][number], string>;

/** A GraphQL enum whose values are the wire values' UPPER_CASE names (resolvers/orchestration/enums.ts maps them). */
function orchestrationEnum<E extends EnumName>(name: E, description: string, values: Described<E>) {
  const config: Record<string, { value: string; description: string }> = {};
  for (const value of ENUMS[name]) config[value] = { value, description: values[value as keyof Described<E>] };
  type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
  return builder.enumType(name as string, { description, values: config }) as unknown as EnumRef<Types, EnumValue<E>>;
}

const UNKNOWN = 'A value this gateway does not know (it is logged), or none was sent: the API may have added states since.';

export const PayloadState = orchestrationEnum('PayloadState', 'Where a payload (one game-server instance) is in its lifecycle.', {
  UNKNOWN,
  CREATING: 'Being created: the image is being pulled and containers set up.',
  PREPARING: 'Preparing to start (a newer state; older clients do not know it).',
  STARTING: 'Started; waiting for the game server to call the Payload Local API `ready` endpoint.',
  READY: 'Called ready and can be reserved; the system may remove it at any time, so no players should be connected.',
  RESERVED: 'Held for a game session: players may connect; the system will not remove it until it exits or is unreserved.',
  SHUTDOWN: 'Stopping or being deleted; still listed for a short while, never reservable.',
  ERROR: 'Something failed, e.g. it crashed before Ready and is waiting to be restarted.',
  UNHEALTHY: 'Failing health reporting, or its process exited while Ready or Reserved; shut down soon after.',
});

export const AllocationState = orchestrationEnum('AllocationState', 'What an allocation (a fleet of identical game servers) is doing.', {
  UNKNOWN,
  NEW: 'Created and not processed yet.',
  UPDATING: 'Reconciling after a create, edit, image change or enable.',
  RUNNING: 'Its payloads started as specified.',
  DRAINING: 'Being disabled or deleted; waits for Reserved payloads to finish.',
  STOPPED: 'No payloads are running.',
  DELETED: 'Deleted; still visible for a while but uses no compute.',
  ERROR: 'The allocation failed.',
  DISABLED: 'Disabled: no payloads are kept.',
});

export const PortProtocol = orchestrationEnum('PortProtocol', 'The transport a payload port exposes.', {
  UNKNOWN,
  UDP: 'UDP only.',
  TCP: 'TCP only.',
  TCPUDP: 'TCP and UDP on the same host port.',
});

export const PortPolicy = orchestrationEnum('PortPolicy', 'How a container port is mapped to a host port.', {
  UNKNOWN,
  DYNAMIC: 'The fixed container port is mapped to a unique host port (the default).',
  PASSTHROUGH: 'The system picks a free host port and uses the same number inside the container.',
});

export const DdosProtection = orchestrationEnum('DdosProtection', 'Whether DDoS protection is applied to a payload\'s ports.', {
  UNKNOWN,
  DISABLED: 'No DDoS protection.',
  ENABLED: 'DDoS protection is on.',
});
