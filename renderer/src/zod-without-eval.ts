import { z } from 'zod';

/**
 * Zod compiles fast parsers with `new Function`, which our CSP (no 'unsafe-eval') forbids; even its
 * probe for eval shows up as a CSP violation. Switching to jitless must happen before any schema is
 * built, so main.tsx imports this module first.
 */
z.config({ jitless: true });
