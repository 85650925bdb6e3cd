import { XMLParser } from 'fast-xml-parser';
import { InvoiceFileError } from '../recognition-errors.js';

/**
 * XML from uploaded files: no DTDs at all (so no entity expansion, internal or external), entities
 * left as written, namespace prefixes dropped (`ofd:TextCode` → `TextCode`), every value a string.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export type XmlNode = Record<string, unknown>;

export function parseSafeXml(text: string, what: string): XmlNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new InvoiceFileError(`参数错误：${what}包含 DTD/实体声明，出于安全原因不予处理`);
  }
  try {
    const parsed: unknown = parser.parse(text);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an element');
    return parsed as XmlNode;
  } catch {
    throw new InvoiceFileError(`参数错误：${what}不是有效的 XML`);
  }
}

/** The node's children named `name` (any namespace prefix already removed), as an array. */
export function children(node: unknown, name: string): XmlNode[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlNode)[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((item) =>
    typeof item === 'object' && item !== null ? (item as XmlNode) : { '#text': item },
  );
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Text content of a node (string or number leaf, or its `#text`). */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (typeof node === 'object') {
    const text = (node as XmlNode)['#text'];
    if (typeof text === 'string' || typeof text === 'number') return String(text);
  }
  return '';
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
