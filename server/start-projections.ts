import type { AppContext } from '../lib/app-context';
import { ProjectionService } from '../lib/kinds/embedding/projection-service';
import type { Log } from './attach-sockets';
import type { LiveHub } from './live-hub';

/**
 * The UMAP queue of this server: fed by ingest, asked by the projection route (through the app
 * context, which route handlers share with the server), pushing progress to dashboards.
 */
export function startProjections(app: AppContext, hub: LiveHub, log: Log): ProjectionService {
  const service = new ProjectionService(app.tables.embedding, { log });
  service.subscribe((event) => hub.push(event));
  app.projections = service;
  return service;
}

export function stopProjections(app: AppContext, service: ProjectionService): void {
  if (app.projections === service) app.projections = null;
  service.close();
}
