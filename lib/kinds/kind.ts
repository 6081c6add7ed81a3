import type { z } from 'zod';
import type { SqliteStore } from '../storage/sqlite-store';
import type { Store } from '../storage/store';
import type { ProjectionJobs } from './embedding/projection-jobs';

/** Every kind message names its type and its run (see kindMessageSchema). */
export type MessageSchema = z.ZodType<{ type: string; runId: string }>;

/** A push to the dashboards watching one run. */
export interface RunPush {
  type: string;
  runId: string;
}

/** What a kind's readers work on: the store's runs and the kind's own tables. */
export interface KindData<Tables> {
  store: Store;
  tables: Tables;
}

/** How an ingest handler reaches the dashboards. */
export interface LivePush<Push extends RunPush> {
  push(event: Push): void;
  /** The run list shows the run's latest values: refresh its row soon, at most a few times a second. */
  runTouched(runId: string): void;
}

/** What an ingest handler gets: its data, the live hub, and the server's UMAP queue (null without a server). */
export interface IngestContext<Tables, Push extends RunPush> extends KindData<Tables> {
  live: LivePush<Push>;
  projections: ProjectionJobs | null;
}

// Reader arguments vary per reader; `any` here only lets the mapped types below read them back.
export type Reader<Tables> = (data: KindData<Tables>, ...args: any[]) => unknown;

/**
 * Everything one data kind is, in one object: adding a kind is writing one of these and listing it
 * in lib/kinds/index.ts. The message union, the store's schema, the ingest dispatcher and the
 * route handlers' readers are all built by looping over that list.
 */
export interface KindDefinition<Name extends string, Tables, Schema extends MessageSchema, Push extends RunPush, Readers extends Record<string, Reader<Tables>>> {
  /** The kind name every layer uses (tags table, live pushes, API paths). */
  readonly name: Name;
  /** The ingest messages the kind accepts, each discriminated by its `type`. */
  readonly messages: readonly Schema[];
  /** CREATE TABLE/INDEX IF NOT EXISTS statements, run in order when a store opens. */
  readonly schema: readonly string[];
  /** The kind's tables on a store, made once per store. */
  openTables(store: SqliteStore): Tables;
  /** Stores one validated message of a known run and pushes what changed. */
  ingest(message: z.output<Schema>, context: IngestContext<Tables, Push>): void;
  /**
   * Removes a deleted run's rows from the kind's tables that do not cascade from the runs table
   * (those keyed by tag id). Called inside the delete's transaction, before the run row goes; a kind
   * whose tables all reference runs ON DELETE CASCADE leaves it out.
   */
  deleteRun?(tables: Tables, runId: string): void;
  /** What the route handlers and pages read, each taking the kind's data first. */
  readonly readers: Readers;
}

/** Infers a definition's types from the object itself, so each kind states them once. */
export function defineKind<Name extends string, Tables, Schema extends MessageSchema, Push extends RunPush, Readers extends Record<string, Reader<Tables>>>(
  kind: KindDefinition<Name, Tables, Schema, Push, Readers>,
): KindDefinition<Name, Tables, Schema, Push, Readers> {
  return kind;
}
