import { backendRequestRoutes } from './backend-requests.ts';
import { directoryRoutes } from './directory.ts';
import { offeringRoutes } from './offerings.ts';
import { orderActionRoutes } from './order-actions.ts';
import { orderRoutes } from './orders.ts';
import { projectMemberRoutes } from './project-members.ts';
import { projectRoutes } from './projects.ts';
import { providerResourceRoutes } from './provider-resources.ts';
import { resourceActionRoutes } from './resource-actions.ts';
import { resourceExtraRoutes } from './resource-extras.ts';
import { resourceLifecycleRoutes } from './resource-lifecycle.ts';
import { resourceRoutes } from './resources.ts';
import { compileRoutes } from './router.ts';

/** Every simulated endpoint; literal paths come before `:uuid/` paths they would otherwise collide with. */
export const ROUTES = compileRoutes([
  ...directoryRoutes,
  ...projectRoutes,
  ...projectMemberRoutes,
  ...offeringRoutes,
  ...orderRoutes,
  ...orderActionRoutes,
  ...resourceExtraRoutes,
  ...resourceLifecycleRoutes,
  ...resourceRoutes,
  ...resourceActionRoutes,
  ...providerResourceRoutes,
  ...backendRequestRoutes,
]);
