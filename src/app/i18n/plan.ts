/** Messages of the planning views: several years, sweeps and Monte Carlo risk (merged into index.ts). */
export const zh3 = {
  tabYears: '多年度测算',
  yearsTitle: '多年度测算（鞭打快牛）', yearsParams: '测算参数（保存在方案文件中，接收方看到同样的结果）',
  yearsCount: '测算年数（2–10）', baseRule: '下一年基数', ruleActual: '按实际发生（结余机构下年基数下降）',
  ruleTarget: '按总额控制指标（结余不降低基数）', ruleActualPlusRetained: '按实际发生＋结余留用',
  revenueGrowth: '基金收入年增长率', budgetGrowth: '基金支出预算年增长率', growthHint: '如 0.05 表示每年增长 5%',
  lockedTargets: '协商锁定指标', lockedKeep: '以后各年保持', lockedRelease: '第二年起按权重分配',
  warningMonths: '可支付月数预警线（月）', fundPath: '基金运行', yearN: '第{n}年', yearCol: '年度',
  belowWarning: '低于预警线', warningLine: '预警线 {m} 个月', saver: '结余最多的机构', spender: '超支最多的机构',
  saverRate: '累计结余率 {rate}', spenderRate: '累计超支率 {rate}', noSaver: '没有机构在测算期内结余', noSpender: '没有机构在测算期内超支',
  rewardCol: '结余留用/奖励', fundShareCol: '基金分担超支', nextBase: '下年基数',
  variantsOverYears: '各方案同期比较', yearsStopped: '第{n}年无法清算，测算到此为止：', yearsRunning: '正在测算…',
  institutionPaths: '机构逐年情况', fpShort: '结果指纹',
} as const;

export const en3: Record<keyof typeof zh3, string> = {
  tabYears: 'Several years',
  yearsTitle: 'Several years (the ratchet)', yearsParams: 'Run parameters (kept in the scenario file: a receiver sees the same paths)',
  yearsCount: 'Years (2–10)', baseRule: 'Next year’s base', ruleActual: 'Actual spending (a saver’s base shrinks)',
  ruleTarget: 'Target (savings never cut the base)', ruleActualPlusRetained: 'Actual + retained surplus',
  revenueGrowth: 'Fund revenue growth per year', budgetGrowth: 'Budget growth per year', growthHint: 'e.g. 0.05 for +5% a year',
  lockedTargets: 'Negotiated (locked) targets', lockedKeep: 'kept in later years', lockedRelease: 'allocated by weight from year two',
  warningMonths: 'Warning line, months of coverage', fundPath: 'Fund path', yearN: 'Year {n}', yearCol: 'Year',
  belowWarning: 'below the warning line', warningLine: 'warning line {m} months', saver: 'Largest saver', spender: 'Largest overspender',
  saverRate: 'cumulative surplus rate {rate}', spenderRate: 'cumulative overspend rate {rate}', noSaver: 'Nobody saved over the run', noSpender: 'Nobody overspent over the run',
  rewardCol: 'Reward (retained surplus)', fundShareCol: 'Fund share of overspend', nextBase: 'Next year’s base',
  variantsOverYears: 'Scenarios over the same years', yearsStopped: 'Year {n} cannot be settled; the run stops there:', yearsRunning: 'Running…',
  institutionPaths: 'Institutions year by year', fpShort: 'Fingerprint',
};
