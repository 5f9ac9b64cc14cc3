/** Messages of issue 10's reading aids (waterfalls, formula names, peer groups, the fund report), merged into index.ts. */
export const zhReading = {
  owedMadeUp: '年终应付与清算补（扣）的构成', balanceChange: '与“{name}”相比：清算补（扣）为何变化',
  balanceChangeNone: '与“{name}”相比，清算补（扣）没有变化：年终应付、已拨付和预付周转金都相同。',
  peerBasisLevelWide: '同级（同级同类不足 {min} 家）', peerBasisCategory: '同类（同级不足 {min} 家）', peerBasisPool: '同一分配池（同级、同类均不足 {min} 家）',
  peerBasisAll: '全部机构',
};

export const enReading: Record<keyof typeof zhReading, string> = {
  owedMadeUp: 'How the year’s payment and balance are made up', balanceChange: 'Against “{name}”: why the balance due changes',
  balanceChangeNone: 'Against “{name}”, the balance due does not change: what is owed, paid and advanced are the same.',
  peerBasisLevelWide: 'same level (fewer than {min} of the same level and category)', peerBasisCategory: 'same category (fewer than {min} of the same level)',
  peerBasisPool: 'same pool (fewer than {min} of the same level or category)', peerBasisAll: 'all institutions',
};
