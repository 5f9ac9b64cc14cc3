/**
 * The one catalogue of validation messages, in Chinese and English. A check (format schema,
 * JSON reader, scenario header, engine compile, formula sandbox) raises an issue by code and
 * parameters; the CLI and the app render it in the user's language through `renderMessage`.
 * The issue's `message` is the English text, so logs and older callers keep working.
 * It lives on the lowest floor because every floor that raises a message may import it.
 * Each message says what is wrong and, where one exists, what to type instead.
 */

/** The two languages (the same union as src/display's Lang; format imports nothing of ours). */
export type MsgLang = 'zh' | 'en';
export type MsgParams = Readonly<Record<string, string | number>>;

interface Entry {
  /** Parameter names the texts use; the test renders every entry with all of them. */
  params: readonly string[];
  zh: (p: Record<string, string>) => string;
  en: (p: Record<string, string>) => string;
}

const e = (params: readonly string[], zh: Entry['zh'], en: Entry['en']): Entry => ({ params, zh, en });
const fixed = (zh: string, en: string): Entry => ({ params: [], zh: () => zh, en: () => en });

/** A decimal as the app shows a share, exactly (the digits shifted): "0.99" → "99%", "1.005" → "100.5%". */
function asPercent(x: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(x);
  if (!m) return x;
  const frac = (m[3] ?? '').padEnd(2, '0');
  const int = `${m[2]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${m[1]}${int}${rest ? `.${rest}` : ''}%`;
}

/** "a|b|c" → `"a"、"b" 或 "c"` / `"a", "b" or "c"`. */
function options(list: string, lang: MsgLang): string {
  const xs = list.split('|').map((x) => `"${x}"`);
  if (xs.length < 2) return xs.join('');
  const last = xs.pop()!;
  return lang === 'zh' ? `${xs.join('、')} 或 ${last}` : `${xs.join(', ')} or ${last}`;
}

export const MESSAGES = {
  // ── Shape (src/format/schema.ts) ─────────────────────────────────────────────────────────
  required: fixed('未填写，此项必填', 'is required'),
  amount: fixed('须为不小于 0 的金额（元），最多两位小数，写成带引号的文字，如 "1234.56"',
    'must be a non-negative amount with at most 2 decimals, written as a string like "1234.56"'),
  amountDigits: fixed('金额最多 13 位整数（不超过 9,999,999,999,999.99 元），请检查是否多写了位数',
    'an amount has at most 13 digits before the point (at most 9,999,999,999,999.99); check for extra digits'),
  decimal: fixed('须为数字，如 0.05', 'must be a decimal number'),
  decimalDp: fixed('须为最多 12 位小数的数字，如 0.05（5% 写作 0.05）', 'must be a decimal number with at most 12 decimals'),
  between01: fixed('须在 0 到 1 之间（比例：5% 写作 0.05）', 'must be between 0 and 1'),
  notNegative: fixed('不能为负数', 'must not be negative'),
  aboveMinus1: fixed('须大于 -1（即不低于 -100%），如 0.03 表示增长 3%', 'must be greater than -1 (−100%)'),
  textId: fixed('须为文字编码，如 "N001"', 'must be a text id'),
  notEmpty: fixed('不能为空', 'must not be empty'),
  maxChars: e(['max'], (p) => `最多 ${p.max} 个字符`, (p) => `must be at most ${p.max} characters`),
  text: fixed('须为文字', 'must be text'),
  number: fixed('须为数字', 'must be a number'),
  whole: fixed('须为整数', 'must be a whole number'),
  finite: fixed('须为有限的数字', 'must be a finite number'),
  score: fixed('须为 0 到 100 之间的分数', 'must be between 0 and 100'),
  formulaText: fixed('须为公式（文字）', 'must be a formula (text)'),
  tierUpTo: fixed('须为占目标的比例（如 0.1），最后一档不设上限时写 null', 'must be a rate of the target, or null for the open last tier'),
  oneOf: e(['options'], (p) => `须为 ${options(p.options!, 'zh')}`, (p) => `must be ${options(p.options!, 'en')}`),
  list: fixed('须为列表', 'must be a list'),
  listOf: e(['what'], (p) => `须为${WHAT[p.what!]?.zh ?? p.what}的列表`, (p) => `must be a list of ${WHAT[p.what!]?.en ?? p.what}`),
  mapOf: e(['what'], (p) => `须为${WHAT[p.what!]?.zh ?? p.what}的对照表`, (p) => `must map ${WHAT[p.what!]?.en ?? p.what}`),
  minItems: e(['min', 'what'], (p) => `至少须有 ${p.min} 个${WHAT[p.what!]?.zh ?? p.what}`,
    (p) => `must have at least ${p.min === '1' ? 'one' : p.min} ${WHAT[p.what!]?.en ?? p.what}`),
  noInstitutions: fixed('至少须有一家机构', 'must list at least one institution'),
  maxItems: e(['max', 'what'], (p) => `最多 ${p.max} 个${WHAT[p.what!]?.zh ?? p.what}`, (p) => `must have at most ${p.max} ${WHAT[p.what!]?.en ?? p.what}`),
  exactItems: e(['n', 'what'], (p) => `须正好 ${p.n} 个${WHAT[p.what!]?.zh ?? p.what}`, (p) => `must have exactly ${p.n} ${WHAT[p.what!]?.en ?? p.what}`),
  year: fixed('须为年份，如 2025', 'must be a year'),
  yearAfter: fixed('须为 1990 年以后的年份', 'must be a year after 1990'),
  yearBefore: fixed('须为 2200 年以前的年份', 'must be a year before 2200'),
  yearsRange: fixed('须为 2 到 10 之间的整数年数', 'must be from 2 to 10'),
  wholeYears: fixed('须为整数年数', 'must be a whole number of years'),
  greaterThan0: fixed('须大于 0', 'must be greater than 0'),
  atMost12Months: fixed('最多 12 个月', 'must be at most 12 months'),
  trueFalse: fixed('须为 true（是）或 false（否）', 'must be true or false'),
  documentName: fixed('须写明文件名称', 'must name the document'),
  sweepDecimal: fixed('须为数字，小数点前最多 13 位、后最多 12 位', 'must be a decimal number with at most 13 digits before the point and 12 after'),
  paramPath: fixed('须为参数路径，如 "fund.adjustmentFundRate"', 'must be a parameter path like "fund.adjustmentFundRate"'),
  outputName: fixed('须为输出项名称，如 "closingBalance"', 'must be an output name like "closingBalance"'),
  sweepKind: fixed('须为敏感性分析（"kind": "sweep"）或龙卷风图（"kind": "tornado"）', 'must be a sweep ("kind": "sweep") or a tornado ("kind": "tornado")'),
  literal: e(['value'], (p) => `须为 ${p.value}`, (p) => `must be ${p.value}`),
  invalid: e(['detail'], (p) => `格式不正确（${p.detail}）`, (p) => p.detail!),

  // ── The file as a whole (src/format/json.ts, src/scenario/open.ts) ───────────────────────
  fileTooLarge: e(['size', 'max'], (p) => `文件过大（${p.size} 个字符，最多 ${p.max}）`, (p) => `the file is too large (${p.size} characters; at most ${p.max})`),
  jsonSyntax: e(['line', 'column', 'detail'], (p) => `不是有效的 JSON：第 ${p.line} 行第 ${p.column} 列有语法错误（${p.detail}）`,
    (p) => `not valid JSON: ${p.detail} (line ${p.line}, column ${p.column})`),
  jsonTooDeep: e(['max', 'line', 'column'], (p) => `文件嵌套层数过多（最多 ${p.max} 层），见第 ${p.line} 行第 ${p.column} 列`,
    (p) => `the file is nested too deeply (at most ${p.max} levels), at line ${p.line}, column ${p.column}`),
  forbiddenKey: e(['key'], (p) => `文件含有不允许的键名 "${p.key}"，请删除或改名`, (p) => `the file contains the forbidden key "${p.key}"; remove or rename it`),
  notScenario: e(['format'], (p) => `不是方案文件：应为含 "format": "${p.format}" 的 JSON 对象`,
    (p) => `not a scenario file: expected a JSON object with "format": "${p.format}"`),
  wrongFormat: e(['format', 'found'], (p) => `不是方案文件："format" 应为 "${p.format}"（${p.found ? `现为 ${p.found}` : '缺少此项'}）`,
    (p) => `not a scenario file: "format" must be "${p.format}"${p.found ? ` (it is ${p.found})` : ' (it is missing)'}`),
  badVersion: e(['found'], (p) => `须为从 1 起的整数（现为 ${p.found}）`, (p) => `must be a whole number from 1 (it is ${p.found})`),
  newerVersion: e(['found', 'max'], (p) => `此文件由更新版本的工具保存（格式版本 ${p.found}），本版本最多读取 ${p.max}，请升级工具后打开`,
    (p) => `this file was written by a newer version of the tool (format version ${p.found}); this version reads up to ${p.max}. `
      + `Please update the tool to open it.`),
  internal: e(['detail'], (p) => `无法检查此处（${p.detail}），文件未被接受`, (p) => `could not be checked (${p.detail}); the file was not accepted`),
  numberNotExact: e(['value'], (p) => `数字 ${p.value} 无法精确读取，请写成带引号的小数（最多 12 位小数），如 "0.0000001"`,
    (p) => `the number ${p.value} cannot be read exactly; write it as a quoted decimal with at most 12 decimals, like "0.0000001"`),

  // ── Cross-field rules (src/engine/compile.ts, policy-checks.ts, allocate.ts) ─────────────
  historyWeightsZero: fixed('至少一个年度的权重须大于 0', 'at least one year must have a positive weight'),
  profileZero: fixed('至少一个月的权重须大于 0', 'at least one month must have a positive weight'),
  carveOutsExceed: e(['carved', 'budget'], (p) => `单列项目与风险储备金合计（${p.carved} 元）超过基金支出预算（${p.budget} 元），请调低单列金额或风险储备金比例`,
    (p) => `the carve-outs and the risk reserve (${p.carved}) exceed the budget (${p.budget})`),
  duplicateId: e(['id', 'other', 'otherPath'], (p) => `机构编码 "${p.id}" 重复（第 ${p.other} 家机构也用此编码，${p.otherPath}），每家机构的编码须唯一，请改为未用过的编码`,
    (p) => `duplicate id "${p.id}" (also ${p.otherPath}); give each institution its own code`),
  historyYears: e(['years', 'found'], (p) => `须有 ${p.years} 个年度（与历史年度权重个数相同），现有 ${p.found} 个`,
    (p) => `must have ${p.years} years, as many as policy.historyWeights; it has ${p.found}`),
  noDepositRate: e(['class'], (p) => `机构类型「${p.class}」没有保证金比例：请在“政策参数 → 质量保证金”中为它填写比例，或改为已有保证金比例的类型`,
    (p) => `class "${p.class}" has no deposit rate: give it one under Policy → Quality deposit, or use a class that has one`),
  deductionsExceed: e(['claims'], (p) => `大于全年申报额（${p.claims} 元），核减额不能超过申报额`, (p) => `larger than the year's claims (${p.claims})`),
  builtinFieldName: e(['name'], (p) => `"${p.name}" 是公式的内置名称，请给此字段另起名称`, (p) => `"${p.name}" is a built-in formula name; choose another field name`),
  projectedNegative: fixed('按此增长率预测的申报额为负数，增长率须大于 -1', 'projected claims would be negative'),
  // `field`: what is summed (SUMMED); sumTooLargeBy when one value (an institution's, a carve-out's) is the cause, filed under it.
  sumTooLarge: e(['field', 'max'], (p) => `${summed(p.field!, 'zh')}合计超出可精确计算的范围（最多 ${p.max} 元），请检查金额是否多写了位数`,
    (p) => `${summed(p.field!, 'en')} add up to more than can be computed exactly (at most ${p.max}); check for extra digits`),
  sumTooLargeBy: e(['field', 'max', 'id', 'name', 'value'],
    (p) => `${summed(p.field!, 'zh')}合计超出可精确计算的范围（最多 ${p.max} 元），其中「${who(p)}」一家为 ${p.value} 元，超过其余合计；请检查此金额是否多写了位数`,
    (p) => `${summed(p.field!, 'en')} add up to more than can be computed exactly (at most ${p.max}); "${who(p)}" alone accounts for ${p.value}, `
      + 'more than all the others together: check it for extra digits'),
  amountTooLarge: e(['max'], (p) => `金额超出可精确计算的范围（最多 ${p.max} 元）`, (p) => `the amount is beyond the exact range (at most ${p.max})`),
  // Points (DESIGN §7): a month's points so far above the pool's projected points that its pre-settlement leaves the exact range.
  preSettlementTooLarge: e(['id', 'month', 'points', 'projected'],
    (p) => `机构「${p.id}」${p.month} 月预结算（${p.points} 分 × 预算点值，全池预计点数 ${p.projected} 分）超出可精确计算的金额范围（2^53 分），请检查其点数和全池预计点数`,
    (p) => `institution "${p.id}": the pre-settlement of month ${p.month} (${p.points} points × the budget point value, `
      + `the pool's projected points being ${p.projected}) is beyond the exact range of amounts (2^53 fen); check its points and the pool's projected points`),
  tierOpenNotLast: fixed('只有最后一档可以不设上限（null）；分档顺序有误', 'only the last tier may be open (null); tiers are out of order'),
  tierLastOpen: fixed('最后一档须不设上限（写 null），使任何金额都落在某一档内', 'the last tier must be open (null) so that every amount falls in a tier'),
  tierOrder: e(['prev'], (p) => `分档顺序有误：须大于上一档的上限（${p.prev}）`, (p) => `tiers are out of order: must be greater than the tier before (${p.prev})`),
  stepShareFalls: e(['prev'], (p) => `按档计算时比例不能下降（上一档为 ${p.prev}）：结余越多奖励反而越少`,
    (p) => `step shares must not fall (${p.prev} before): more surplus would mean less reward`),
  stepShareRises: e(['prev'], (p) => `按档计算时基金分担比例不能上升（上一档为 ${p.prev}）：超支越多医院分担反而越少`,
    (p) => `step fund shares must not rise (${p.prev} before): more overspend would mean a smaller hospital share`),
  qualityStartZero: fixed('考核得分折算表须从 0 分开始', 'the quality table must start at score 0'),
  qualityScoresRise: e(['prev'], (p) => `得分须逐点上升：须大于 ${p.prev}`, (p) => `scores must rise: must be greater than ${p.prev}`),
  qualityRatioFalls: e(['prev'], (p) => `得分越高返还的保证金不能越少（上一点为 ${p.prev}）`, (p) => `a higher score must never return less of the deposit (${p.prev} before)`),
  duplicateIndicator: e(['id'], (p) => `考核指标 "${p.id}" 重复`, (p) => `duplicate indicator "${p.id}"`),
  indicatorWeightsZero: fixed('至少一个考核指标的权重须大于 0', 'at least one indicator must have a positive weight'),
  indicatorsUndefined: fixed('填写了考核指标得分，但年终考核规则中没有定义这些指标的权重', 'indicator scores are given but the quality assessment rule does not define their weights'),
  indicatorMissing: e(['id'], (p) => `缺少考核指标 "${p.id}" 的得分`, (p) => `missing the score of indicator "${p.id}"`),
  duplicatePool: e(['id'], (p) => `分配池编码 "${p.id}" 重复`, (p) => `duplicate pool id "${p.id}"`),
  classInTwoPools: e(['class', 'pool', 'poolName'], (p) => `机构类型「${p.class}」已在${poolZh(p)}中：每家机构须恰好属于一个分配池`,
    (p) => `class "${p.class}" is already in pool "${p.pool}": every institution must fall in exactly one pool`),
  poolShares: e(['total'], (p) => `各分配池份额合计须为 100%，现为 ${asPercent(p.total!)}`, (p) => `pool shares must add up to 100%; they add up to ${asPercent(p.total!)}`),
  classInNoPool: e(['class', 'classes'], (p) => `机构类型「${p.class}」不属于任何分配池；请改为已有的类型（${p.classes}），或在“政策参数 → 分配池”中把它加入一个池`,
    (p) => `class "${p.class}" is in no pool; use one of ${p.classes}, or add it to a pool under Policy → Pools`),
  lockedExceed: e(['locked', 'amount'], (p) => `锁定目标合计（${p.locked} 元）大于可分配总额（${p.amount} 元）`,
    (p) => `locked targets (${p.locked}) are larger than the amount to allocate (${p.amount})`),
  lockedExceedPool: e(['pool', 'poolName', 'locked', 'amount'], (p) => `${poolZh(p)}的锁定目标合计（${p.locked} 元）大于该池金额（${p.amount} 元）`,
    (p) => `locked targets in pool "${p.pool}" (${p.locked}) are larger than the pool (${p.amount})`),
  poolNoMembers: e(['pool', 'poolName', 'rest'], (p) => `${poolName(p, 'zh')}有 ${p.rest} 元待分配，但没有机构属于它所含的机构类型`,
    (p) => `${poolName(p, 'en')} has ${p.rest} to allocate and no institution to receive it (no institution is in its classes)`),
  poolAllLocked: e(['pool', 'poolName', 'rest'], (p) => `${poolName(p, 'zh')}扣除锁定目标后还有 ${p.rest} 元，但没有未锁定的机构可以分配`,
    (p) => `${poolName(p, 'en')} has ${p.rest} left after locked targets and no unlocked institution to receive it`),
  poolZeroWeights: e(['pool', 'poolName', 'rest'], (p) => `${poolName(p, 'zh')}有 ${p.rest} 元待分配，但所有未锁定机构的权重都为 0`,
    (p) => `${poolName(p, 'en')} has ${p.rest} to allocate but every unlocked institution's weight is zero`),

  // ── Formulas (src/engine/formula.ts) ─────────────────────────────────────────────────────
  // Filed once under the formula's path (the field's label names the formula), for the first institution it fails for;
  // the institution is `id`/`name`, the reason's own parameters are kept apart under `reason.` (see `reasonParams`).
  formulaFailed: e(['reason', 'id', 'name', 'index', 'count', 'total'],
    (p) => (p.count === '1' ? `对第 ${p.index} 家机构「${who(p)}」无法计算：${inner(p, 'zh')}`
      : `对 ${p.count} 家机构无法计算（共 ${p.total} 家，首家为第 ${p.index} 家「${who(p)}」）：${inner(p, 'zh')}`),
    (p) => (p.count === '1' ? `fails for institution ${p.index} "${who(p)}": ${inner(p, 'en')}`
      : `fails for ${p.count} of ${p.total} institutions, the first being institution ${p.index} "${who(p)}": ${inner(p, 'en')}`)),
  formulaEmpty: fixed('公式为空', 'the formula is empty'),
  formulaTooLong: e(['length', 'max'], (p) => `公式过长（${p.length} 个字符，最多 ${p.max}）`, (p) => `the formula is too long (${p.length} characters; at most ${p.max})`),
  formulaTooDeep: e(['max'], (p) => `公式嵌套层数过多（最多 ${p.max} 层），请拆分或简化`, (p) => `the formula is nested too deeply (at most ${p.max} levels)`),
  formulaSyntax: e(['detail', 'position'], (p) => `公式${hasPos(p) ? `在${atZh(p)}` : ''}无法解析（${syntaxZh(p.detail!)}），请检查括号和运算符是否成对、完整`,
    (p) => `does not parse: ${p.detail}${atEn(p)}`),
  formulaNotAllowed: e(['what', 'position'], (p) => `${atZh(p, '：')}不允许使用${notAllowedZh(p.what!)}。${FORMULA_RULE.zh}`,
    (p) => `${p.what} ${plural(p.what!) ? 'are' : 'is'} not allowed${atEn(p)}: ${FORMULA_RULE.en}`),
  formulaUnknownName: e(['name', 'position'], (p) => `${atZh(p, '：')}未知名称 "${p.name}"；请检查拼写，可用的是机构自身的字段和内置名称（如 defaultWeight、historyLast、weightedHistory）`,
    (p) => `unknown name "${p.name}"${atEn(p)}: ${FORMULA_RULE.en}`),
  formulaFunctionNoArgs: e(['name', 'position'], (p) => `${atZh(p, '：')}"${p.name}" 是函数，须带括号和参数，如 ${p.name}(x)`,
    (p) => `"${p.name}" is a function and must be called with arguments${atEn(p)}: ${FORMULA_RULE.en}`),
  formulaArgs: e(['name', 'expected', 'found', 'position'], (p) => `${atZh(p, '：')}函数 ${p.name} 需要 ${p.expected} 个参数，现有 ${p.found} 个`,
    (p) => `"${p.name}" takes ${p.expected} argument(s), not ${p.found}${atEn(p)}`),
  divisionByZero: e(['position'], (p) => `${atZh(p, '：')}除数为 0，请用条件避免，如 x > 0 ? a / x : 0`, (p) => `division by zero${atEn(p)}`),
  moduloByZero: e(['position'], (p) => `${atZh(p, '：')}取余（mod）的除数为 0`, (p) => `modulo by zero${atEn(p)}`),
  sqrtNegative: e(['position'], (p) => `${atZh(p, '：')}对负数开平方（sqrt）`, (p) => `square root of a negative number${atEn(p)}`),
  roundDigits: e(['position'], (p) => `${atZh(p, '：')}round 的小数位数须为 0 到 12 的整数`, (p) => `round takes 0 to 12 decimals${atEn(p)}`),
  formulaNaN: e(['position'], (p) => `${atZh(p, '：')}结果不是有效的数字（如负数的小数次方）`, (p) => `the result is not a number${atEn(p)}`),
  formulaTooBig: e(['position', 'max'], (p) => `${atZh(p, '：')}中间结果过大（超过 10^${p.max}），公式被拒绝；请检查乘方和数量级`,
    (p) => `an intermediate value is too large (beyond 10^${p.max})${atEn(p)}; the formula is refused`),
  formulaTooSlow: e(['ms'], (p) => `公式计算超时（超过 ${p.ms} 毫秒），已停止；请简化公式`, (p) => `the formula took too long (over ${p.ms} ms) and was stopped`),
  formulaNotFinite: fixed('结果不是有限的数字', 'the result is not a finite number'),
  formulaNoValue: e(['field'], (p) => `机构数据中没有字段 "${p.field}" 的值，请为机构填写此字段`,
    (p) => `the field "${p.field}" has no value in the institution's data; fill it in`),
  // Inside formulaFailed (filed under policy.weightFormula, naming the institution).
  weightNegative: e(['value'], (p) => `算出的权重为负数（${p.value}），权重须不小于 0`, (p) => `the weight is negative (${p.value}); it must be 0 or more`),

  // ── Pools settled by points (DESIGN §7: src/format/schema.ts, engine/points-compile.ts, allocate.ts) ──
  pointsAmount: fixed('须为不小于 0 的点数，最多 4 位小数，写成带引号的文字，如 "1234.5678"',
    'must be a non-negative number of points with at most 4 decimals, written as a string like "1234.5678"'),
  thresholdLow: fixed('须大于 0 且不超过 1（病例费用与病种次均费用之比，如 0.4）', 'must be greater than 0 and at most 1'),
  fromTo: e(['min', 'max'], (p) => `须在 ${p.min} 到 ${p.max} 之间`, (p) => `must be from ${p.min} to ${p.max}`),
  atMost: e(['max'], (p) => `不能大于 ${p.max}`, (p) => `must be at most ${p.max}`),
  pointsMonthsSum: e(['sum', 'total'], (p) => `分月点数合计为 ${p.sum} 分，与全年点数（${p.total} 分）不一致；请使分月点数之和等于全年点数`,
    (p) => `the months add up to ${p.sum} points, not to points.total (${p.total})`),
  pointsNoLock: e(['pool', 'poolName'], (p) => `${poolZh(p)}按点数法结算，其机构没有可锁定的总额控制指标（应得额按点数计算），请删除锁定指标`,
    (p) => `pool "${p.pool}" is settled by points: its institutions have no targets to lock (entitlements follow points)`),
  pointsNoAdjust: e(['id', 'name', 'pool', 'poolName'], (p) => `「${who(p)}」属于按点数法结算的${poolZh(p)}，没有可调整的总额控制指标（应得额按点数计算），请删除此项年中调整`,
    (p) => `institution "${p.id}" is in pool "${p.pool}", settled by points: it has no target to adjust (its entitlement follows its points)`),
  duplicateGroup: e(['id', 'other'], (p) => `病种编码 "${p.id}" 重复（病种目录第 ${p.other} 项也用此编码），每个病种的编码须唯一`,
    (p) => `duplicate group id "${p.id}" (also catalogue[${Number(p.other) - 1}])`),
  pointsPoolNoMembers: e(['pool', 'poolName', 'amount'], (p) => `${poolZh(p)}按点数法结算，有 ${p.amount} 元待支付，但没有机构属于它的机构类型`,
    (p) => `pool "${p.pool}" is settled by points and has ${p.amount} to pay, but no institution is in its classes`),
  pointsPoolNoPoints: e(['pool', 'poolName', 'amount'], (p) => `${poolZh(p)}按点数法结算，有 ${p.amount} 元待支付，但其机构都没有点数；请在机构数据中填写点数（全年点数或分月点数）`,
    (p) => `pool "${p.pool}" is settled by points and has ${p.amount} to pay, but its institutions have no points (hospitals[].points)`),
  pointsPoolNoProjected: e(['pool', 'poolName'], (p) => `${poolZh(p)}各机构的预估点数合计为 0，无法算出预算点值；请填写机构的上年点数或预估点数`,
    (p) => `pool "${p.pool}": the projected points of its institutions add up to 0, so the budget point value (预算点值) `
      + `cannot be worked out (hospitals[].points.lastYear / projected)`),

  // ── During the year: monitoring and mid-year adjustments (DESIGN §10: schema, engine/monitor-checks.ts, adjust.ts, as-of.ts) ──
  month: fixed('须为 1 到 12 之间的月份', 'must be a month from 1 to 12'),
  asOfMonth: fixed('须为 0 到 12 之间的月份（0 表示尚无已知月份的申报数据）', 'must be a month from 0 (none known yet) to 12'),
  signedAmount: fixed('须为金额（元，调减写负数），最多两位小数，写成带引号的文字，如 "-5000000.00"',
    'must be a signed amount with at most 2 decimals, written as a string like "-5000000.00"'),
  reasonText: fixed('须写明调整原因（文字）', 'must say why (text)'),
  reasonEmpty: fixed('须写明调整总额控制指标的原因，如“年中新增床位”', 'must say why the target is adjusted'),
  claimsToDateNeedsAsOf: e(['id', 'name'], (p) => `「${who(p)}」填写了累计申报费用，但方案未设“申报数据截至”月份；请设定截至月份，或删除累计申报费用`,
    (p) => `institution "${p.id}": claims to date need monitoring.asOf (the month they are known through)`),
  pointsToDateNeedsAsOf: e(['id', 'name'], (p) => `「${who(p)}」填写了累计点数，但方案未设“申报数据截至”月份；请设定截至月份，或删除累计点数`,
    (p) => `institution "${p.id}": points to date need monitoring.asOf (the month they are known through)`),
  pointsToDateMonths: e(['id', 'name', 'k', 'found'], (p) => `「${who(p)}」须有 ${p.k} 个月的累计点数（申报数据截至 ${p.k} 月），现有 ${p.found} 个`,
    (p) => `institution "${p.id}": must have ${p.k} monthly points (monitoring.asOf is ${p.k}); it has ${p.found}`),
  yearPointsWithToDate: e(['id', 'name', 'k'], (p) => `「${who(p)}」已按月填写累计点数（截至 ${p.k} 月），不能同时填写全年点数或分月点数；请删除全年点数和分月点数`,
    (p) => `institution "${p.id}": the whole year's points cannot be given with pointsToDate (known through month ${p.k}); `
      + `remove points.total and points.months`),
  yearClaimsWhileMonitored: e(['id', 'name', 'k'], (p) => `方案已设“申报数据截至 ${p.k} 月”，「${who(p)}」不能填写全年月度申报额；请把已知月份填为累计申报费用`,
    (p) => `institution "${p.id}": the whole year's claims cannot be given while monitoring.asOf is set (known through month ${p.k}); `
      + `give the months known as claimsToDate`),
  claimsToDateRequired: e(['id', 'name', 'k'], (p) => `「${who(p)}」未填写累计申报费用，此项必填：申报数据截至 ${p.k} 月`,
    (p) => `institution "${p.id}": is required: monitoring.asOf says claims are known through month ${p.k}`),
  claimsToDateMonths: e(['id', 'name', 'k', 'found'], (p) => `「${who(p)}」须有 ${p.k} 个月的累计申报费用（申报数据截至 ${p.k} 月），现有 ${p.found} 个`,
    (p) => `institution "${p.id}": must have ${p.k} monthly amounts (monitoring.asOf is ${p.k}); it has ${p.found}`),
  adjustUnknownInstitution: e(['id'], (p) => `没有机构编码为 "${p.id}" 的机构；请填写已有机构的编码`, (p) => `no institution has the id "${p.id}"`),
  adjustNeither: e(['id', 'name'], (p) => `「${who(p)}」的年中调整须填写调整后指标或调整额，二者填一项（现在都未填写）`,
    (p) => `institution "${p.id}": give either the new target ("target") or the amount it changes by ("change"), not neither`),
  adjustBoth: e(['id', 'name'], (p) => `「${who(p)}」的年中调整须填写调整后指标或调整额，二者只填一项（现在都填写了）`,
    (p) => `institution "${p.id}": give either the new target ("target") or the amount it changes by ("change"), not both`),
  adjustZero: e(['id', 'name'], (p) => `「${who(p)}」的调整额不能为 0`, (p) => `institution "${p.id}": the change must not be zero`),
  adjustBelowZero: e(['id', 'name', 'before'], (p) => `调整后「${who(p)}」的总额控制指标将低于 0（调整前为 ${p.before} 元），请减小调减额`,
    (p) => `institution "${p.id}": the target would fall below zero (it is ${p.before})`),
  adjustNoAbsorber: e(['id', 'name', 'pool', 'poolName'], (p) => `「${who(p)}」所在的${poolZh(p)}中没有其他未锁定且权重大于 0 的机构可以分担此调整额`,
    (p) => `institution "${p.id}": no other unlocked institution with a positive weight in ${poolEn(p)} can absorb the change`),
  adjustAbsorberBelowZero: e(['id', 'name', 'pool', 'poolName', 'target'], (p) => `${poolZh(p)}中的「${who(p)}」无法分担其应承担的部分：其总额控制指标 ${p.target} 元分担后将低于 0`,
    (p) => `institution "${p.id}" in ${poolEn(p)} cannot absorb its part: its target ${p.target} would fall below zero`),
  adjustHeadExceeds: e(['id', 'name', 'last', 'head', 'year'],
    (p) => `「${who(p)}」1–${p.last} 月已安排月度额度 ${p.head} 元，超过调整后的全年月度额度 ${p.year} 元；请推后起始月份或减小调减额`,
    (p) => `institution "${p.id}": months 1–${p.last} already have ${p.head} budgeted, more than its new monthly budget ${p.year} for the year`),
  asOfNoClaims: e(['id', 'name', 'k'], (p) => `「${who(p)}」没有已知的申报数据，无法按截至 ${p.k} 月通报`,
    (p) => `institution "${p.id}": no claims are known, so there is nothing to report as of month ${p.k}`),
  asOfClaimsShort: e(['id', 'name', 'known', 'k'], (p) => `「${who(p)}」的申报数据只到 ${p.known} 月，没有 ${p.k} 月的数据`,
    (p) => `institution "${p.id}": claims are known through month ${p.known} only, not month ${p.k}`),
  asOfPointsShort: e(['id', 'name', 'known', 'k'], (p) => `「${who(p)}」的点数只到 ${p.known} 月，没有 ${p.k} 月的数据`,
    (p) => `institution "${p.id}": points are known through month ${p.known} only, not month ${p.k}`),
  asOfPointsYearOnly: e(['id', 'name', 'k'], (p) => `「${who(p)}」只有全年点数、没有分月点数，无法算出截至 ${p.k} 月的累计点数`,
    (p) => `institution "${p.id}": its points are known for the year only, not by month, so there are no points to date as of month ${p.k}`),
  yearComplete: fixed('本年度 12 个月的申报数据均已录入，不能再追加月份', 'the year is complete: claims are known through December'),
  nextMonth: e(['known', 'next', 'month'], (p) => `申报数据已截至 ${p.known} 月，下一个应录入的是 ${p.next} 月，而不是 ${p.month} 月`,
    (p) => `claims are known through month ${p.known}: the next month to add is ${p.next}, not ${p.month}`),
  monthUnknownInstitution: e(['month', 'id'], (p) => `${p.month} 月数据中的机构编码 "${p.id}" 不是本方案的机构；请核对编码`,
    (p) => `month ${p.month}: no institution has the id "${p.id}"`),
  monthNoClaims: e(['id', 'name', 'month'], (p) => `缺少「${who(p)}」${p.month} 月的申报费用`, (p) => `institution "${p.id}": no claims for month ${p.month}`),
  monthNoPoints: e(['id', 'name', 'month'], (p) => `缺少「${who(p)}」${p.month} 月的点数（其分配池按点数法结算）`,
    (p) => `institution "${p.id}": no points for month ${p.month} (its pool is settled by points)`),

  // ── Several years, sensitivity and Monte Carlo (DESIGN §8–9: analysis-params.ts, sweep*.ts, tornado.ts, risk/) ──
  wholeFromTo: e(['min', 'max'], (p) => `须为 ${p.min} 到 ${p.max} 之间的整数`, (p) => `must be a whole number from ${p.min} to ${p.max}`),
  oneOfList: e(['options'], (p) => `须为 ${options(p.options!, 'zh')}`, (p) => `must be one of ${p.options!.split('|').join(', ')}`),
  growthDecimal: fixed('须为最多 12 位小数的数字，如 "0.05" 表示增长 5%', 'must be a decimal number with at most 12 decimals, like "0.05" for +5%'),
  monthsNotNegative: fixed('须为不小于 0 的月数', 'must be a non-negative number of months'),
  sweepWhole: e(['param', 'field'], (p) => `${p.param} 是整数参数：${p.field} 须为整数`, (p) => `${p.param} is a whole number: ${p.field} must be whole`),
  sweepAmountDp: e(['param', 'field', 'dp'], (p) => `${p.param} 是金额：${p.field} 最多 ${p.dp} 位小数`,
    (p) => `${p.param} is an amount: ${p.field} must have at most ${p.dp} decimals`),
  sweepTooMany: e(['n', 'max'], (p) => `此范围和步长共 ${p.n} 个取值，最多 ${p.max} 个；请加大步长或缩小范围`, (p) => `the range gives ${p.n} values; at most ${p.max}`),
  sweepSameParam: fixed('第二个参数须与第一个参数不同', 'must be another parameter than param'),
  sweepValueBad: e(['reason', 'value'], (p) => `取值 ${p.value} 时：${inner(p, 'zh')}`, (p) => `${inner(p, 'en')} (it would be ${p.value})`),
  paramNotObject: e(['where'], (p) => `${p.where} 不是含字段的对象`, (p) => `${p.where} is not an object with fields`),
  paramNotSet: e(['where'], (p) => `本方案没有设定 ${p.where}`, (p) => `${p.where} is not set in this scenario`),
  paramNotList: e(['where'], (p) => `${p.where} 不是列表`, (p) => `${p.where} is not a list`),
  paramNoId: e(['where', 'id'], (p) => `${p.where} 中没有编码为 "${p.id}" 的项`, (p) => `${p.where} has no element with id "${p.id}"`),
  paramNoIndex: e(['where', 'index', 'count'], (p) => `${p.where} 没有第 [${p.index}] 项（共 ${p.count} 项）`,
    (p) => `${p.where} has no element [${p.index}] (it has ${p.count})`),
  paramNotSweepable: e(['where'], (p) => `${p.where} 不是可做敏感性分析的数值参数`, (p) => `${p.where} is not a numeric parameter that can be swept`),
  tornadoChange: fixed('须为大于 0 且不超过 1 的比例（0.1 表示 ±10%）', 'must be a share greater than 0 and at most 1 (0.1 = ±10%)'),
  tornadoNoParams: fixed('至少须列出一个参数', 'must name at least one parameter'),
  tornadoTooMany: e(['max'], (p) => `最多列出 ${p.max} 个参数`, (p) => `must name at most ${p.max} parameters`),
  listedTwice: e(['param'], (p) => `${p.param} 列出了两次`, (p) => `${p.param} is listed twice`),
  // The issue met at one side of a tornado, its own message (code in atCode, parameters alongside) inside.
  tornadoAt: e(['side', 'atReason'], (p) => `取值 ${p.side} 时：${nested(p, 'zh')}`, (p) => `at ${p.side}: ${nested(p, 'en')}`),
  outputNoInstitution: e(['id', 'example'], (p) => `没有机构编码为 "${p.id}" 的机构（机构的输出项写作 编码.字段，如 ${p.example}.owed）`,
    (p) => `no institution with id "${p.id}" (an institution's output is written ID.field, e.g. ${p.example}.owed)`),
  outputUnknownField: e(['field', 'fields'], (p) => `未知的机构输出项 "${p.field}"；可用的是 ${p.fields}`,
    (p) => `unknown institution figure "${p.field}"; one of ${p.fields}`),
  outputUnknown: e(['name', 'fund'], (p) => `未知的输出项 "${p.name}"；可用基金输出项（${p.fund}）或机构的 编码.字段`,
    (p) => `unknown output "${p.name}"; a fund figure (${p.fund}) or ID.field of an institution`),
  notExact: e(['detail'], (p) => `金额超出可精确计算的范围，无法测算（${p.detail}）`, (p) => p.detail!),
  drawsWhole: fixed('抽样次数须为整数', 'must be a whole number of draws'),
  sigmaNumber: fixed('须为数字，如 0.05（即 5 个百分点）', 'must be a number like 0.05 (5 percentage points)'),
  riskNotObject: fixed('风险测算参数须为对象', 'the risk parameters must be an object'),
  unknownField: fixed('未知的字段，请删除或检查拼写', 'unknown field'),
  sigmaMax: e(['max'], (p) => `不能大于 ${p.max}（即波动 100 个百分点）`, (p) => `must be at most ${p.max} (a spread of 100 percentage points)`),
  sigmaByCategoryObject: fixed('须为类别与标准差的对照表', 'must be an object mapping a category to a standard deviation'),
  overspendThreshold: fixed('须为 0 到 10 之间的数字（超支率，0.1 即 10%）', 'must be a number from 0 to 10 (an overspend rate; 0.1 = 10%)'),
  atMostDecimals: e(['dp'], (p) => `最多 ${p.dp} 位小数`, (p) => `must have at most ${p.dp} decimals`),
  betweenRange: e(['min', 'max'], (p) => `须在 ${p.min} 到 ${p.max} 之间`, (p) => `must be between ${p.min} and ${p.max}`),
  greaterThanMin: e(['min'], (p) => `须大于 ${p.min}（即不低于 -100%）`, (p) => `must be greater than ${p.min} (−100%)`),
  notParamPath: e(['path', 'position', 'detail'],
    (p) => `"${p.path}" 不是参数路径（第 ${p.position} 个字符处：${p.detail}），写法如 "fund.adjustmentFundRate"、"hospitals[id=N001].lockedTarget"`,
    (p) => `not a parameter path (${p.detail} at position ${p.position}): ${JSON.stringify(p.path)}`),
  tornadoNotSet: fixed('本方案未设定此参数，无法按 ±比例变动', 'not set in this scenario: nothing to move by ±x'),
  riskFormulaDraws: e(['read', 'what'],
    (p) => `该公式读取 ${p.read}，其值随每次蒙特卡洛抽样变化（申报额是抽样得到的），因此${riskWhatZh(p.what!)}会逐次不同；风险测算要求各次抽样用同一${riskWhatZh(p.what!)}，不支持此公式`,
    (p) => `reads ${p.read}, which differ in every Monte Carlo draw (claims are drawn), so ${p.what} would differ from draw to draw; `
      + `a risk run settles every draw on the same ${p.what} and cannot use this formula`),
  riskOwnReasonableShare: fixed('蒙特卡洛风险测算暂不支持机构自身的合理超支认定比例（测算对所有机构使用政策中的比例）；请删除此项后再测算',
    'an institution\'s own reasonable share of overspend is not yet taken by the Monte Carlo kernel, which applies the policy\'s to everyone'),
  riskMonitored: e(['month'], (p) => `本方案按月监测（申报数据截至 ${p.month} 月）：风险测算按历史抽取全年申报，会舍弃已知月份；请在监测前的年度方案上测算（年中调整会计入）`,
    (p) => `the scenario is monitored (claims known through month ${p.month}): a Monte Carlo run draws the whole year's claims from history and would set the `
      + `months known aside; run it on the plan (the file before monitoring; mid-year adjustments are kept)`),
  riskTooLarge: fixed('机构的支出金额过大，蒙特卡洛测算无法保证每一分都精确（抽样可能达到 2^51 分）',
    'the institutions\' spending is too large for the Monte Carlo kernel to keep every fen exact (draws could reach 2^51 fen)'),
  // ── The workspace file's wrapper (src/workspace/file-shape.ts, file.ts) ─────────────────
  notWorkspace: e(['format'], (p) => `不是工作区或方案文件：应为含 "format": "${p.format}" 的 JSON 对象`,
    (p) => `not a workspace or scenario file: expected a JSON object with "format": "${p.format}"`),
  wrongWorkspaceFormat: e(['format', 'found'], (p) => `不是工作区文件："format" 应为 "${p.format}" 或 "gbsim-scenario"（${p.found ? `现为 ${p.found}` : '缺少此项'}）`,
    (p) => `not a workspace file: "format" must be "${p.format}" or "gbsim-scenario" (${p.found ? `it is ${p.found}` : 'it is missing'})`),
  newerWorkspace: e(['found', 'max'], (p) => `此工作区由更新版本的工具保存（工作区格式版本 ${p.found}），本版本最多读取 ${p.max}，请升级工具后打开`,
    (p) => `this workspace was written by a newer version of the tool (workspace format version ${p.found}); this version reads up to ${p.max}. `
      + `Please update the tool to open it.`),
  baselineRequired: fixed('缺少基准方案（baseline），此项必填', 'is required (the baseline scenario)'),
  variantObject: fixed('须为含 "id"、"name" 和 "changes" 的测算方案', 'must be an object with "id", "name" and "changes"'),
  variantName: e(['max'], (p) => `测算方案名称须为 1 到 ${p.max} 个字符的文字`, (p) => `must be text of 1 to ${p.max} characters`),
  variantId: e(['max'], (p) => `须为 1 到 ${p.max} 个字符的文字编码`, (p) => `must be a text id of 1 to ${p.max} characters`),
  variantIdReserved: fixed('"baseline" 是基准方案专用的编码，请另选编码', '"baseline" is reserved for the baseline; choose another id'),
  duplicateVariant: e(['id', 'other'], (p) => `测算方案编码 "${p.id}" 重复（第 ${p.other} 个测算方案也用此编码）`,
    (p) => `duplicate id "${p.id}" (also variants[${Number(p.other) - 1}])`),
  changeShape: fixed('须为一项修改：{"op": "set", "path": [...], "value": ...} 或 {"op": "remove", "path": [...]}',
    'must be a change: {"op": "set", "path": [...], "value": ...} or {"op": "remove", "path": [...]}'),
  changeOp: e(['found'], (p) => `须为 "set" 或 "remove"（现为 ${p.found}）`, (p) => `must be "set" or "remove" (it is ${p.found})`),
  setNeedsValue: fixed('"set" 须填写 value（新值）', 'is required for "set"'),
  changePath: fixed('须为非空的字段名与列表序号的列表', 'must be a non-empty list of field names and list indices'),
  pathKeyForbidden: e(['key'], (p) => `路径中不允许使用 "${p.key}"`, (p) => `"${p.key}" is not allowed in a path`),
  pathSegment: e(['found'], (p) => `须为字段名或不小于 0 的整数序号（现为 ${p.found}）`, (p) => `must be a field name or a whole, non-negative list index (it is ${p.found})`),
  fingerprintsMap: fixed('须为基准方案和各测算方案编码与结果指纹的对照表', 'must map "baseline" and variant ids to result fingerprints'),
  fingerprintUnknown: fixed('既不是基准方案，也不是本工作区的测算方案', 'names neither the baseline nor a variant of this workspace'),
  fingerprintShape: e(['example'], (p) => `须为结果指纹，如 "${p.example}"`, (p) => `must be a fingerprint like "${p.example}"`),
  // ── A workbook before and while it is unpacked (src/sheets/zip-bounds.ts) ────────────────
  sheetUnpackedTooBig: e(['size', 'max'],
    (p) => `表格解压后超过 ${p.size}，超过本工具可读取的 ${p.max}；请删去不需要的工作表或行，或另存为 .csv 后导入`,
    (p) => `the workbook unpacks to more than ${p.size}, above the ${p.max} this tool can read; `
      + 'delete sheets or rows not needed, or save it as .csv and import that'),
  sheetPackedRatio: e(['times', 'packed', 'size'],
    (p) => `文件中的一部分压缩了 ${p.times} 倍（${p.packed} 解压为 ${p.size}），不是正常的表格，已拒绝读取`,
    (p) => `a part of the file is packed ${p.times} times (${p.packed} unpacking to ${p.size}): not a normal spreadsheet, refused`),
  sheetZipIncomplete: fixed('不是完整的 .xlsx 文件（找不到压缩包目录，文件可能不完整或已损坏）',
    'not a complete .xlsx file (no zip directory: the file may be cut short or damaged)'),
  sheetZipDamaged: fixed('不是有效的 .xlsx 文件（压缩包目录已损坏）', 'not a valid .xlsx file (its zip directory is damaged)'),
  sheetPartDamaged: e(['part'], (p) => `不是有效的 .xlsx 文件：其中的「${p.part}」已损坏，无法解压；请在表格程序中重新保存后再导入`,
    (p) => `not a valid .xlsx file: its part "${p.part}" is damaged and cannot be unpacked; `
      + 'save the workbook again in the spreadsheet program and import that'),
  sheetPartTooBig: e(['part', 'declared', 'actual'],
    (p) => `表格解压后超过其压缩包目录记录的大小：「${p.part}」记录为 ${p.declared} 字节，实际解压出 ${p.actual} 字节以上；`
      + '文件已损坏或被篡改（如“压缩炸弹”），不是正常的表格，已拒绝读取',
    (p) => `the workbook unpacks to more than its zip directory declares: "${p.part}" is declared as ${p.declared} bytes `
      + `but unpacks to ${p.actual} bytes or more; the file is damaged or forged (a zip bomb), not a normal spreadsheet, refused`),
  sheetPartSize: e(['part', 'declared', 'actual'],
    (p) => `不是有效的 .xlsx 文件：压缩包目录记录「${p.part}」解压后为 ${p.declared} 字节，实际只解压出 ${p.actual} 字节，文件已损坏`,
    (p) => `not a valid .xlsx file: its zip directory says "${p.part}" unpacks to ${p.declared} bytes, `
      + `but it unpacks to only ${p.actual}; the file is damaged`),
  sheetTooManyRows: e(['max'],
    (p) => `表格的一个工作表有超过 ${p.max} 行数据，超过本工具一次可导入的行数（一个方案最多 200,000 家机构）；`
      + '请删去不需要的行（如整列填充到表格末行的内容），或分成几个文件导入',
    (p) => `a worksheet has more than ${p.max} rows of data, more than this tool imports at once (a scenario holds at most 200,000 institutions); `
      + 'delete the rows not needed (such as a column filled down to the sheet\'s last row), or split the file'),
  // ── A file given where a scenario file is expected (src/cli/io.ts; told by format/file-kind.ts) ──
  scenarioGotXlsx: e(['file'],
    (p) => `${p.file} 是一个 Excel 工作簿（.xlsx），不是方案文件（.json）；导入机构数据请用 gbsim import ${p.file} --base 方案.json -o 新方案.json，`
      + `病种目录请用 gbsim cases 病例清单.csv --base 方案.json --catalogue ${p.file} -o 新方案.json`,
    (p) => `${p.file} is an Excel workbook (.xlsx), not a scenario file (.json); `
      + `to import institutions' data: gbsim import ${p.file} --base SCENARIO.json -o NEW.json; `
      + `a DRG catalogue: gbsim cases CASES.csv --base SCENARIO.json --catalogue ${p.file} -o NEW.json`),
  scenarioGotCsv: e(['file'],
    (p) => `${p.file} 是 CSV 表格，不是方案文件（.json）；导入机构数据请用 gbsim import ${p.file} --base 方案.json -o 新方案.json，`
      + `病例清单请用 gbsim cases ${p.file} --base 方案.json -o 新方案.json`,
    (p) => `${p.file} is a CSV table, not a scenario file (.json); to import institutions' data: gbsim import ${p.file} --base SCENARIO.json -o NEW.json; `
      + `a case list: gbsim cases ${p.file} --base SCENARIO.json -o NEW.json`),
  scenarioGotParquet: e(['file'],
    (p) => `${p.file} 是 Parquet 数据文件（病例清单），不是方案文件（.json）；读入病例清单请用 gbsim cases ${p.file} --base 方案.json -o 新方案.json`,
    (p) => `${p.file} is a Parquet data file (a case list), not a scenario file (.json); `
      + `to read the cases: gbsim cases ${p.file} --base SCENARIO.json -o NEW.json`),
  scenarioGotWorkspace: e(['file', 'variants'],
    (p) => `${p.file} 是工作区文件（基准方案和 ${p.variants} 个测算方案），不是单个方案文件；逐年测算其中各方案请用 gbsim years ${p.file}；`
      + '其他命令请先在应用中用「打开文件…」打开它，再用「保存当前方案」存出方案文件',
    (p) => `${p.file} is a workspace file (the baseline and ${p.variants} alternatives), not a single scenario file; to run its scenarios over several years: `
      + `gbsim years ${p.file}; for other commands, open it in the app (Open…) and save a scenario from it (Save scenario)`),
  scenarioGotOther: e(['file', 'kind'], (p) => `${p.file} 看来是${KINDS[p.kind!]?.zh ?? p.kind}，不是方案文件（.json）；此命令只读入方案文件`,
    (p) => `${p.file} seems to be ${KINDS[p.kind!]?.en ?? p.kind}, not a scenario file (.json); this command reads only scenario files`),
} as const satisfies Record<string, Entry>;

export type MsgCode = keyof typeof MESSAGES;

/** What a file that is none of ours seems to be (format/file-kind.ts's kinds), in the words of `scenarioGotOther` and `gbsim import`. */
export const KINDS: Record<string, { zh: string; en: string }> = {
  parquet: { zh: 'Parquet 数据文件（病例清单请用 gbsim cases 读入）', en: 'a Parquet data file (read a case list with gbsim cases)' },
  xls: { zh: '旧版 Excel 工作簿（.xls）——请在 Excel 中“另存为” .xlsx 后再导入', en: 'an old Excel workbook (.xls) — in Excel, “Save as” .xlsx and import that' },
  office: { zh: 'Word、PowerPoint 或其他办公文档', en: 'a Word, PowerPoint or other office document' },
  zip: { zh: '压缩包（.zip）', en: 'a zip archive' },
  pdf: { zh: 'PDF 文档', en: 'a PDF document' },
  image: { zh: '图片', en: 'an image' },
  binary: { zh: '无法识别的二进制文件', en: 'a binary file of unknown kind' },
  empty: { zh: '空文件', en: 'an empty file' },
};

/** Names of lists and maps in `listOf`, `mapOf`, `minItems`, … */
const WHAT: Record<string, { zh: string; en: string }> = {
  tiers: { zh: '分档', en: 'tiers' },
  tier: { zh: '分档', en: 'tier' },
  classes: { zh: '机构类型', en: 'institution classes' },
  class: { zh: '机构类型', en: 'institution class' },
  weights: { zh: '年度权重（最早的年度在前）', en: 'weights, oldest year first' },
  year: { zh: '年度', en: 'year' },
  years: { zh: '年度', en: 'years' },
  months: { zh: '月度权重', en: 'monthly weights' },
  monthly: { zh: '月度金额', en: 'monthly amounts' },
  monthlyFromJan: { zh: '从 1 月起的月度金额', en: 'monthly amounts from January' },
  yearly: { zh: '年度金额（最早的年度在前）', en: 'yearly amounts, oldest first' },
  points: { zh: '（得分，返还比例）折算点', en: '(score, ratio) points' },
  point: { zh: '折算点', en: 'point' },
  hospitals: { zh: '机构', en: 'hospitals' },
  institution: { zh: '机构', en: 'institution' },
  institutions: { zh: '机构', en: 'institutions' },
  levels: { zh: '级别与系数', en: 'levels to coefficients' },
  categories: { zh: '类别与系数', en: 'categories to coefficients' },
  depositRates: { zh: '机构类型与保证金比例', en: 'institution classes to deposit rates' },
  growthRates: { zh: '类别与增长率', en: 'categories to growth rates' },
  indicatorScores: { zh: '考核指标与得分', en: 'indicator ids to scores' },
  fieldNumbers: { zh: '字段名与数值', en: 'field names to numbers' },
  sources: { zh: '参数路径与依据', en: 'parameter paths to sources' },
  outputNames: { zh: '输出项名称', en: 'output names' },
  output: { zh: '输出项', en: 'output' },
  outputs: { zh: '输出项', en: 'outputs' },
  paramPaths: { zh: '参数路径', en: 'parameter paths' },
  parameter: { zh: '参数', en: 'parameter' },
  parameters: { zh: '参数', en: 'parameters' },
  sweeps: { zh: '敏感性分析', en: 'sweeps' },
  hundredK: { zh: '机构', en: 'institutions' },
  variants: { zh: '测算方案', en: 'variants' },
  changes: { zh: '修改', en: 'changes' },
  monthlyPoints12: { zh: '12 个月的点数', en: '12 monthly points' },
  monthlyPoints: { zh: '月度点数', en: 'monthly points' },
  groups: { zh: '病种', en: 'groups' },
  adjustments: { zh: '年中调整', en: 'adjustments' },
  sigmaByCategory: { zh: '类别与标准差', en: 'a category to a standard deviation' },
};

/** What `sumTooLarge` adds up, in the bureau's words (a key not listed is shown as written). */
const SUMMED: Record<string, { zh: string; en: string }> = {
  claims: { zh: '各月申报额', en: 'the monthly claims' },
  claimsAll: { zh: '各机构全年申报额', en: 'the institutions’ claims of the year' },
  lockedAll: { zh: '各机构锁定目标', en: 'the institutions’ locked targets' },
  carveOuts: { zh: '各单列项目金额', en: 'the carve-outs' },
};
const summed = (field: string, lang: MsgLang): string => SUMMED[field]?.[lang] ?? (lang === 'zh' ? `「${field}」` : field);

const FORMULA_RULE = {
  zh: '公式中只能使用四则运算（+ - * / ^ mod）、比较、and/or/not、“条件 ? 甲 : 乙”、函数 min、max、round、abs、floor、ceil、sqrt 以及机构自身的字段。',
  en: 'only arithmetic (+ − × ÷ ^ mod), comparisons, and/or/not, "c ? a : b", the functions min, max, round, abs, floor, ceil, '
    + 'sqrt and the institution\'s own fields are allowed',
};

const hasPos = (p: Record<string, string>): boolean => p.position !== undefined && p.position !== '?' && p.position !== '';
const atEn = (p: Record<string, string>): string => (hasPos(p) ? ` at position ${p.position}` : '');
const atZh = (p: Record<string, string>, sep = ''): string => (hasPos(p) ? `第 ${p.position} 个字符处${sep}` : '');
const plural = (what: string): boolean => /^(assignments|property|lists|objects|ranges|text values|more than)|expressions$/.test(what);

/** The parser's (mathjs') reasons, in Chinese; a reason not listed is shown as it is. */
function syntaxZh(detail: string): string {
  const rules: [RegExp, string][] = [
    [/^Parenthesis \) expected$/, '缺少右括号 ")"'], [/^Parenthesis \] expected$/, '缺少右方括号 "]"'],
    [/^Unexpected end of expression$/, '公式不完整，末尾缺少数值或名称'], [/^Value expected$/, '此处缺少数值或名称'],
    [/^Unexpected part "(.*)"$/, '多余的 "$1"'], [/^Unexpected operator (.*)$/, '多余的运算符 "$1"'], [/^Syntax error in part "(.*)"$/, '"$1" 处有语法错误'],
    [/^False part of conditional expression expected$/, '条件表达式缺少 ":" 后的部分'],
    [/^The true-expression of a conditional operator may not be empty$/, '条件表达式 "?" 后的部分不能为空'],
    [/^Digit expected, got "(.*)"$/, '此处应为数字，而不是 "$1"'], [/^End of string (.) expected$/, '文字缺少结尾的 $1'],
  ];
  for (const [re, zh] of rules) if (re.test(detail)) return detail.replace(re, zh);
  return detail;
}

/** The formula sandbox's names of what it refuses, in Chinese. */
function notAllowedZh(what: string): string {
  const rules: [RegExp, string][] = [
    [/^the operator "(.*)"$/, '运算符 "$1"'], [/^the function "(.*)"$/, '函数 "$1"'], [/^this call$/, '此种调用'],
    [/^text values \((.*)\)$/, '文字值（$1）'], [/^the constant (.*)$/, '常量 $1'],
    [/^assignments .*$/, '赋值（"="）和函数定义'], [/^property access .*$/, '属性访问（"."）和下标（"["）'],
    [/^more than one expression.*$/, '多个表达式（";" 或换行）'], [/^lists .*$/, '列表（"["）'], [/^objects .*$/, '对象（"{"）'],
    [/^ranges .*$/, '区间（":"）'], [/^(.*) expressions$/, '$1 表达式'],
  ];
  for (const [re, zh] of rules) if (re.test(what)) return what.replace(re, zh);
  return what;
}

/** An institution as a message names it: "N001 某医院". */
const who = (p: Record<string, string>): string => (p.name && p.name !== '?' ? `${p.id} ${p.name}` : p.id!);

/**
 * The parameters of a message nested in another (`formulaFailed`, `sweepValueBad`): its code as
 * `reasonCode`, its parameters under `reason.`, so that none of them (a field's `name`, a
 * `value`) can take the place of the outer message's own (the institution's `name`).
 */
export function reasonParams(code: MsgCode, params: MsgParams = {}): Record<string, string | number> {
  const out: Record<string, string | number> = { reasonCode: code };
  for (const [k, v] of Object.entries(params)) out[`${REASON}${k}`] = v;
  return out;
}
const REASON = 'reason.';

/** The reason inside `formulaFailed` or `sweepValueBad`: a message of the catalogue (see `reasonParams`), else its text. */
function inner(p: Record<string, string>, lang: MsgLang): string {
  const code = p.reasonCode;
  if (!code || code === '?' || !isMsgCode(code)) return p.reason!;
  const own: Record<string, string> = {};
  for (const k of Object.keys(p)) if (k.startsWith(REASON)) own[k.slice(REASON.length)] = p[k]!;
  return renderMessage(code, own, lang);
}

/** A pool by its name (its code when it has none); "" is the one pool of everyone. */
function poolZh(p: Record<string, string>): string {
  if (!p.pool) return '其所在分配池';
  return `分配池「${p.poolName && p.poolName !== '?' ? p.poolName : p.pool}」`;
}
const poolEn = (p: Record<string, string>): string => (p.pool ? `pool "${p.pool}"` : 'its pool');

/** What a risk run would see differ from draw to draw (engine/risk/prepare.ts). */
function riskWhatZh(what: string): string {
  return what === 'targets' ? '总额控制指标' : what === 'reward eligibility' ? '结余奖励条件' : what;
}

function nested(p: Record<string, string>, lang: MsgLang): string {
  const code = p.atCode;
  return code && code !== 'tornadoAt' && isMsgCode(code) ? renderMessage(code, p, lang) : p.atReason!;
}

/** The pool of a message about the allocation: "" is the one pool of everyone (the amount to allocate). */
function poolName(p: Record<string, string>, lang: MsgLang): string {
  if (p.pool === '') return lang === 'zh' ? '可分配总额' : 'the amount to allocate';
  return lang === 'zh' ? poolZh(p) : `pool "${p.pool}"`;
}

export function isMsgCode(code: string): code is MsgCode {
  return Object.hasOwn(MESSAGES, code);
}

/** A message of the catalogue in `lang`; missing parameters are shown as "?" rather than "undefined". */
export function renderMessage(code: MsgCode, params: MsgParams | undefined, lang: MsgLang): string {
  const entry: Entry = MESSAGES[code];
  const p: Record<string, string> = Object.create(null) as Record<string, string>;
  if (params) for (const k of Object.keys(params)) p[k] = String(params[k]);
  for (const k of entry.params) if (!Object.hasOwn(p, k)) p[k] = '?';
  return entry[lang](p);
}

/** English text of a shape message, to code and parameters: zod carries only the text we gave it. */
const BY_TEXT = new Map<string, { code: MsgCode; params?: MsgParams }>();

/** The English text of a message, remembered so `codeOfText` can find its code again (schema messages). */
export function msg(code: MsgCode, params?: MsgParams): string {
  const text = renderMessage(code, params, 'en');
  if (!BY_TEXT.has(text)) BY_TEXT.set(text, params ? { code, params } : { code });
  return text;
}

export function codeOfText(text: string): { code: MsgCode; params?: MsgParams } | undefined {
  return BY_TEXT.get(text);
}
