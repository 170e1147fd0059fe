import { describe, expect, it, vi } from 'vitest';
import { fromWire } from '../../src/resolvers/orchestration/enums.ts';
import { startStack } from '../helpers/stack.ts';

describe('enum values the gateway does not know', () => {
  it('should map them to UNKNOWN and log the enum and the value', () => {
    const logger = { warn: vi.fn() };
    expect(fromWire('PayloadState', 'Ready', logger)).toBe('READY');
    expect(fromWire('PayloadState', undefined, logger)).toBe('UNKNOWN');
    expect(fromWire('PayloadState', 'Unknown', logger)).toBe('UNKNOWN');
    expect(logger.warn).not.toHaveBeenCalled();
    expect(fromWire('PayloadState', 'Hibernating', logger)).toBe('UNKNOWN');
    expect(logger.warn).toHaveBeenCalledWith({ enum: 'PayloadState', value: 'Hibernating' }, expect.stringContaining('UNKNOWN'));
  });

  it('should answer UNKNOWN instead of failing the query when the API sends a new value', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];
    const [p, a] = [link.orchestrationProjectId, link.allocations[0].id];
    await stack.control('orchestration', 'POST', 'faults', {
      method: 'GET', path: `/projects/${p}/allocations/${a}$`, status: 200,
      body: { result: {
        id: a, name: 'from-the-future', enabled: true, status: { state: 'Hibernating', details: 'new state' },
        spec: { buffer_size: 1, min_payloads: 0, max_payloads: 2, region: 'eu-west', payload_spec: {
          image: 'img:1', ports: [{ name: 'game', container_port: 7777, port_policy: 'WORMHOLE', protocol: 'QUIC' }], ddos_protection: 'MAXIMUM',
        } },
      } },
    });
    await stack.control('orchestration', 'POST', 'faults', {
      method: 'GET', path: `/projects/${p}/allocations/${a}/payloads$`, status: 200,
      body: { results: [
        { id: 'abcde-fghij', allocation_id: a, status: { state: 'Teleporting' }, payload_spec: { ports: [{ name: 'game', protocol: 'SCTP' }] } },
        { id: 'klmno-pqrst', allocation_id: a, status: { state: 'Ready' } },
      ] },
    });

    const answer = await stack.query(`query ($p: String!, $a: String!) {
      allocation(projectId: $p, id: $a) {
        status statusDetails
        spec { payloadSpec { ddosProtection ports { policy protocol } } }
        all: payloads { payloadId state spec { ports { protocol policy } } }
        unknown: payloads(state: [UNKNOWN]) { payloadId }
        ready: payloads(state: [READY]) { payloadId }
      }
    }`, { p, a }, 'staff');

    expect(answer.errors).toBeUndefined();
    expect(answer.data.allocation).toEqual({
      status: 'UNKNOWN', statusDetails: 'new state',
      spec: { payloadSpec: { ddosProtection: 'UNKNOWN', ports: [{ policy: 'UNKNOWN', protocol: 'UNKNOWN' }] } },
      all: [
        { payloadId: 'abcde-fghij', state: 'UNKNOWN', spec: { ports: [{ protocol: 'UNKNOWN', policy: 'UNKNOWN' }] } },
        { payloadId: 'klmno-pqrst', state: 'READY', spec: null },
      ],
      unknown: [{ payloadId: 'abcde-fghij' }],
      ready: [{ payloadId: 'klmno-pqrst' }],
    });
  });
});
