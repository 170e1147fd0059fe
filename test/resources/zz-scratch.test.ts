import { it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
it('scratch', async () => {
await using stack = await startStack();
const q = async (query: string, vars?: any, as: any = 'staff') => { await stack.resetLogs(); const r = await stack.query(query, vars, as); const calls = await stack.requests('waldur'); console.log(JSON.stringify(r, null, 1).slice(0, 2500)); console.log(calls.map(c => `${c.method} ${c.path}?${decodeURIComponent(c.query)} ${c.status} ${JSON.stringify(c.body)}`).join('\n')); return r; };
await q(`{ resources(first: 3, filter: { state: [OK] }) { nodes { uuid name offering { name type } endpoints { name url } reportSections { header } limitUsage renewalDate endDateRequestedByUuid projectEndDate isUsageBased isLimitBased userRequiresReconsent restrictMemberAccess offeringUsername runtimeState offeringComponents { type billingType isPrepaid minPrepaidDuration } } } }`);
await q(`{ resources(first: 2, filter: { offeringType: "Marketplace.Slurm", state: [OK] }) { nodes { uuid offeringDetails { name partitions { name } softwareCatalogs { name partitionName } roles { name } endpoints { url } plans { name } } team { username role offeringUsername offeringUserState } planPeriods { planName start } backendDetails glauthUsersConfig } } }`);
});
