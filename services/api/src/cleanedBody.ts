import { z } from 'zod';
import { cleanInput } from '@dacxa/domain';

/**
 * A body schema that reads the body as the command handler does: cleaned first (NFC; control,
 * bidi and lone-surrogate characters refused, each at its path), then checked by `schema`. An
 * absent body is an empty object. The document shows `schema` itself (the input of the pipe).
 */
export const cleaned = <S extends z.ZodType>(schema: S) =>
  z.preprocess((body, ctx) => {
    const result = cleanInput(body ?? {});
    if (result.ok) return result.value;
    for (const issue of result.issues)
      ctx.addIssue({
        code: 'custom',
        path: issue.path === '' ? [] : issue.path.split('.'),
        message: issue.message,
        input: body,
      });
    return z.NEVER;
  }, schema);
