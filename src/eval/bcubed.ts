/**
 * B-cubed precision/recall/F1 (Bagga & Baldwin 1998) of a clustering against gold
 * classes: for each item, the share of its system cluster that shares its gold class
 * (precision) and the share of its gold class that shares its system cluster (recall),
 * averaged over items.
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

export function bcubed(items: readonly { system: string; gold: string }[]): BCubed {
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };
  const bySystem = new Map<string, number>();
  const byGold = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (const { system, gold } of items) {
    bySystem.set(system, (bySystem.get(system) ?? 0) + 1);
    byGold.set(gold, (byGold.get(gold) ?? 0) + 1);
    const both = `${system}\u0000${gold}`;
    byBoth.set(both, (byBoth.get(both) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const { system, gold } of items) {
    const both = byBoth.get(`${system}\u0000${gold}`)!;
    precision += both / bySystem.get(system)!;
    recall += both / byGold.get(gold)!;
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, items: items.length };
}
