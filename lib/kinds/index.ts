/**
 * Every data kind, one line each: lib/app-context.ts builds the ingest message union, the store's
 * schema, the ingest dispatch and the route handlers' readers by looping over these exports.
 */
export { scalarKind } from './scalar/kind';
export { histogramKind } from './histogram/kind';
export { embeddingKind } from './embedding/kind';
export { eventKind } from './event/kind';
export { graphKind } from './graph/kind';
export { textKind } from './text/kind';
export { opGraphKind } from './op-graph/kind';
export { prCurveKind } from './pr-curve/kind';
export { imageKind } from './image/kind';
export { sweepKind } from './sweep/kind';
