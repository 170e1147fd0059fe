import type { AllocationSpec, PayloadSpec } from '../../../upstream/orchestration/types.ts';
import type { EnumValue } from '../../orchestration/enums.ts';
import type { InputProblems } from '../typed-errors.ts';
import { checkCount, checkInt, checkKnown, checkText, LIMITS, shown } from './validate.ts';

type Maybe<T> = T | null | undefined;

export interface PortSpecInput {
  name: string;
  containerPort?: Maybe<number>;
  policy?: Maybe<EnumValue<'PortPolicy'>>;
  protocol: EnumValue<'PortProtocol'>;
}

export interface PayloadSpecInput {
  image: string;
  command?: Maybe<string>;
  args?: Maybe<readonly string[]>;
  ports?: Maybe<readonly PortSpecInput[]>;
  resources?: Maybe<{ cpu?: Maybe<string>; memory?: Maybe<string> }>;
  environment?: Maybe<readonly { name: string; value: string }[]>;
  ddosProtection?: Maybe<EnumValue<'DdosProtection'>>;
}

export interface AllocationSpecInput {
  payloadSpec: PayloadSpecInput;
  bufferSize: number;
  minPayloads: number;
  maxPayloads: number;
  region: string;
}

/** Kubernetes quantities: CPU in cores or millicores ("1.5", "500m"); memory in bytes with a suffix ("512Mi", "1G"). */
const CPU = /^(\d+(\.\d+)?|\d+m)$/;
const MEMORY = /^\d+(\.\d+)?(e\d+|[KMGTPE]i|[kMGTPE])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function port(p: InputProblems, at: string, input: PortSpecInput): NonNullable<PayloadSpec['ports']>[number] {
  checkText(p, `${at}.name`, input.name, { max: 63, noWhitespace: true });
  const policy = checkKnown(p, `${at}.policy`, input.policy ?? 'DYNAMIC', ['DYNAMIC', 'PASSTHROUGH']);
  const protocol = checkKnown(p, `${at}.protocol`, input.protocol, ['UDP', 'TCP', 'TCPUDP']);
  if (input.containerPort != null) {
    if (policy === 'PASSTHROUGH') p.add(`${at}.containerPort`, `expected no containerPort for a PASSTHROUGH port (the system picks it), received ${input.containerPort}`);
    else checkInt(p, `${at}.containerPort`, input.containerPort, 1, 65_535);
  } else if (policy === 'DYNAMIC') {
    p.add(`${at}.containerPort`, 'expected a port number from 1 to 65535 for a DYNAMIC port, received nothing');
  }
  return { name: input.name, ...(input.containerPort != null && { container_port: input.containerPort }), port_policy: policy, protocol };
}

function payloadSpec(p: InputProblems, at: string, input: PayloadSpecInput): PayloadSpec {
  const spec: PayloadSpec = { image: checkText(p, `${at}.image`, input.image, { max: LIMITS.image, noWhitespace: true }) };
  if (input.command != null) spec.command = checkText(p, `${at}.command`, input.command, { nonEmpty: false });
  if (input.args != null && checkCount(p, `${at}.args`, input.args, LIMITS.items)) {
    spec.args = input.args.map((arg, i) => checkText(p, `${at}.args[${i}]`, arg, { nonEmpty: false, control: true }));
  }
  if (input.ports != null && checkCount(p, `${at}.ports`, input.ports, 64)) {
    spec.ports = input.ports.map((item, i) => port(p, `${at}.ports[${i}]`, item));
    input.ports.forEach(({ name }, i) => {
      if (input.ports!.findIndex((other) => other.name === name) < i) p.add(`${at}.ports[${i}].name`, `expected each port name once, received ${JSON.stringify(name)} again`);
    });
  }
  if (input.resources != null) {
    const { cpu, memory } = input.resources;
    spec.resources = {};
    if (cpu != null) {
      if (!CPU.test(cpu)) p.add(`${at}.resources.cpu`, `expected a CPU quantity such as "500m" or "1.5", received ${shown(cpu)}`);
      spec.resources.cpu = cpu;
    }
    if (memory != null) {
      if (!MEMORY.test(memory)) p.add(`${at}.resources.memory`, `expected a memory quantity such as "512Mi" or "1Gi" ("m" would mean thousandths of a byte), received ${shown(memory)}`);
      spec.resources.memory = memory;
    }
  }
  if (input.environment != null && checkCount(p, `${at}.environment`, input.environment, LIMITS.items)) {
    const seen = new Set<string>();
    spec.environment_variables = input.environment.map(({ name, value }, i) => {
      if (!ENV_NAME.test(name) || name.length > LIMITS.name) p.add(`${at}.environment[${i}].name`, `expected a variable name of letters, digits, "_", "." or "-" not starting with a digit (${ENV_NAME.source}), received ${shown(name)}`);
      else if (seen.has(name)) p.add(`${at}.environment[${i}].name`, `expected each variable name once, received ${JSON.stringify(name)} again`);
      seen.add(name);
      return { name, value: checkText(p, `${at}.environment[${i}].value`, value, { max: LIMITS.envValue, nonEmpty: false, control: true }) };
    });
  }
  if (input.ddosProtection != null) spec.ddos_protection = checkKnown(p, `${at}.ddosProtection`, input.ddosProtection, ['DISABLED', 'ENABLED']);
  return spec;
}

/** Validates an allocation spec (scaling: every count ≥ 0, max ≥ 1, min ≤ max) and builds its wire form. */
export function allocationSpecToWire(p: InputProblems, at: string, input: AllocationSpecInput): AllocationSpec {
  const spec: AllocationSpec = {
    payload_spec: payloadSpec(p, `${at}.payloadSpec`, input.payloadSpec),
    buffer_size: checkInt(p, `${at}.bufferSize`, input.bufferSize, 0),
    min_payloads: checkInt(p, `${at}.minPayloads`, input.minPayloads, 0),
    max_payloads: checkInt(p, `${at}.maxPayloads`, input.maxPayloads, 1),
    region: checkText(p, `${at}.region`, input.region, { max: 64, noWhitespace: true }),
  };
  if (input.minPayloads > input.maxPayloads) {
    p.add(`${at}.minPayloads`, `expected at most maxPayloads (${input.maxPayloads}), received ${input.minPayloads}`);
  }
  return spec;
}
