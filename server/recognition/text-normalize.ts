/**
 * Text as every reader hands it on: NFKC (full-width digits, colons, brackets and ￥ become their
 * ASCII forms; Kangxi radicals such as ⼦ U+2F26 become 子) plus the CJK Radicals Supplement
 * characters NFKC leaves alone, which some issuers' fonts map simplified components to.
 */

/** CJK Radicals Supplement (U+2E80–U+2EFF) look-alikes → the ideograph they stand for. */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2E84': '乙',
  '\u2E86': '冂',
  '\u2E87': '几',
  '\u2E8A': '卜',
  '\u2E8C': '小',
  '\u2E8D': '小',
  '\u2E8E': '兀',
  '\u2E8F': '尢',
  '\u2E92': '巳',
  '\u2E93': '幺',
  '\u2E94': '彐',
  '\u2E95': '彐',
  '\u2E96': '忄',
  '\u2E97': '心',
  '\u2E98': '扌',
  '\u2E99': '攵',
  '\u2E9B': '旡',
  '\u2E9D': '月',
  '\u2E9E': '歹',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA1': '氵',
  '\u2EA2': '水',
  '\u2EA3': '灬',
  '\u2EA4': '爪',
  '\u2EA6': '丬',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EA9': '王',
  '\u2EAA': '疋',
  '\u2EAB': '目',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAE': '竹',
  '\u2EAF': '纟',
  '\u2EB0': '纟',
  '\u2EB3': '网',
  '\u2EB6': '羊',
  '\u2EB7': '羊',
  '\u2EBC': '月',
  '\u2EBD': '臼',
  '\u2EBE': '艹',
  '\u2EBF': '艹',
  '\u2EC0': '艹',
  '\u2EC1': '虎',
  '\u2EC2': '衤',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '足',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECD': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '长',
  '\u2ED2': '长',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EDF': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEB': '齐',
  '\u2EEC': '齐',
  '\u2EED': '齿',
  '\u2EEE': '齿',
  '\u2EEF': '龙',
  '\u2EF0': '龙',
  '\u2EF1': '龟',
  '\u2EF2': '龟',
  '\u2EF3': '龟',
};

const RADICAL_PATTERN = /[\u2E80-\u2EFF]/g;
/** Zero-width and BOM characters some generators sprinkle into text layers. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(RADICAL_PATTERN, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch)
    .replace(INVISIBLE, '')
    .replace(/\u3000/g, ' ');
}

const CJK = /[\u4E00-\u9FFF]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
