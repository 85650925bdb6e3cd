/**
 * Exact rewrites of the shipped PaddleOCR graphs, applied in memory before onnxruntime opens them
 * (the files in node_modules are never changed). The models come out of Paddle2ONNX with every
 * activation and every learnable scale spelled out as separate element-wise nodes, which
 * onnxruntime does not fuse: in the recogniser those nodes were about half of the CPU time of a
 * line (profiled per node). Three rewrites, each the same function up to float rounding:
 *
 * 1. hard-swish `x · clip(x + 3, 0, 6) / 6` (Add, Clip, Mul, Div) → `x · HardSigmoid(x)` with
 *    α = 1/6, β = 1/2: two passes over the tensor instead of four;
 * 2. a scale and shift straight after a convolution (`conv(x) · s + t`, the "learnable affine"
 *    blocks) folded into the convolution's weights and bias: W' = s·W, b' = s·b + t;
 * 3. a scale and shift straight before a 1 × 1 convolution without padding folded into it:
 *    W'[o,c] = W[o,c]·s[c], b'[o] = b[o] + Σc W[o,c]·t[c]. Only without padding: a padded border
 *    would see 0 where the unfolded graph sees t, so padded convolutions are left alone.
 *
 * A pattern is rewritten only when every intermediate value has exactly one consumer and every
 * operand that is folded is a constant of a shape that broadcasts per channel; anything else is
 * left as it is.
 */
import onnxProto, { type onnx as Onnx } from 'onnx-proto';

// The package is CommonJS: its namespace is the default export under Node's ESM loader.
const { onnx } = onnxProto;

export interface GraphRewrites {
  hardSwish: number;
  affineAfterConv: number;
  affineBeforeConv: number;
}

/** A node as the rewrites see it; `proto` is written back with the edited inputs and outputs. */
interface Node {
  proto: Onnx.INodeProto;
  opType: string;
  input: string[];
  output: string[];
  attribute: Onnx.IAttributeProto[];
}

interface FloatConstant {
  dims: number[];
  values: Float32Array;
}

/** protobufjs gives 64-bit integers as numbers or as Long objects. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    'toNumber' in value &&
    typeof value.toNumber === 'function'
  )
    return Number((value as { toNumber(): unknown }).toNumber());
  return 0;
}

function wrap(proto: Onnx.INodeProto): Node {
  return {
    proto,
    opType: proto.opType ?? '',
    input: [...(proto.input ?? [])],
    output: [...(proto.output ?? [])],
    attribute: [...(proto.attribute ?? [])],
  };
}

function readTensor(tensor: Onnx.ITensorProto): FloatConstant | null {
  if (tensor.dataType !== onnx.TensorProto.DataType.FLOAT) return null;
  const dims = (tensor.dims ?? []).map(toNumber);
  if (tensor.rawData && tensor.rawData.length > 0) {
    const copy = new Uint8Array(tensor.rawData.length);
    copy.set(tensor.rawData);
    return { dims, values: new Float32Array(copy.buffer) };
  }
  return { dims, values: Float32Array.from(tensor.floatData ?? []) };
}

function floatTensor(name: string, dims: number[], values: Float32Array): Onnx.ITensorProto {
  return {
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  };
}

class Graph {
  private readonly constants = new Map<string, FloatConstant>();
  private readonly producers = new Map<string, Node>();
  private readonly consumers = new Map<string, Node[]>();
  private readonly outputs: Set<string>;
  private list: Node[];
  private nextName = 0;

  constructor(private readonly graph: Onnx.IGraphProto) {
    this.list = (graph.node ?? []).map(wrap);
    this.outputs = new Set((graph.output ?? []).map((o) => o.name ?? ''));
    for (const init of graph.initializer ?? []) {
      const value = readTensor(init);
      if (value && init.name) this.constants.set(init.name, value);
    }
    for (const node of this.list) {
      if (node.opType !== 'Constant') continue;
      const tensor = node.attribute.find((a) => a.name === 'value')?.t;
      const value = tensor ? readTensor(tensor) : null;
      if (value && node.output[0]) this.constants.set(node.output[0], value);
    }
    this.index();
  }

  private index(): void {
    this.producers.clear();
    this.consumers.clear();
    for (const node of this.list) {
      for (const out of node.output) this.producers.set(out, node);
      for (const input of node.input) {
        const readers = this.consumers.get(input) ?? [];
        readers.push(node);
        this.consumers.set(input, readers);
      }
    }
  }

  get nodes(): readonly Node[] {
    return this.list;
  }

  constant(name: string | undefined): FloatConstant | undefined {
    return name === undefined ? undefined : this.constants.get(name);
  }

  scalar(name: string | undefined): number | undefined {
    const value = this.constant(name);
    return value && value.values.length === 1 ? value.values[0] : undefined;
  }

  producer(name: string | undefined): Node | undefined {
    return name === undefined ? undefined : this.producers.get(name);
  }

  /** The single node reading `name`, if exactly one does and it is not a graph output. */
  soleConsumer(name: string | undefined): Node | undefined {
    if (name === undefined || this.outputs.has(name)) return undefined;
    const readers = this.consumers.get(name) ?? [];
    return readers.length === 1 ? readers[0] : undefined;
  }

  /** A new constant node (placed first, so it precedes every use). */
  addConstant(dims: number[], values: Float32Array): string {
    const name = `zxe.folded.${String(this.nextName++)}`;
    this.constants.set(name, { dims, values });
    this.list.unshift(
      wrap({
        opType: 'Constant',
        name,
        output: [name],
        attribute: [
          {
            name: 'value',
            type: onnx.AttributeProto.AttributeType.TENSOR,
            t: floatTensor(name, dims, values),
          },
        ],
      }),
    );
    return name;
  }

  replace(removed: ReadonlySet<Node>, inserted = new Map<Node, Node[]>()): void {
    this.list = this.list.flatMap((node) => (removed.has(node) ? [] : (inserted.get(node) ?? [node])));
    this.index();
  }

  /** Writes the nodes back into the graph, without the constants nobody reads any more. */
  commit(): void {
    const used = new Set([...this.list.flatMap((n) => n.input), ...this.outputs]);
    this.graph.node = this.list
      .filter((n) => n.opType !== 'Constant' || used.has(n.output[0] ?? ''))
      .map((n) => Object.assign(n.proto, { input: n.input, output: n.output }));
    this.graph.initializer = (this.graph.initializer ?? []).filter((t) => used.has(t.name ?? ''));
  }
}

function attribute(node: Node, name: string): Onnx.IAttributeProto | undefined {
  return node.attribute.find((a) => a.name === name);
}

function clipBounds(graph: Graph, clip: Node): { min?: number; max?: number } {
  if (clip.input.length > 1) return { min: graph.scalar(clip.input[1]), max: graph.scalar(clip.input[2]) };
  return { min: attribute(clip, 'min')?.f ?? undefined, max: attribute(clip, 'max')?.f ?? undefined };
}

/** The other operand of a binary node, and whether it is the constant `expected`. */
function otherInput(node: Node, value: string): string | undefined {
  if (node.input[0] === value) return node.input[1];
  if (node.input[1] === value) return node.input[0];
  return undefined;
}

function rewriteHardSwish(graph: Graph): number {
  const removed = new Set<Node>();
  const inserted = new Map<Node, Node[]>();
  for (const clip of graph.nodes) {
    if (clip.opType !== 'Clip') continue;
    const { min, max } = clipBounds(graph, clip);
    if (min !== 0 || max !== 6) continue;
    const add = graph.producer(clip.input[0]);
    if (add?.opType !== 'Add' || graph.soleConsumer(add.output[0]) !== clip) continue;
    const x = graph.scalar(add.input[1]) === 3 ? add.input[0] : add.input[1];
    if (x === undefined || graph.scalar(otherInput(add, x)) !== 3) continue;
    const mul = graph.soleConsumer(clip.output[0]);
    if (mul?.opType !== 'Mul' || otherInput(mul, clip.output[0] ?? '') !== x) continue;
    const div = graph.soleConsumer(mul.output[0]);
    if (div?.opType !== 'Div' || div.input[0] !== mul.output[0] || graph.scalar(div.input[1]) !== 6) continue;
    const gate = `${div.output[0] ?? ''}.gate`;
    inserted.set(add, [
      wrap({
        opType: 'HardSigmoid',
        name: gate,
        input: [x],
        output: [gate],
        attribute: [
          { name: 'alpha', f: 1 / 6, type: onnx.AttributeProto.AttributeType.FLOAT },
          { name: 'beta', f: 0.5, type: onnx.AttributeProto.AttributeType.FLOAT },
        ],
      }),
      wrap({ opType: 'Mul', name: `${gate}.mul`, input: [x, gate], output: [...div.output] }),
    ]);
    for (const node of [clip, mul, div]) removed.add(node);
  }
  graph.replace(removed, inserted);
  return inserted.size;
}

/** Per-channel values of a constant that broadcasts over NCHW as one value per channel. */
function perChannel(value: FloatConstant | undefined, channels: number): Float32Array | null {
  if (!value) return null;
  if (value.values.length === 1) return new Float32Array(channels).fill(value.values[0] ?? 0);
  const dims = value.dims;
  const spatialOnes = dims.length >= 3 && dims[dims.length - 1] === 1 && dims[dims.length - 2] === 1;
  const channelAxis = dims.length - 3;
  if (!spatialOnes || dims[channelAxis] !== channels || value.values.length !== channels) return null;
  if (dims.slice(0, channelAxis).some((d) => d !== 1)) return null;
  return value.values;
}

interface Affine {
  /** The nodes that make up `· s + t`, in order. */
  nodes: Node[];
  scale: Float32Array;
  shift: Float32Array;
  output: string;
}

/** `· s`, `+ t` or `· s + t` applied to `input` (each constant per channel), as far as it goes. */
function affineAfter(graph: Graph, input: string, channels: number): Affine | null {
  let at = input;
  const nodes: Node[] = [];
  let scale = new Float32Array(channels).fill(1);
  let shift = new Float32Array(channels);
  let next = graph.soleConsumer(at);
  if (next?.opType === 'Mul') {
    const s = perChannel(graph.constant(otherInput(next, at)), channels);
    if (s) {
      scale = Float32Array.from(s);
      nodes.push(next);
      at = next.output[0] ?? '';
      next = graph.soleConsumer(at);
    }
  }
  if (next?.opType === 'Add') {
    const t = perChannel(graph.constant(otherInput(next, at)), channels);
    if (t) {
      shift = Float32Array.from(t);
      nodes.push(next);
      at = next.output[0] ?? '';
    }
  }
  return nodes.length > 0 ? { nodes, scale, shift, output: at } : null;
}

interface ConvParts {
  weight: FloatConstant;
  bias: Float32Array;
  outChannels: number;
  inPerGroup: number;
  kernel: number;
  groups: number;
}

function convParts(graph: Graph, conv: Node): ConvParts | null {
  const weight = graph.constant(conv.input[1]);
  if (weight?.dims.length !== 4) return null;
  const [outChannels = 0, inPerGroup = 0, kh = 0, kw = 0] = weight.dims;
  const bias = conv.input[2] ? graph.constant(conv.input[2]) : undefined;
  if (conv.input[2] && bias?.values.length !== outChannels) return null;
  const groups = toNumber(attribute(conv, 'group')?.i as unknown) || 1;
  return {
    weight,
    bias: bias ? Float32Array.from(bias.values) : new Float32Array(outChannels),
    outChannels,
    inPerGroup,
    kernel: kh * kw,
    groups,
  };
}

function setConv(graph: Graph, conv: Node, parts: ConvParts, weight: Float32Array, bias: Float32Array): void {
  conv.input = [
    conv.input[0] ?? '',
    graph.addConstant(parts.weight.dims, weight),
    graph.addConstant([parts.outChannels], bias),
  ];
}

function foldAffineAfterConv(graph: Graph): number {
  const removed = new Set<Node>();
  let count = 0;
  for (const conv of [...graph.nodes]) {
    if (conv.opType !== 'Conv') continue;
    const parts = convParts(graph, conv);
    if (!parts) continue;
    const affine = affineAfter(graph, conv.output[0] ?? '', parts.outChannels);
    if (!affine) continue;
    const per = parts.inPerGroup * parts.kernel;
    const weight = Float32Array.from(parts.weight.values);
    const bias = new Float32Array(parts.outChannels);
    for (let o = 0; o < parts.outChannels; o += 1) {
      const s = affine.scale[o] ?? 1;
      for (let k = 0; k < per; k += 1) weight[o * per + k] = (weight[o * per + k] ?? 0) * s;
      bias[o] = (parts.bias[o] ?? 0) * s + (affine.shift[o] ?? 0);
    }
    setConv(graph, conv, parts, weight, bias);
    conv.output = [affine.output];
    for (const node of affine.nodes) removed.add(node);
    count += 1;
  }
  graph.replace(removed);
  return count;
}

function isUnpadded1x1(conv: Node, parts: ConvParts): boolean {
  if (parts.kernel !== 1) return false;
  const pads = (attribute(conv, 'pads')?.ints ?? []).map(toNumber);
  const autoPad = attribute(conv, 'auto_pad')?.s;
  const autoPadText = autoPad ? new TextDecoder().decode(autoPad) : 'NOTSET';
  return pads.every((p) => p === 0) && (autoPadText === 'NOTSET' || autoPadText === 'VALID');
}

function foldAffineBeforeConv(graph: Graph): number {
  const removed = new Set<Node>();
  let count = 0;
  for (const conv of [...graph.nodes]) {
    if (conv.opType !== 'Conv') continue;
    const parts = convParts(graph, conv);
    if (!parts || !isUnpadded1x1(conv, parts)) continue;
    const inChannels = parts.inPerGroup * parts.groups;
    // Walk back from the convolution's input to the start of `· s + t`.
    const last = graph.producer(conv.input[0]);
    const first = last?.opType === 'Add' ? graph.producer(last.input.find((i) => !graph.constant(i))) : last;
    const start = first?.opType === 'Mul' ? first : last;
    const source = start?.input.find((i) => !graph.constant(i));
    if (!start || source === undefined) continue;
    const affine = affineAfter(graph, source, inChannels);
    if (!affine || affine.output !== conv.input[0] || graph.soleConsumer(affine.output) !== conv) continue;
    const outPerGroup = parts.outChannels / parts.groups;
    const weight = Float32Array.from(parts.weight.values);
    const bias = Float32Array.from(parts.bias);
    for (let o = 0; o < parts.outChannels; o += 1) {
      const group = Math.floor(o / outPerGroup);
      for (let c = 0; c < parts.inPerGroup; c += 1) {
        const channel = group * parts.inPerGroup + c;
        const w = parts.weight.values[o * parts.inPerGroup + c] ?? 0;
        weight[o * parts.inPerGroup + c] = w * (affine.scale[channel] ?? 1);
        bias[o] = (bias[o] ?? 0) + w * (affine.shift[channel] ?? 0);
      }
    }
    setConv(graph, conv, parts, weight, bias);
    conv.input[0] = source;
    for (const node of affine.nodes) removed.add(node);
    count += 1;
    graph.replace(removed);
    removed.clear();
  }
  return count;
}

/** The model with the rewrites above applied, and how many of each were made. */
export function optimiseModel(bytes: Uint8Array): { bytes: Uint8Array; rewrites: GraphRewrites } {
  const model = onnx.ModelProto.decode(bytes);
  if (!model.graph) return { bytes, rewrites: { hardSwish: 0, affineAfterConv: 0, affineBeforeConv: 0 } };
  const graph = new Graph(model.graph);
  const hardSwish = rewriteHardSwish(graph);
  const affineAfterConv = foldAffineAfterConv(graph);
  const affineBeforeConv = foldAffineBeforeConv(graph);
  graph.commit();
  return {
    bytes: onnx.ModelProto.encode(model).finish(),
    rewrites: { hardSwish, affineAfterConv, affineBeforeConv },
  };
}
