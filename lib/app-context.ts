import { z } from 'zod';
import { withErrors, type HandlerRequest } from './api/with-errors';
import * as kinds from './kinds';
import type { ProjectionJobs } from './kinds/embedding/projection-jobs';
import type { KindData, KindDefinition, MessageSchema } from './kinds/kind';
import type { WireRunSummary } from './kinds/scalar/run-summary';
import { runStartSchema, runStatusSchema } from './protocol/ingest-messages';
import { resolveDbPath } from './storage/db-path';
import { SqliteStore } from './storage/sqlite-store';

/**
 * The one module that knows every kind: the ingest message union, the live push union, the store
 * with every kind's tables, and the context route handlers get. It loops over lib/kinds/index.ts,
 * so adding a kind changes nothing here.
 */

export type Kind = (typeof kinds)[keyof typeof kinds];
export const KINDS: readonly Kind[] = Object.values(kinds);

type KindSchema = Kind['messages'][number];
type RunSchema = typeof runStartSchema | typeof runStatusSchema;

export type IngestMessage = z.output<RunSchema | KindSchema>;
/** A kind's message as the dispatcher hands it to the kind's ingest handler. */
export type KindMessage = z.output<KindSchema>;

type WithoutHeader<M> = M extends unknown ? Omit<M, 'v' | 'seq'> : never;
/** What a client queues: each message as its schema takes it in, before the outbox adds the header. */
export type IngestPayload = WithoutHeader<z.input<RunSchema | KindSchema>>;

const messageSchemas = [runStartSchema, runStatusSchema, ...KINDS.flatMap((kind): readonly MessageSchema[] => kind.messages)];
export const ingestMessageSchema = z.discriminatedUnion(
  'type',
  messageSchemas as unknown as Parameters<typeof z.discriminatedUnion>[1],
) as unknown as z.ZodType<IngestMessage>;

/** The message type a kind's schema accepts: its `type` literal. */
export function messageType(schema: MessageSchema): string {
  const [type] = schema._zod.propValues?.type ?? [];
  if (typeof type !== 'string') throw new Error('a kind message schema needs a literal type');
  return type;
}

type PushOf<K> = K extends KindDefinition<string, infer _T, infer _S, infer P, infer _R> ? P : never;

/** Server → dashboard pushes; values use the same NaN/Infinity encoding as ingest. */
export type LiveEvent =
  | { type: 'runs'; runs: WireRunSummary[] }
  | { type: 'run'; run: WireRunSummary }
  | { type: 'error'; message: string }
  | PushOf<Kind>;

export type KindTables = { [K in Kind as K['name']]: ReturnType<K['openTables']> };

type Bound<R> = { [F in keyof R]: R[F] extends (data: never, ...args: infer A) => infer O ? (...args: A) => O : never };
/** Each kind's readers with its data already given: `app.read.scalar.series(runId, tag, maxPoints)`. */
export type KindReaders = { [K in Kind as K['name']]: Bound<K['readers']> };

export interface AppContext {
  readonly store: SqliteStore;
  readonly tables: KindTables;
  readonly read: KindReaders;
  /** The server's UMAP queue while a Tensorlens server runs in this process; null otherwise. */
  projections: ProjectionJobs | null;
}

/** A store on `path` with every kind's tables and readers. Tests make their own; the server shares one (openApp). */
export function createApp(path: string): AppContext {
  const store = new SqliteStore(path, KINDS.flatMap((kind) => kind.schema));
  const tables: Record<string, unknown> = {};
  const read: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
  for (const kind of KINDS) {
    const data: KindData<unknown> = { store, tables: kind.openTables(store) };
    tables[kind.name] = data.tables;
    const readers = Object.entries(kind.readers as Record<string, (data: KindData<unknown>, ...args: unknown[]) => unknown>);
    read[kind.name] = Object.fromEntries(readers.map(([name, reader]) => [name, (...args: unknown[]) => reader(data, ...args)]));
  }
  return { store, tables: tables as KindTables, read: read as unknown as KindReaders, projections: null };
}

const APPS_KEY = Symbol.for('tensorlens.apps');

function apps(): Map<string, AppContext> {
  return ((globalThis as Record<symbol, unknown>)[APPS_KEY] ??= new Map<string, AppContext>()) as Map<string, AppContext>;
}

/**
 * One app per database file per process. Next bundles route handlers apart from the custom server,
 * so it is kept on globalThis for both to share one connection, one tag cache and the UMAP queue.
 */
export function openApp(path = resolveDbPath()): AppContext {
  let app = apps().get(path);
  if (!app) apps().set(path, (app = createApp(path)));
  return app;
}

export function closeApp(path: string): void {
  apps().get(path)?.store.close();
  apps().delete(path);
}

export interface HandlerContext<P> extends HandlerRequest<P> {
  app: AppContext;
}

/** Wraps a route handler: the app of this process's database, and every error mapped in one place. */
export function withApp<P>(handler: (context: HandlerContext<P>) => Promise<Response> | Response) {
  return withErrors<P>((request) => handler({ ...request, app: openApp() }));
}
