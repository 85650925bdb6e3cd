/**
 * The printed labels of Chinese VAT invoices (both the older 电子发票 and the 数电票 layouts),
 * matched on a line's text with whitespace removed and NFKC applied (so `名 称：` reads `名称:`).
 */
export const LABELS = {
  invoiceCode: /发票代码/,
  invoiceNumber: /(?<!票据)发票号码|(?<![票据])号码(?=[:]?\d{8})/,
  date: /开票日期/,
  checkCode: /校验码/,
  machineNumber: /机器编号/,
  name: /(?<![目务物品])名称(?![:]?[规单数])/,
  taxId: /统一社会信用代码\/纳税人识别号|统一社会信用代码|纳税人识别号|纳税人识别码|税号/,
  address: /地址[、,]?电话/,
  bank: /开户行及账号|开户银行及账号|开户行|银行账号/,
  password: /密码区/,
  totals: /(?<!价税)合计/,
  totalWithTax: /价税合计/,
  inWords: /大写/,
  inFigures: /小写/,
  remark: /备注/,
  drawer: /开票人/,
  payee: /收款人/,
  reviewer: /复核人?/,
} as const;

/** Labels that end any value they follow on the same line. */
export const STOP_LABELS: readonly RegExp[] = [
  LABELS.invoiceCode,
  LABELS.invoiceNumber,
  LABELS.date,
  LABELS.checkCode,
  LABELS.machineNumber,
  LABELS.name,
  LABELS.taxId,
  LABELS.address,
  LABELS.bank,
  LABELS.password,
  LABELS.remark,
  LABELS.drawer,
  LABELS.payee,
  /复核/,
  /销售方|购买方|购方|销方/,
];

/** Items table header words → column keys. */
export const HEADER_COLUMNS = [
  { key: 'name', pattern: /项目名称|货物或应税劳务、?服务名称|货物或应税劳务名称|服务名称|货物名称/ },
  { key: 'spec', pattern: /规格型号|规格/ },
  { key: 'unit', pattern: /单位/ },
  { key: 'quantity', pattern: /数量/ },
  { key: 'price', pattern: /单价/ },
  { key: 'amount', pattern: /(?<!税)金额/ },
  { key: 'rate', pattern: /税率\/征收率|征收率|税率/ },
  { key: 'tax', pattern: /税额/ },
] as const;

export type ColumnKey = (typeof HEADER_COLUMNS)[number]['key'];

/** Words on receipts and look-alikes that are not VAT invoices. */
export const RECEIPT_MARKERS: readonly RegExp[] = [
  /行程单|行程报销单/,
  /收款凭证|支付凭证|交易凭证/,
  /医疗收费|医疗门诊|医疗住院|财政部监制|非税收入/,
  /票据代码|票据号码/,
  /通用机打发票|定额发票/,
  /收据/,
];
