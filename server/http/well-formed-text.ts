/** A UTF-16 code unit of a surrogate pair that has no partner: not a character, not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${String(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * The path (`entries[1].abstract`) of the first string, or object key, in `value` that is not
 * well-formed Unicode; undefined when every one is. Iterative, so a deeply nested body cannot
 * overflow the stack.
 */
export function findIllFormedString(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (hasLoneSurrogate(item)) return path === '' ? '(请求体)' : path;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i -= 1) pending.push([item[i], childPath(path, i)]);
    } else if (typeof item === 'object' && item !== null) {
      const entries: [string, unknown][] = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] ?? ['', undefined];
        // A bad key cannot be named in a message without repeating it; its parent is named instead.
        if (hasLoneSurrogate(key)) return path === '' ? '(请求体)' : path;
        pending.push([child, childPath(path, key)]);
      }
    }
  }
  return undefined;
}

export function illFormedTextMessage(path: string): string {
  return `参数错误：${path} 含有无效的 Unicode 字符（不成对的代理项），请检查文本`;
}
