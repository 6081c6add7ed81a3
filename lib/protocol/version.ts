/** Bumped on any incompatible change of the wire messages; the server refuses other versions. */
export const PROTOCOL_VERSION = 1;

/** Largest message the server will parse; larger ones get an error reply and are dropped. */
export const MAX_MESSAGE_BYTES = 1 << 20;

/** Trainers stream here. Chosen under /ws/ so that no Next route can match it. */
export const INGEST_PATH = '/ws/ingest';

/** Dashboards subscribe here for pushed updates. */
export const LIVE_PATH = '/ws/live';
