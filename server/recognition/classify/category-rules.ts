/**
 * Default expense accounts for a purchase, keyed on the tax-category short name an item carries
 * (`*办公用品*…`) and, when that says nothing, on words in the seller's name. Codes are those of the
 * default chart (小企业会计准则 with our second-level accounts).
 */
export interface CategoryRule {
  /** Tax-category short names (exact) or prefixes ending in `*`, e.g. `运输服务*`. */
  taxCategories: readonly string[];
  accountCode: string;
  category: string;
}

export const TAX_CATEGORY_RULES: readonly CategoryRule[] = [
  {
    taxCategories: ['办公用品', '纸制品', '文具', '纸制文具及办公用品', '印刷品'],
    accountCode: '560203',
    category: '办公费',
  },
  {
    taxCategories: ['快递服务', '邮政服务', '收派服务', '物流辅助服务'],
    accountCode: '560203',
    category: '办公费',
  },
  { taxCategories: ['餐饮服务', '餐饮'], accountCode: '560202', category: '业务招待费' },
  { taxCategories: ['住宿服务', '住宿'], accountCode: '560204', category: '差旅费' },
  {
    taxCategories: ['运输服务', '旅客运输服务', '客运服务', '航空运输服务', '铁路运输服务', '道路运输服务'],
    accountCode: '560204',
    category: '差旅费',
  },
  { taxCategories: ['电信服务', '基础电信服务', '增值电信服务'], accountCode: '560206', category: '通讯费' },
  {
    taxCategories: ['供电', '电力', '水', '自来水', '供水', '燃气'],
    accountCode: '560207',
    category: '水电费',
  },
  {
    taxCategories: ['租赁服务', '不动产经营租赁', '经营租赁', '不动产租赁'],
    accountCode: '560208',
    category: '租赁费',
  },
  {
    taxCategories: [
      '信息技术服务',
      '现代服务',
      '咨询服务',
      '经纪代理服务',
      '鉴证咨询服务',
      '软件服务',
      '商务辅助服务',
    ],
    accountCode: '560212',
    category: '咨询服务费',
  },
  { taxCategories: ['修理修配劳务', '修理劳务', '维修服务'], accountCode: '560213', category: '修理费' },
  { taxCategories: ['广告服务'], accountCode: '560102', category: '广告费和业务宣传费' },
];

/** When no item names a known tax category: words in the seller's name. */
export const SELLER_RULES: readonly { pattern: RegExp; accountCode: string; category: string }[] = [
  { pattern: /航空|铁路|客运|出行|打车|出租汽车|网约车/, accountCode: '560204', category: '差旅费' },
  { pattern: /酒店|宾馆|旅馆|客栈/, accountCode: '560204', category: '差旅费' },
  { pattern: /餐饮|餐厅|饭店|酒楼|食府/, accountCode: '560202', category: '业务招待费' },
  { pattern: /电信|移动通信|联通|移动/, accountCode: '560206', category: '通讯费' },
  { pattern: /供电|电力|水务|自来水|燃气/, accountCode: '560207', category: '水电费' },
  { pattern: /快递|速运|速递|邮政/, accountCode: '560203', category: '办公费' },
  { pattern: /广告|传媒/, accountCode: '560102', category: '广告费和业务宣传费' },
];

export const DEFAULT_CATEGORY = { accountCode: '560299', category: '其他' } as const;

export function ruleForTaxCategory(taxCategory: string): CategoryRule | undefined {
  return TAX_CATEGORY_RULES.find((rule) => rule.taxCategories.includes(taxCategory));
}
