import { defineKind } from '../kind';
import { EVENT_KIND } from './meta';
import { ingestEvents } from './ingest';
import { readEventList } from './reader';
import { eventsMessageSchema } from './schema';
import { EVENT_SCHEMA, EventTable } from './sqlite-table';

/** What Keras callbacks did and why, drawn as markers on the run's curves. See http-api.md. */
export const eventKind = defineKind({
  name: EVENT_KIND,
  messages: [eventsMessageSchema],
  schema: EVENT_SCHEMA,
  openTables: (store) => new EventTable(store.db),
  ingest: ingestEvents,
  readers: { list: readEventList },
});
