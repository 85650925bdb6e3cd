import nzh from 'nzh/cn';
import { formatFenPlain, type Fen } from '../../../../shared/money';

/** 大写金额 as on a 记账凭证: 「壹仟贰佰叁拾肆元伍角整」, 「零元整」 for nothing, 「负…」 for red figures. */
export function fenToCapital(fen: Fen): string {
  if (fen === 0) return '零元整';
  const text = nzh.toMoney(formatFenPlain(Math.abs(fen)), { outSymbol: false, forceZheng: true });
  return fen < 0 ? `负${text}` : text;
}
