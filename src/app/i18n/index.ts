/** The message table: Chinese (default) and English. Keys are stable; add both languages. */
import { en2, zh2 } from './files-brief.ts';
import { en3, zh3 } from './plan.ts';
import { enStore, zhStore } from './store.ts';
import { enMonitor, zhMonitor } from './monitor.ts';
import { enPoints, zhPoints } from './points.ts';
import { enReading, zhReading } from './reading.ts';

import type { Lang } from '../../display/lang.ts';
import { FUND_FIGURES as F, HOSPITAL_FIGURES as H, WORDS as W } from '../../display/glossary.ts';


const zh = {
  ...zh2,
  ...zh3,
  ...zhStore,
  ...zhMonitor,
  ...zhPoints,
  ...zhReading,
  appTitle: '医保总额预算模拟器',
  appSubtitle: '总额控制 · 年终清算',
  language: '语言', langSwitch: 'English', unit: '金额单位', yuan: '元', wan: '万元',
  undo: '撤销', redo: '重做', save: '保存工作区', saveScenario: '保存当前方案', open: '打开文件…',
  dropHint: '也可把 .json 文件拖到此页面打开', newFromExample: '恢复示例',
  fingerprint: '指纹', fingerprintHint: '收发双方核对此指纹，一致即说明看到的是同样的结果',
  computing: '计算中…', stale: '结果待更新', invalidScenario: '方案有误，无法计算',
  tabResults: '结果', tabParams: '政策参数', tabData: '机构数据', tabCompare: '方案比较', tabHospital: '机构详情',
  scenario: W.scenario.zh, baseline: W.baseline.zh, variant: W.variant.zh, activeScenario: '当前方案',
  newVariant: '新建测算方案', duplicate: '复制', rename: '重命名', delete: '删除', variantName: '方案名称',
  confirmDelete: '删除方案“{name}”？', changesVsBaseline: '相对基准方案的改动', noChanges: '与基准方案相同',
  fundSummary: '基金概况', budget: F.base.zh, carveOuts: F.carveOuts.zh, riskReserve: F.riskReserve.zh,
  globalTarget: F.globalTarget.zh, adjustmentFund: F.adjustmentFund.zh, allocatable: F.allocatable.zh,
  hospitalsOwed: F.hospitalsOwed.zh, adjustmentFundUsed: F.adjustmentFundUsed.zh, expenditure: F.expenditure.zh,
  closingBalance: F.closingBalance.zh, openingBalance: F.openingBalance.zh, revenue: F.revenue.zh,
  monthsOfCoverage: F.monthsOfCoverage.zh, currentSurplusRate: F.currentSurplusRate.zh, cumulativeSurplusRate: F.cumulativeSurplusRate.zh,
  totalDeposit: F.totalDeposit.zh, totalPaid: F.totalPaid.zh, totalDeferred: F.totalDeferred.zh, totalBalance: F.totalBalance.zh,
  months: '个月', moneyFlow: '资金流向', chartAlt: '图表数据（文字版）',
  runningTotal: '累计',
  hospitals: '定点医疗机构', institution: '机构', id: '编码', name: '名称', level: W.level.zh, category: W.category.zh, klass: W.klass.zh, pool: H.pool.zh,
  target: H.target.zh, deposit: H.deposit.zh, paid: H.paidTotal.zh, deferred: H.deferred.zh, actual: H.actual.zh,
  surplusOverspend: '结余(+)/超支(−)', rate: '比例', rewardShare: '结余奖励/超支分担', depositReturned: H.depositReturned.zh,
  owed: H.owed.zh, balance: H.balance.zh, locked: '锁定', projected: '预测',
  filterLevel: W.level.zh, filterCategory: W.category.zh, filterPool: W.pool.zh, all: '全部', onlyOverspend: '只看超支机构',
  search: '搜索机构', rowsShown: '显示 {n} / {total} 家', sortBy: '点击列标题排序',
  fundParams: '基金参数', riskReserveRate: '风险储备金比例', adjustmentFundRate: '调剂金比例', topUpCap: '调剂金不足时可从结存补足上限',
  addCarveOut: '添加单列项目', remove: '删除', amount: '金额',
  allocation: '总额分配', pools: '分配池', poolShare: '份额', poolClasses: '包含机构类型', addPool: '添加分配池',
  historyWeights: '历史年度权重(由远及近)', levelCoefficients: '级别系数', categoryCoefficients: '类别系数',
  weightFormula: '权重公式(可选)', weightFormulaHint: '留空则使用默认权重：历史加权 × 级别系数 × 类别系数',
  depositRules: '质量保证金', depositBase: '计提基数', baseTarget: '按总额指标预留', baseClaims: '按月度申报费用扣留', depositRate: '保证金比例',
  monthlyProfile: '月度分解比例', evenProfile: '均匀', month: '{m}月',
  surplusRule: '结余留用/奖励', overspendRule: '合理超支分担', tierMode: '分档方式', marginal: '超额累进', step: '全额分档',
  upTo: '上限(占指标比例)', share: '分担/留用比例', openTier: '以上', addTier: '添加分档', cap: '封顶(占指标比例)', reasonableShare: '合理超支认定比例',
  eligibility: '奖励条件公式(可选)', none: '无',
  qualityRule: '年终考核', qualityMode: '计算方式', linear: '线性插值', score: '考核分', ratio: '返还比例', addPoint: '添加分段', scoreToReturn: '考核分 → 保证金返还比例',
  volumeFloorRule: '最低服务人次(双控)', volumeFloorOn: '服务人次低于下限时按比例扣减指标',
  history: W.history.zh, lockedTarget: '协商锁定指标', claimsTotal: H.claimsTotal.zh, deductions: H.deductions.zh, growth: '增长率', volume: '服务人次', volumeFloor: '人次下限',
  lockHint: '填写金额即锁定协商指标；清空则按权重分配',
  invalidMoney: '金额须为非负数，最多两位小数', invalidRate: '须为数字', invalidNumber: '须为数字', invalidShare: '须在 0 到 1 之间', invalidPercent: '须为百分数，如 8 或 8% 表示 8%', rangePct: '须在 0% 到 100% 之间', rangePctOpen: '须不小于 0%', rangeGrowth: '须大于 −100%', rangeScore: '须在 0 到 100 之间', required: '此项必填',
  saveSaved: '已保存到本机', saveSaving: '保存中…', saveOff: '未保存到本机', saveError: '未能保存到本机！',
  saveStateHint: '工作区随改随存于本机浏览器（IndexedDB），关闭页面不会丢失',
  issuesTitle: '方案中的问题', fileRefused: '文件未能打开，工作区未作任何改动', fileOpened: '已打开：{name}', close: '关闭',
  compareTitle: '方案比较', compareWith: '参与比较的方案(2–4 个)', delta: '差额', sortByChange: '按变动幅度排序', largestChanges: '变动最大的机构',
  selectHospital: '选择机构', derivation: '指标测算过程', weightedHistory: '历史加权', coefficient: '系数', defaultWeight: '权重',
  poolAmount: '所在池金额', poolRemainder: '池内可按权重分配', weightShareLabel: '权重占比', allocatedTarget: H.allocatedTarget.zh, volumeCut: H.volumeCut.zh,
  monthlyBudget: H.monthlyBudget.zh, claims: H.claims.zh, paidMonthly: H.paid.zh, settlementByScenario: '各方案清算结果',
  peers: '同级同类机构比较', peerCount: '同组机构 {n} 家', median: '中位数', thisHospital: '本机构', costPerCase: '次均费用', growthLast: '上年增长',
  print: '打印 / 导出 PDF', restored: '已恢复上次的工作区', savedLocally: '已自动保存到本机浏览器', notComputed: '尚未计算',
  // This browser keeps nothing for the page (storage blocked, e.g. for files opened from disk by a policy).
  storageUnavailable: '此浏览器不允许本页在本机保存工作区：关闭前请用“保存工作区”存为 .json 文件',
  noData: '无数据', yes: '是', no: '否', total: '合计', edit: '编辑', loading: '加载中…', exampleLoaded: '已载入示例城市',
  fpMatch: '结果指纹与文件中记录的一致', fpMismatch: '结果指纹与文件中记录的不一致！', metric: '比较指标',
  hospitalData: '机构基础数据', editCellHint: '直接编辑单元格，回车确认，Esc 取消', keyboardHint: '方向键浏览，回车打开机构详情',
} as const;

export type MsgKey = keyof typeof zh;

const en: Record<MsgKey, string> = {
  ...en2,
  ...en3,
  ...enStore,
  ...enMonitor,
  ...enPoints,
  ...enReading,
  appTitle: 'Global Budget Simulator',
  appSubtitle: 'global budget · year-end settlement',
  language: 'Language', langSwitch: '中文', unit: 'Unit', yuan: 'yuan', wan: '10k yuan',
  undo: 'Undo', redo: 'Redo', save: 'Save workspace', saveScenario: 'Save scenario', open: 'Open…',
  dropHint: 'or drop a .json file on this page', newFromExample: 'Reset to example',
  fingerprint: 'Fingerprint', fingerprintHint: 'Sender and receiver compare this fingerprint to confirm identical results',
  computing: 'Computing…', stale: 'Results pending', invalidScenario: 'The scenario has problems and cannot be computed',
  tabResults: 'Results', tabParams: 'Policy', tabData: 'Institutions', tabCompare: 'Compare', tabHospital: 'Hospital',
  scenario: W.scenario.en, baseline: W.baseline.en, variant: W.variant.en, activeScenario: 'Scenario shown',
  newVariant: 'New alternative', duplicate: 'Duplicate', rename: 'Rename', delete: 'Delete', variantName: 'Scenario name',
  confirmDelete: 'Delete scenario “{name}”?', changesVsBaseline: 'Changes against the baseline', noChanges: 'Same as the baseline',
  fundSummary: 'Fund summary', budget: F.base.en, carveOuts: F.carveOuts.en, riskReserve: F.riskReserve.en,
  globalTarget: F.globalTarget.en, adjustmentFund: F.adjustmentFund.en, allocatable: F.allocatable.en,
  hospitalsOwed: F.hospitalsOwed.en, adjustmentFundUsed: F.adjustmentFundUsed.en, expenditure: F.expenditure.en,
  closingBalance: F.closingBalance.en, openingBalance: F.openingBalance.en, revenue: F.revenue.en,
  monthsOfCoverage: F.monthsOfCoverage.en, currentSurplusRate: F.currentSurplusRate.en, cumulativeSurplusRate: F.cumulativeSurplusRate.en,
  totalDeposit: F.totalDeposit.en, totalPaid: F.totalPaid.en, totalDeferred: F.totalDeferred.en, totalBalance: F.totalBalance.en,
  months: 'months', moneyFlow: 'Where the money goes', chartAlt: 'Chart data (text)',
  runningTotal: 'Running total',
  hospitals: 'Designated institutions', institution: 'Institution', id: 'Code', name: 'Name', level: W.level.en, category: W.category.en, klass: W.klass.en, pool: H.pool.en,
  target: H.target.en, deposit: H.deposit.en, paid: H.paidTotal.en, deferred: H.deferred.en, actual: H.actual.en,
  surplusOverspend: 'Surplus(+)/overspend(−)', rate: 'Rate', rewardShare: 'Reward / fund share', depositReturned: H.depositReturned.en,
  owed: H.owed.en, balance: H.balance.en, locked: 'locked', projected: 'projected',
  filterLevel: W.level.en, filterCategory: W.category.en, filterPool: W.pool.en, all: 'All', onlyOverspend: 'Overspenders only',
  search: 'Search institutions', rowsShown: '{n} of {total} shown', sortBy: 'Click a column header to sort',
  fundParams: 'Fund', riskReserveRate: 'Risk reserve rate', adjustmentFundRate: 'Adjustment fund rate', topUpCap: 'Top-up from balance cap',
  addCarveOut: 'Add carve-out', remove: 'Remove', amount: 'Amount',
  allocation: 'Allocation', pools: 'Pools', poolShare: 'Share', poolClasses: 'Classes covered', addPool: 'Add pool',
  historyWeights: 'History weights (oldest first)', levelCoefficients: 'Level coefficients', categoryCoefficients: 'Category coefficients',
  weightFormula: 'Weight formula (optional)', weightFormulaHint: 'Empty: default weight = weighted history × level × category coefficient',
  depositRules: 'Quality deposit', depositBase: 'Deposit base', baseTarget: 'Withheld from target', baseClaims: 'Withheld from monthly claims', depositRate: 'Deposit rate',
  monthlyProfile: 'Monthly profile', evenProfile: 'Even', month: 'M{m}',
  surplusRule: 'Surplus retention / reward', overspendRule: 'Reasonable overspend sharing', tierMode: 'Tier mode', marginal: 'Marginal', step: 'Step',
  upTo: 'Up to (rate of target)', share: 'Share', openTier: 'and above', addTier: 'Add tier', cap: 'Cap (rate of target)', reasonableShare: 'Reasonable share of overspend',
  eligibility: 'Reward condition (optional)', none: 'None',
  qualityRule: 'Year-end assessment', qualityMode: 'Mode', linear: 'Linear', score: 'Score', ratio: 'Return ratio', addPoint: 'Add point', scoreToReturn: 'Score → deposit return ratio',
  volumeFloorRule: 'Minimum service volume (dual control)', volumeFloorOn: 'Cut the target in proportion when volume falls below the floor',
  history: W.history.en, lockedTarget: 'Negotiated (locked) target', claimsTotal: H.claimsTotal.en, deductions: H.deductions.en, growth: 'Growth', volume: 'Volume', volumeFloor: 'Volume floor',
  lockHint: 'Enter an amount to lock a negotiated target; clear it to allocate by weight',
  invalidMoney: 'Must be a non-negative amount with at most 2 decimals', invalidRate: 'Must be a number', invalidNumber: 'Must be a number', invalidShare: 'Must be between 0 and 1', invalidPercent: 'Must be a percentage, e.g. 8 or 8% for 8%', rangePct: 'Must be between 0% and 100%', rangePctOpen: 'Must be 0% or more', rangeGrowth: 'Must be more than −100%', rangeScore: 'Must be between 0 and 100', required: 'Required',
  saveSaved: 'Saved', saveSaving: 'Saving…', saveOff: 'Not saved in this browser', saveError: 'Could not save in this browser!',
  saveStateHint: 'Every change is kept in this browser (IndexedDB) as you make it; closing the page loses nothing',
  issuesTitle: 'Problems in the scenario', fileRefused: 'The file was not opened; the workspace is unchanged', fileOpened: 'Opened: {name}', close: 'Close',
  compareTitle: 'Compare scenarios', compareWith: 'Scenarios compared (2–4)', delta: 'Δ', sortByChange: 'Sort by largest change', largestChanges: 'Largest changes',
  selectHospital: 'Institution', derivation: 'How the target is derived', weightedHistory: 'Weighted history', coefficient: 'Coefficient', defaultWeight: 'Weight',
  poolAmount: 'Pool amount', poolRemainder: 'Pool remainder allocated by weight', weightShareLabel: 'Share of weights', allocatedTarget: H.allocatedTarget.en, volumeCut: H.volumeCut.en,
  monthlyBudget: H.monthlyBudget.en, claims: H.claims.en, paidMonthly: H.paid.en, settlementByScenario: 'Settlement under each scenario',
  peers: 'Peers of the same level and category', peerCount: '{n} peers', median: 'Median', thisHospital: 'This institution', costPerCase: 'Cost per case', growthLast: 'Last-year growth',
  print: 'Print / PDF', restored: 'Restored your last workspace', savedLocally: 'Saved in this browser', notComputed: 'Not computed yet',
  storageUnavailable: 'This browser does not let this page keep the workspace: before closing, use “Save workspace” to keep it as a .json file',
  noData: 'No data', yes: 'yes', no: 'no', total: 'Total', edit: 'Edit', loading: 'Loading…', exampleLoaded: 'Example city loaded',
  fpMatch: 'result fingerprints match the ones in the file', fpMismatch: 'result fingerprints differ from the ones in the file!', metric: 'Metric',
  hospitalData: 'Institution data', editCellHint: 'Edit cells directly; Enter to confirm, Esc to cancel', keyboardHint: 'Arrow keys to move, Enter opens the institution',
};

const tables: Record<Lang, Record<MsgKey, string>> = { zh, en };

/** Look up a message; `{name}` placeholders are filled from `vars`. */
export function msg(lang: Lang, key: MsgKey, vars?: Record<string, string | number>): string {
  let s = tables[lang][key] ?? zh[key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
