import path from 'node:path';
import { readFile } from 'node:fs/promises';
import onnxProto, { type onnx as Onnx } from 'onnx-proto';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { optimiseModel } from './model-graph.js';
import { modelAssetsDir } from './paddle-models.js';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const options: InferenceSession.SessionOptions = { logSeverityLevel: 3, intraOpNumThreads: 1 };

function constant(name: string, dims: number[], values: number[]): Onnx.INodeProto {
  const data = Float32Array.from(values);
  return {
    opType: 'Constant',
    output: [name],
    attribute: [
      {
        name: 'value',
        type: onnx.AttributeProto.AttributeType.TENSOR,
        t: { name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer) },
      },
    ],
  };
}

const ints = (name: string, values: number[]): Onnx.IAttributeProto => ({
  name,
  ints: values,
  type: onnx.AttributeProto.AttributeType.INTS,
});

function valueInfo(name: string, dims: number[]): Onnx.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((dimValue) => ({ dimValue })) } } },
  };
}

function model(nodes: Onnx.INodeProto[], input: number[], output: number[]): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 11 }],
    graph: { name: 'g', node: nodes, input: [valueInfo('x', input)], output: [valueInfo('y', output)] },
  }).finish();
}

function random(count: number, seed = 1): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31) * 8 - 4;
  });
}

async function outputs(bytes: Uint8Array, dims: number[], data: Float32Array): Promise<Float32Array> {
  const session = await InferenceSession.create(bytes, options);
  const name = session.inputNames[0] ?? 'x';
  const result = await session.run({ [name]: new Tensor('float32', data, dims) });
  const out = result[session.outputNames[0] ?? '']?.data;
  await session.release();
  if (!(out instanceof Float32Array)) throw new Error('no float output');
  return out;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

/** x → · s → + t → conv (2 → 3 channels) with the given kernel and padding → y. */
function affineThenConv(kernel: number, pad: number): Uint8Array {
  const side = 5 + 2 * pad - kernel + 1;
  const weights = Array.from({ length: 3 * 2 * kernel * kernel }, (_, i) => ((i % 7) - 3) / 4);
  return model(
    [
      constant('s', [1, 2, 1, 1], [0.5, -2]),
      constant('t', [1, 2, 1, 1], [1.5, 0.25]),
      constant('w', [3, 2, kernel, kernel], weights),
      constant('b', [3], [0.1, -0.2, 0.3]),
      { opType: 'Mul', input: ['x', 's'], output: ['xs'] },
      { opType: 'Add', input: ['xs', 't'], output: ['xst'] },
      {
        opType: 'Conv',
        input: ['xst', 'w', 'b'],
        output: ['y'],
        attribute: [ints('kernel_shape', [kernel, kernel]), ints('pads', [pad, pad, pad, pad])],
      },
    ],
    [1, 2, 5, 5],
    [1, 3, side, side],
  );
}

describe('optimiseModel', () => {
  it('turns x · clip(x + 3, 0, 6) / 6 into x · HardSigmoid(x) with the same values', async () => {
    const bytes = model(
      [
        constant('three', [], [3]),
        constant('zero', [], [0]),
        constant('six', [], [6]),
        { opType: 'Add', input: ['x', 'three'], output: ['a'] },
        { opType: 'Clip', input: ['a', 'zero', 'six'], output: ['c'] },
        { opType: 'Mul', input: ['x', 'c'], output: ['m'] },
        { opType: 'Div', input: ['m', 'six'], output: ['y'] },
      ],
      [1, 1, 4, 4],
      [1, 1, 4, 4],
    );
    const optimised = optimiseModel(bytes);
    expect(optimised.rewrites.hardSwish).toBe(1);
    const ops = onnx.ModelProto.decode(optimised.bytes).graph?.node?.map((n) => n.opType);
    expect(ops).toEqual(['HardSigmoid', 'Mul']);
    const input = random(16);
    expect(
      maxDifference(
        await outputs(bytes, [1, 1, 4, 4], input),
        await outputs(optimised.bytes, [1, 1, 4, 4], input),
      ),
    ).toBeLessThan(1e-6);
  });

  it('folds a per-channel scale and shift after a convolution into its weights', async () => {
    const bytes = model(
      [
        constant(
          'w',
          [2, 1, 3, 3],
          Array.from({ length: 18 }, (_, i) => (i - 9) / 10),
        ),
        constant('s', [1, 2, 1, 1], [3, -0.5]),
        constant('t', [1], [0.75]),
        {
          opType: 'Conv',
          input: ['x', 'w'],
          output: ['c'],
          attribute: [ints('kernel_shape', [3, 3]), ints('pads', [1, 1, 1, 1])],
        },
        // The constant first, as Paddle2ONNX writes it.
        { opType: 'Mul', input: ['s', 'c'], output: ['cs'] },
        { opType: 'Add', input: ['cs', 't'], output: ['y'] },
      ],
      [1, 1, 6, 6],
      [1, 2, 6, 6],
    );
    const optimised = optimiseModel(bytes);
    expect(optimised.rewrites.affineAfterConv).toBe(1);
    const ops = onnx.ModelProto.decode(optimised.bytes).graph?.node?.filter((n) => n.opType !== 'Constant');
    expect(ops?.map((n) => n.opType)).toEqual(['Conv']);
    const input = random(36, 7);
    expect(
      maxDifference(
        await outputs(bytes, [1, 1, 6, 6], input),
        await outputs(optimised.bytes, [1, 1, 6, 6], input),
      ),
    ).toBeLessThan(1e-5);
  });

  it('folds a scale and shift into a following 1 × 1 convolution without padding', async () => {
    const bytes = affineThenConv(1, 0);
    const optimised = optimiseModel(bytes);
    expect(optimised.rewrites.affineBeforeConv).toBe(1);
    const input = random(50, 3);
    expect(
      maxDifference(
        await outputs(bytes, [1, 2, 5, 5], input),
        await outputs(optimised.bytes, [1, 2, 5, 5], input),
      ),
    ).toBeLessThan(1e-5);
  });

  it.each([
    [3, 1],
    [1, 1],
  ])(
    'leaves a scale and shift before a convolution of kernel %i, padding %i, alone (the border would change)',
    async (kernel, pad) => {
      const bytes = affineThenConv(kernel, pad);
      const optimised = optimiseModel(bytes);
      expect(optimised.rewrites).toEqual({ hardSwish: 0, affineAfterConv: 0, affineBeforeConv: 0 });
      const input = random(50, 5);
      expect(
        maxDifference(
          await outputs(bytes, [1, 2, 5, 5], input),
          await outputs(optimised.bytes, [1, 2, 5, 5], input),
        ),
      ).toBe(0);
    },
  );

  it.each([
    ['ch_PP-OCRv4_rec_infer.onnx', [1, 3, 48, 320]],
    ['ch_PP-OCRv4_det_infer.onnx', [1, 3, 320, 480]],
    ['ch_ppocr_mobile_v2.0_cls_infer.onnx', [4, 3, 48, 192]],
  ])('%s: rewritten, it answers what the shipped model answers', { timeout: 60_000 }, async (file, dims) => {
    const bytes = await readFile(path.join(modelAssetsDir(), file));
    const optimised = optimiseModel(bytes);
    expect(optimised.rewrites.hardSwish).toBeGreaterThan(10);
    const input = random(
      dims.reduce((a, b) => a * b, 1),
      11,
    ).map((v) => v / 4);
    const [before, after] = [await outputs(bytes, dims, input), await outputs(optimised.bytes, dims, input)];
    // Probabilities (softmax / sigmoid outputs): equal to well within what any threshold sees.
    expect(maxDifference(before, after)).toBeLessThan(1e-4);
  });
});
