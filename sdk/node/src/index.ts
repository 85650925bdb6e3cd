/**
 * The Node SDK's entry point. Its source is the app's own client (`shared/api/`): the ApiClient, the
 * zod schemas of every request and answer, and the error classes. One copy; this package only
 * bundles it (scripts in build.mjs).
 */
export * from '../../../shared/api/index.js';
