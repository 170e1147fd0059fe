import { badRequest } from './errors.ts';
import { parseMetadata } from './metadata.ts';
import { PORT_POLICIES, PROTOCOLS, type AllocationSpec, type Metadata, type PayloadSpec, type PortSpec } from './model.ts';

export const DEFAULT_IMAGE = 'registry.ims.io/games/arena:1.4.2';

/** The game-server template used for seeded and provisioned allocations. */
export function gameServerSpec(scale: { buffer: number; min: number; max: number }, image = DEFAULT_IMAGE, region = 'eu-west'): AllocationSpec {
  return {
    payload_spec: {
      image,
      command: '/app/server',
      args: ['-log', '-port=7777'],
      ports: [
        { name: 'game', container_port: 7777, port_policy: 'DYNAMIC', protocol: 'UDP' },
        { name: 'query', container_port: 0, port_policy: 'PASSTHROUGH', protocol: 'TCP' },
      ],
      resources: { cpu: '500m', memory: '512Mi' },
      environment_variables: [
        { name: 'GAME_MODE', value: 'ranked' },
        { name: 'MAX_PLAYERS', value: '16' },
        { name: 'ARTEFACTS_DIR', value: '/artefacts' },
      ],
      ddos_protection: 'DISABLED',
    },
    buffer_size: scale.buffer,
    min_payloads: scale.min,
    max_payloads: scale.max,
    region,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown, where: string, fallback = ''): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') throw badRequest(`${where} must be a string`);
  return v;
}

// Absent counts read as protobuf zero values.
function count(v: unknown, where: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw badRequest(`${where} must be a non-negative integer`);
  return v;
}

function parsePort(raw: unknown, i: number): PortSpec {
  const where = `spec.payload_spec.ports[${i}]`;
  if (!isObject(raw)) throw badRequest(`${where} must be an object`);
  const name = str(raw.name, `${where}.name`);
  if (!name) throw badRequest(`${where}.name is required`);
  const policy = str(raw.port_policy, `${where}.port_policy`, 'DYNAMIC');
  const protocol = str(raw.protocol, `${where}.protocol`, 'UDP');
  if (!(PORT_POLICIES as readonly string[]).includes(policy)) throw badRequest(`${where}.port_policy must be one of ${PORT_POLICIES.join(', ')}`);
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw badRequest(`${where}.protocol must be one of ${PROTOCOLS.join(', ')}`);
  const port = raw.container_port ?? 0;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) throw badRequest(`${where}.container_port must be an integer in 0-65535`);
  if (policy === 'DYNAMIC' && port === 0) throw badRequest(`${where}.container_port is required for DYNAMIC ports`);
  return { name, container_port: port, port_policy: policy as PortSpec['port_policy'], protocol: protocol as PortSpec['protocol'] };
}

function parsePayloadSpec(raw: unknown): PayloadSpec {
  if (!isObject(raw)) throw badRequest('spec.payload_spec is required');
  const image = str(raw.image, 'spec.payload_spec.image');
  if (!image) throw badRequest('spec.payload_spec.image is required');
  const list = (v: unknown, where: string): unknown[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw badRequest(`${where} must be an array`);
    return v;
  };
  const ports = list(raw.ports, 'spec.payload_spec.ports').map(parsePort);
  if (new Set(ports.map((p) => p.name)).size !== ports.length) throw badRequest('spec.payload_spec.ports names must be unique');
  const resources = isObject(raw.resources) ? raw.resources : {};
  return {
    image,
    command: str(raw.command, 'spec.payload_spec.command'),
    args: list(raw.args, 'spec.payload_spec.args').map((a, i) => str(a, `spec.payload_spec.args[${i}]`)),
    ports,
    resources: { cpu: str(resources.cpu, 'spec.payload_spec.resources.cpu'), memory: str(resources.memory, 'spec.payload_spec.resources.memory') },
    environment_variables: list(raw.environment_variables, 'spec.payload_spec.environment_variables').map((e, i) => {
      const where = `spec.payload_spec.environment_variables[${i}]`;
      if (!isObject(e) || !str(e.name, `${where}.name`)) throw badRequest(`${where} needs a name`);
      return { name: e.name as string, value: str(e.value, `${where}.value`) };
    }),
    ddos_protection: str(raw.ddos_protection, 'spec.payload_spec.ddos_protection', 'DISABLED'),
  };
}

export function parseSpec(raw: unknown): AllocationSpec {
  if (!isObject(raw)) throw badRequest('spec is required');
  const spec: AllocationSpec = {
    payload_spec: parsePayloadSpec(raw.payload_spec),
    buffer_size: count(raw.buffer_size, 'spec.buffer_size'),
    min_payloads: count(raw.min_payloads, 'spec.min_payloads'),
    max_payloads: count(raw.max_payloads, 'spec.max_payloads'),
    region: str(raw.region, 'spec.region', 'eu-west') || 'eu-west',
  };
  if (spec.min_payloads > spec.max_payloads) throw badRequest('spec.min_payloads must not exceed spec.max_payloads');
  return spec;
}

/** Create: `{spec, name?, metadata?}`; update: `{spec, name, metadata?}`. `metadata` is undefined when absent. */
export function parseAllocationBody(body: unknown, requireName: boolean): { name: string; spec: AllocationSpec; metadata?: Metadata | null } {
  if (!isObject(body)) throw badRequest('request body must be a JSON object with a spec');
  const name = str(body.name, 'name');
  if (requireName && !name) throw badRequest('name is required');
  const spec = parseSpec(body.spec);
  if (!('metadata' in body)) return { name, spec };
  return { name, spec, metadata: body.metadata === null ? null : parseMetadata(body.metadata, 'metadata') };
}
