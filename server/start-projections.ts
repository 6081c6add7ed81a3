import { ProjectionService } from '../lib/kinds/embedding/projection-service';
import { registerProjections, unregisterProjections } from '../lib/kinds/embedding/projection-registry';
import type { Store } from '../lib/storage/store';
import type { Log } from './attach-sockets';
import type { LiveHub } from './live-hub';

/** The UMAP queue of this server: fed by ingest, asked by the projection route, pushing to dashboards. */
export function startProjections(store: Store, hub: LiveHub, log: Log): { close(): void } {
  const service = new ProjectionService(store, { log });
  service.subscribe((event) => hub.projectionChanged(event));
  registerProjections(store.path, service);
  return {
    close() {
      unregisterProjections(store.path, service);
      service.close();
    },
  };
}
