/**
 * runIdSchema's pattern (lib/protocol/ingest-messages.ts; a test keeps them equal), without zod: that
 * module builds zod schemas at load time, which no bundler can drop, so importing it put zod into
 * the pages that only check a run id in their address.
 */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
