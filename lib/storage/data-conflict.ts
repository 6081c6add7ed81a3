/**
 * Thrown by a store when a message contradicts what is already stored (an embedding chunk of
 * another size, overlapping rows). Sending it again cannot help, unlike a storage failure, so
 * ingest refuses it as an invalid message.
 */
export class DataConflict extends Error {}
