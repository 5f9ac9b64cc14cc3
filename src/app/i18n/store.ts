/** Messages of keeping the workspace in this browser: recovery, version history, other tabs, files (merged into index.ts). */
export const zhStore = {
  recoveryTitle: '本机保存的工作区无法载入',
  recoveryBody: '它原样保留在本机浏览器中，未作任何改动。在您作出选择之前，页面不会自动保存，也不能编辑（下方暂时显示示例城市）。问题如下：',
  recoveryDownload: '下载原样数据', recoveryOpen: '打开修复后的文件…', recoveryDiscard: '弃用它，从示例重新开始',
  recoveryConfirm: '弃用本机保存的工作区？它会被另存一旁（不删除），此后从示例城市开始，随改随存。',
  recoveryDiscarded: '已弃用无法载入的本机工作区（原样另存为 {key}）；现从示例城市开始，随改随存',
  recoveryRepaired: '已打开 {name}，它取代了无法载入的本机工作区（原样另存为 {key}）',
  recoveryFirst: '请先处理上方“本机保存的工作区无法载入”：下载原样数据、打开修复后的文件，或弃用它',
  recoveryDropped: '已恢复上次的工作区；最后 {n} 项改动未通过检查，未予恢复',
  importRefusedGate: '未导入 {file}：导入后方案无法计算，方案未作任何改动。问题如下：',
  importStale: '导入期间工作区已有改动，未导入；请重新导入',
  storeUnavailable: '本浏览器无法保存工作区（IndexedDB 不可用），关闭页面后改动不会保留；请随时“保存工作区”到文件',
  saveFollow: '只读：另一标签页正在编辑',
  otherTab: '此工作区正在另一个标签页中编辑：本页只读，随其改动自动更新。请在那个标签页中修改，或关闭它后在此编辑',
  otherTabNow: '另一个标签页已关闭：现在可在本页编辑，显示的是最后保存的工作区',
} as const;

export const enStore: Record<keyof typeof zhStore, string> = {
  recoveryTitle: 'The workspace kept in this browser cannot be loaded',
  recoveryBody: 'It is kept exactly as it was, untouched. Until you decide, this page saves nothing and cannot be edited (the example city is shown below for now). What is wrong:',
  recoveryDownload: 'Download it as it is', recoveryOpen: 'Open the repaired file…', recoveryDiscard: 'Discard it and start from the example',
  recoveryConfirm: 'Discard the workspace kept in this browser? It is set aside (not deleted); from then on the example city is kept as you edit it.',
  recoveryDiscarded: 'The workspace that could not be loaded was set aside as it is ({key}); starting from the example city, kept as you edit',
  recoveryRepaired: 'Opened {name}; it replaces the workspace that could not be loaded (set aside as it is: {key})',
  recoveryFirst: 'First deal with “The workspace kept in this browser cannot be loaded” above: download it, open the repaired file, or discard it',
  recoveryDropped: 'Restored your last workspace; its last {n} change(s) failed the check and were not restored',
  importRefusedGate: '{file} was not imported: the scenario could not be computed with it; nothing changed. What is wrong:',
  importStale: 'The workspace changed while importing; nothing was imported — import again',
  storeUnavailable: 'This browser cannot keep the workspace (IndexedDB is unavailable); changes are lost when the page closes — save the workspace to a file',
  saveFollow: 'Read-only: another tab is editing',
  otherTab: 'This workspace is being edited in another tab: this one is read-only and follows its changes. Edit there, or close that tab to edit here',
  otherTabNow: 'The other tab was closed: you can edit here now; this is the workspace as last saved',
};
