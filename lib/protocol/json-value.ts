import { z } from 'zod';

/** Deeper than any real config, and shallow enough that storing and serving it never recurses far. */
export const MAX_JSON_DEPTH = 32;

/**
 * JSON.parse keeps a "__proto__" key, but every object later built from it by assignment (zod's
 * records, the run list's last values) silently drops it; refused instead, with a reason.
 */
export const PROTO_KEY = '__proto__';
export const PROTO_KEY_RULE = '"__proto__" cannot be a key or tag: JavaScript objects would silently drop it';

interface Problem {
  path: (string | number)[];
  message: string;
}

/** The first problem in a parsed JSON value, found without recursion: a hostile value may nest 100,000 deep. */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): Problem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) return { path, message: `JSON nests at most ${maxDepth} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    for (const [key, item] of entries) {
      if (key === PROTO_KEY) return { path: [...path, key], message: PROTO_KEY_RULE };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** `schema` for an object, after refusing a "__proto__" key that parsing it would drop. */
export function refuseProtoKey<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (v !== null && typeof v === 'object' && Object.hasOwn(v, PROTO_KEY)) ctx.addIssue({ code: 'custom', path: [PROTO_KEY], message: PROTO_KEY_RULE });
    })
    .pipe(schema);
}

/** A JSON object of any shape within the bounds above, passed on as it came. */
export function jsonObjectSchema(maxDepth = MAX_JSON_DEPTH): z.ZodType<Record<string, unknown>> {
  return z
    .custom<Record<string, unknown>>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), 'expected a JSON object')
    .superRefine((v, ctx) => {
      const problem = jsonProblem(v, maxDepth);
      if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    });
}
