import type { z } from 'zod';
import { DocRef } from './docRef.js';

/**
 * A command for an act the law requires in writing: it must name the paper (số/ký hiệu and date).
 * The event keeps `document` optional only so that events recorded before it was required still
 * read; nothing new is recorded without it.
 */
export function writtenAct<Shape extends z.ZodRawShape, Config extends z.core.$ZodObjectConfig>(
  schema: z.ZodObject<Shape, Config>,
) {
  return schema.extend({ document: DocRef });
}
