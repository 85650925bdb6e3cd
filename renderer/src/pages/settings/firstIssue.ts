import type { z } from 'zod';

/** The Chinese message of a failed parse's first issue, for a form's help line. */
export function firstIssueMessage(error: z.ZodError, fallback: string): string {
  return error.issues[0]?.message ?? fallback;
}
