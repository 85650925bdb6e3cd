/**
 * Messages between the OCR pool and its workers. Everything a worker sends back is parsed with
 * these schemas: a worker is another thread running native code, and its answers are a boundary.
 */
import type { MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { RasterJob } from './read-raster.js';
import type { LineBatch } from './text-recognition.js';

export interface WorkerInit {
  threads: number;
  /** The worker may offer part of a file's recognition to an idle worker. */
  assist: boolean;
  /** Enables the 'test-sleep' and 'test-crash' jobs the pool's own tests use. */
  testHooks: boolean;
  /** Where the rewritten models are kept; null rewrites them in memory. */
  modelCacheDir: string | null;
  /** An OCR worker's port to the shared detector thread; without one it opens its own detector. */
  detectorPort?: MessagePort;
}

export type TestJob = { kind: 'test-sleep'; ms: number } | { kind: 'test-crash' };
/** Lines another worker sampled, to recognise for it (the pool sends these to idle workers). */
export interface RecogniseJob {
  kind: 'recognise';
  batches: LineBatch[];
}
export type WorkerJob = RasterJob | TestJob | RecogniseJob;

export interface JobMessage {
  type: 'job';
  id: number;
  job: WorkerJob;
}

/** The pool's answer to a worker's `assist` request: the texts, or null (do them yourself). */
export interface AssistReplyMessage {
  type: 'assist-result';
  id: number;
  lines: { text: string; confidence: number }[] | null;
}

export type PoolMessage = JobMessage | AssistReplyMessage;

/** The recogniser's input height (text-recognition.ts; not imported: that loads onnxruntime). */
const REC_HEIGHT = 48;
const lineBatchSchema = z
  .object({
    lines: z.number().int().min(1),
    width: z.number().int().min(1),
    data: z.instanceof(Float32Array),
  })
  .refine((b) => b.data.length === b.lines * 3 * REC_HEIGHT * b.width, 'batch size mismatch');

export const recognisedTextsSchema = z.array(z.object({ text: z.string(), confidence: z.number() }));

const textRunSchema = z.object({
  text: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  confidence: z.number().min(0).max(1),
});

export const imageReadingDetailsSchema = z.object({
  page: z.object({
    pageNumber: z.number().int().min(1),
    width: z.number(),
    height: z.number(),
    source: z.literal('ocr'),
    runs: z.array(textRunSchema),
  }),
  qrPayloads: z.array(z.string()),
  diagnostics: z.object({
    rasterWidth: z.number(),
    rasterHeight: z.number(),
    quarterTurns: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    skewDegrees: z.number(),
    qrPass: z.string().nullable(),
    enhanced: z.boolean(),
    pageCount: z.number().int().optional(),
    timings: z.object({ decodeMs: z.number(), qrMs: z.number(), ocrMs: z.number() }),
  }),
});

export const testSleepResultSchema = z.object({
  threadId: z.number(),
  startedAt: z.number(),
  endedAt: z.number(),
});

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('init-failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number(), result: z.unknown() }),
  /** A worker asks for part of its recognition to be done by an idle worker. */
  z.object({ type: z.literal('assist'), id: z.number(), batches: z.array(lineBatchSchema) }),
  z.object({
    type: z.literal('failed'),
    id: z.number(),
    error: z.object({
      name: z.string(),
      message: z.string(),
      reason: z.enum(['unsupported', 'corrupt', 'too-large', 'empty', 'bad-page']).optional(),
    }),
  }),
]);

export type WorkerMessage = z.infer<typeof workerMessageSchema>;
