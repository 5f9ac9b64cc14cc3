/**
 * A streamed workbook's style ids found by the identity of a cell's style parts. exceljs works
 * out a cell's id by writing its whole style as XML and looking that text up (and remembers
 * each cell's style object in a WeakMap), for every cell: at 200,000 institutions, tens of
 * millions of times, the largest single cost of `gbsim run --xlsx`. A cell's style is a fresh
 * object made of its row's and column's parts (the same objects for every cell of a column),
 * and no part is changed once set (the sheet code assigns new ones), so the same parts and
 * cell type give the same id: exceljs is asked once per combination, its id kept.
 */

/** What exceljs's addStyleModel reads of a style: its number format and parts. */
interface StyleModel {
  numFmt?: string;
  font?: object;
  border?: object;
  fill?: object;
  alignment?: object;
  protection?: object;
}

interface Known extends StyleModel {
  cellType: unknown;
  id: number;
}

type AddStyle = (model: StyleModel | undefined, cellType?: unknown) => number;

const same = (k: Known, m: StyleModel, cellType: unknown): boolean =>
  k.cellType === cellType && k.numFmt === m.numFmt && k.font === m.font && k.border === m.border &&
  k.fill === m.fill && k.alignment === m.alignment && k.protection === m.protection;

/** Route `styles.addStyleModel` (a workbook writer's styles) through a cache of the combinations seen. */
export function cacheStyleIds(styles: { addStyleModel: AddStyle }): void {
  const add = styles.addStyleModel.bind(styles);
  // A handful of combinations per sheet: a list searched newest first beats a keyed map here.
  const known: Known[] = [];
  styles.addStyleModel = (model, cellType) => {
    if (!model) return add(model, cellType);
    for (let k = known.length - 1; k >= 0; k--) if (same(known[k]!, model, cellType)) return known[k]!.id;
    const id = add(model, cellType);
    known.push({ numFmt: model.numFmt, font: model.font, border: model.border, fill: model.fill,
      alignment: model.alignment, protection: model.protection, cellType, id });
    return id;
  };
}
