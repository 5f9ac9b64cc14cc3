/**
 * The house rules of docs/ARCHITECTURE.md, held against the code: no import runs up a floor,
 * no floor uses a package it should not (the engine never sees lit, comlink or Node), and the
 * source files form no import cycle across floors.
 */
import { describe, expect, it } from 'vitest';
import { importGraph, type Edge } from './graph.ts';
import { KNOWN, ZONES, zoneOf } from './rules.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const edges = importGraph(ROOT, ['src', 'workers', 'bin']);

/** Allowed when the target is the zone's own, one it uses, or (type-only) one it knows. */
function allowed(e: Edge): boolean {
  const zone = zoneOf(e.from);
  if (!zone) return false;
  const rules = ZONES[zone]!;
  if (!e.to.startsWith('src/') && !e.to.startsWith('workers/') && !e.to.startsWith('bin/')) {
    return rules.packages.some((p) => e.to === p || e.to.startsWith(`${p}/`));
  }
  const under = (z: string) => e.to === z || e.to.startsWith(`${z}/`);
  if (under(zone)) return true;
  if (rules.uses.some(under)) return true;
  return e.typeOnly && (rules.knows ?? []).some(under);
}

describe('imports follow docs/ARCHITECTURE.md', () => {
  it('reads a graph of the whole source tree', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(new Set(edges.map((e) => e.from)).size).toBeGreaterThan(100);
  });

  it('every source file belongs to a floor', () => {
    expect(edges.filter((e) => zoneOf(e.from) === null).map((e) => e.from)).toEqual([]);
  });

  it('no import runs up a floor or reaches a package the floor may not use', () => {
    const bad = edges.filter((e) => !allowed(e));
    const known = new Set(KNOWN);
    const isKnown = (e: Edge) => known.has(`${e.from} → ${e.to}`);
    console.log(`imports: ${edges.length} edges checked, ${bad.length} forbidden (${bad.filter(isKnown).length} on the known list, being mended)`);
    expect(bad.filter((e) => !isKnown(e)).map((e) => `${e.from}:${e.line} → ${e.to}${e.typeOnly ? ' (type)' : ''}`)).toEqual([]);
    // The known list only shrinks: an entry that no longer occurs must be struck off.
    const occurring = new Set(bad.map((e) => `${e.from} → ${e.to}`));
    expect(KNOWN.filter((k) => !occurring.has(k))).toEqual([]);
  });

  it('no cycle between floors', () => {
    // Floors as nodes, value imports as arrows: a cycle would mean two floors depend on each other.
    const next = new Map<string, Set<string>>();
    for (const e of edges) {
      const a = zoneOf(e.from);
      const b = zoneOf(e.to);
      if (!a || !b || a === b || e.typeOnly || b.startsWith(`${a}/`)) continue;
      if (!next.has(a)) next.set(a, new Set());
      next.get(a)!.add(b);
    }
    const cycles: string[] = [];
    const visit = (z: string, path: string[]) => {
      for (const n of next.get(z) ?? []) {
        if (path.includes(n)) cycles.push([...path.slice(path.indexOf(n)), n].join(' → '));
        else visit(n, [...path, n]);
      }
    };
    for (const z of next.keys()) visit(z, [z]);
    expect(cycles).toEqual([]);
  });

  it('no cycle between source files', () => {
    // Files as nodes, every import (types too) as an arrow: a circle hides which file is the
    // foundation. Reported as the first circle found from each file, so a fix names both ends.
    const next = new Map<string, string[]>();
    for (const e of edges) {
      if (!e.to.startsWith('src/') && !e.to.startsWith('workers/') && !e.to.startsWith('bin/')) continue;
      if (e.to === e.from) continue; // a worker naming its own URL is no import
      next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    }
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (f: string, path: string[]) => {
      state.set(f, 'open');
      for (const n of next.get(f) ?? []) {
        if (state.get(n) === 'open') circles.push([...path.slice(path.indexOf(n)), n].join(' → '));
        else if (!state.has(n)) visit(n, [...path, n]);
      }
      state.set(f, 'done');
    };
    for (const f of next.keys()) if (!state.has(f)) visit(f, [f]);
    expect(circles).toEqual([]);
  });
});
