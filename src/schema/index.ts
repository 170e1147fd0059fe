import './scalars.ts';
import './node.ts';
import './marketplace/backend-resource-request.ts';
import './marketplace/customer.ts';
import './marketplace/offering.ts';
import './marketplace/order.ts';
import './marketplace/plan.ts';
import './marketplace/project.ts';
import './marketplace/resource.ts';
import './marketplace/user.ts';
import './orchestration/allocation.ts';
import './orchestration/artefact.ts';
import './orchestration/payload.ts';
import './links.ts';
import './zz-temp-placeholder.ts';
import { builder } from './builder.ts';

export const schema = builder.toSchema();
