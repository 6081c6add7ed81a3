import { z } from 'zod';
import * as kinds from './kinds';
import type { EnsembleJobs } from './ensemble/ensemble-jobs';
import type { ProjectionJobs } from './kinds/embedding/projection-jobs';
import type { KindData, KindDefinition, MessageSchema } from './kinds/kind';
import type { WireRunSummary } from './kinds/scalar/run-summary';
import { runStartSchema, runStatusSchema } from './protocol/ingest-messages';
import { resolveDbPath } from './storage/db-path';
import { SqliteStore } from './storage/sqlite-store';

/**
 * The one module that knows every kind: the ingest message union, the live push union, and the app
 * (store, every kind's tables and readers, the UMAP queue) that the server and route handlers share
 * (withApp, lib/with-app.ts). It loops over lib/kinds/index.ts, so adding a kind changes nothing here.
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
  /** The run and all its data are gone: every page showing it drops it. */
  | { type: 'run.deleted'; runId: string }
  | { type: 'error'; message: string }
  /** The dashboard fell behind and pushes were dropped: fetch what is stored again, as after a reconnect. */
  | { type: 'resync' }
  | PushOf<Kind>;

export type KindTables = { [K in Kind as K['name']]: ReturnType<K['openTables']> };

type Bound<R> = { [F in keyof R]: R[F] extends (data: never, ...args: infer A) => infer O ? (...args: A) => O : never };
/** Each kind's readers with its data already given: `app.read.scalar.series(runId, tag, maxPoints)`. */
export type KindReaders = { [K in Kind as K['name']]: Bound<K['readers']> };

/** How a route handler that changed a run tells the open dashboards: the server's live hub. */
export interface RunChanges {
  runChanged(runId: string): void;
  runDeleted(runId: string): void;
}

/** One database's state: the store, every kind's tables, and the server's UMAP queue and live hub once it runs. */
interface AppState {
  store: SqliteStore;
  tables: KindTables;
  projections: ProjectionJobs | null;
  live: RunChanges | null;
  ensembles: EnsembleJobs | null;
}

export interface AppContext {
  readonly store: SqliteStore;
  readonly tables: KindTables;
  readonly read: KindReaders;
  /** The server's UMAP queue while a Tensorlens server runs in this process; null otherwise. */
  projections: ProjectionJobs | null;
  /** The live hub while a Tensorlens server runs in this process; null otherwise (tests, scripts). */
  live: RunChanges | null;
  /** The server's ensemble jobs (POST /api/ensembles) while it runs in this process; null otherwise. */
  ensembles: EnsembleJobs | null;
}

function openState(path: string): AppState {
  const store = new SqliteStore(path, KINDS.flatMap((kind) => kind.schema));
  const tables = Object.fromEntries(KINDS.map((kind) => [kind.name, kind.openTables(store)]));
  return { store, tables: tables as KindTables, projections: null, live: null, ensembles: null };
}

/**
 * The state with this module's readers bound to it. The readers (and the ApiError class they throw)
 * come from the importing module graph, so Next's route bundle maps their errors by its own classes.
 */
function contextOf(state: AppState): AppContext {
  const read: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
  for (const kind of KINDS) {
    const data: KindData<unknown> = { store: state.store, tables: state.tables[kind.name] };
    const readers = Object.entries(kind.readers as Record<string, (data: KindData<unknown>, ...args: unknown[]) => unknown>);
    read[kind.name] = Object.fromEntries(readers.map(([name, reader]) => [name, (...args: unknown[]) => reader(data, ...args)]));
  }
  return {
    store: state.store,
    tables: state.tables,
    read: read as unknown as KindReaders,
    get projections() {
      return state.projections;
    },
    set projections(jobs) {
      state.projections = jobs;
    },
    get live() {
      return state.live;
    },
    set live(hub) {
      state.live = hub;
    },
    get ensembles() {
      return state.ensembles;
    },
    set ensembles(jobs) {
      state.ensembles = jobs;
    },
  };
}

/** A store on `path` with every kind's tables and readers, of its own. Tests make these; the server shares one (openApp). */
export function createApp(path: string): AppContext {
  return contextOf(openState(path));
}

const STATES_KEY = Symbol.for('tensorlens.apps');

function states(): Map<string, AppState> {
  return ((globalThis as Record<symbol, unknown>)[STATES_KEY] ??= new Map<string, AppState>()) as Map<string, AppState>;
}

/** This module's context of each shared state, so a request binds no readers. */
const contexts = new WeakMap<AppState, AppContext>();

/**
 * One app per database file per process. Next bundles route handlers apart from the custom server,
 * so the state is kept on globalThis for both to share one connection and the UMAP queue.
 */
export function openApp(path = resolveDbPath()): AppContext {
  let state = states().get(path);
  if (!state) states().set(path, (state = openState(path)));
  let context = contexts.get(state);
  if (!context) contexts.set(state, (context = contextOf(state)));
  return context;
}

export function closeApp(path: string): void {
  states().get(path)?.store.close();
  states().delete(path);
}
