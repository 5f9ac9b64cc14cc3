/** One figure as `npm run bench` prints it: `bench: <name> <value> <unit>`. */
export const printFigure = (name: string, value: number, unit: string): void =>
  console.log(`bench: ${name} ${value.toFixed(unit === 'ms' ? 1 : 2)} ${unit}`);
