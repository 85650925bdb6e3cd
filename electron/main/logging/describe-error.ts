/** `Name: message` of an error for a log line (the redactor still scrubs it on the way out). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
