import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * Says at start how orchestration access is linked to Waldur, and warns when it rests on data a consumer can write
 * (ARCHITECTURE.md "Credentials and access"): a project's backend_id is writable by every holder of PROJECT.UPDATE
 * (waldur-mastermind structure/views.py ProjectViewSet, serializers.py ProjectSerializer).
 */
export function logLinkMode(links: Config['links'], logger: Pick<Logger, 'info' | 'warn'>): void {
  if (links.trustProjectField) {
    logger.warn({ linkField: links.trustProjectField },
      `LINK_TRUST_PROJECT_FIELD is set: orchestration access through the service account trusts the Waldur project field "${links.trustProjectField}". `
      + 'Customer owners and project managers can write a project\'s backend_id in Waldur, so this is safe only where the deployment makes that field staff-only.');
  } else if (links.offeringUuids.length === 0) {
    logger.warn({}, 'LINK_OFFERING_UUIDS is empty: no Waldur project links to an orchestration project, so the service account reaches none '
      + '(callers may still send X-Orchestration-Authorization).');
  } else {
    logger.info({ linkOfferings: links.offeringUuids }, 'orchestration links: the backend_id the service provider sets on resources of these offerings');
  }
}
