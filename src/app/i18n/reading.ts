/** Messages of issue 10's reading aids (waterfalls, formula names, peer groups, the fund report), merged into index.ts. */
export const zhReading = {
  owedMadeUp: '年终应付与清算补（扣）的构成', owedChange: '与“{name}”相比：年终应付的变化',
  owedChangeNone: '与“{name}”相比，年终应付没有变化。',
  peerBasisLevelWide: '同级（同级同类不足 {min} 家）', peerBasisCategory: '同类（同级不足 {min} 家）', peerBasisPool: '同一分配池（同级、同类均不足 {min} 家）',
  peerBasisAll: '全部机构',
};

export const enReading: Record<keyof typeof zhReading, string> = {
  owedMadeUp: 'How the year’s payment and balance are made up', owedChange: 'Against “{name}”: how what is owed changes',
  owedChangeNone: 'Against “{name}”, what is owed does not change.',
  peerBasisLevelWide: 'same level (fewer than {min} of the same level and category)', peerBasisCategory: 'same category (fewer than {min} of the same level)',
  peerBasisPool: 'same pool (fewer than {min} of the same level or category)', peerBasisAll: 'all institutions',
};
