import { withErrors, type HandlerRequest } from './api/with-errors';
import { openApp, type AppContext } from './app-context';

export interface HandlerContext<P> extends HandlerRequest<P> {
  app: AppContext;
}

/**
 * Wraps a route handler: the app of this process's database, and every error mapped in one place.
 * Apart from lib/app-context.ts because it pulls in next/server, which the custom server must not
 * load before Next has set up its request storage.
 */
export function withApp<P>(handler: (context: HandlerContext<P>) => Promise<Response> | Response) {
  return withErrors<P>((request) => handler({ ...request, app: openApp() }));
}
