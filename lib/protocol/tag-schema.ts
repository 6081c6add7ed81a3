import { z } from 'zod';
import { PROTO_KEY, PROTO_KEY_RULE } from './json-value';
import { MAX_TAG_LENGTH, TAG_PATTERN, isAddressableTag } from './tag';

/** Every kind's tags obey the same rule, so one tag names one thing in messages, storage and URLs. */
export const tagSchema = z
  .string()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .regex(TAG_PATTERN, 'tag may hold letters, digits, "_", ".", "-", "/" and spaces')
  .refine(isAddressableTag, 'tag segments between "/" must not be empty, "." or "..": no URL could address such a tag')
  .refine((tag) => !tag.split('/').includes(PROTO_KEY), PROTO_KEY_RULE);
