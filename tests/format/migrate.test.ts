/**
 * Format v1 → v2 (src/format/migrate.ts). The v1 fixtures in tests/fixtures/v1/ are the examples
 * as v1 wrote them (plus one carrying fields that v1 ignored and v2 reads); they keep loading
 * forever, and give the fingerprints v1 gave (pinned here, computed by the v1 engine before the
 * format moved on) — the same as the v2 examples in scenarios/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, saveScenario, validateScenario } from '../../src/scenario/open.ts';
import { migrate, V1_FIELDS } from '../../src/format/migrate.ts';
import { FORMAT_VERSION } from '../../src/format/types.ts';
import { runScenario } from '../../src/engine/run.ts';
import { fingerprint } from '../../src/engine/fingerprint.ts';

const DIR = 'tests/fixtures/v1';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** What the v1 engine printed for each fixture (main at 5d21acb, before format v2). */
const V1_FINGERPRINTS: Record<string, string> = {
  'af-shortfall-topup.json': 'sha256:d4ec85f99b57d7ce',
  'af-shortfall.json': 'sha256:93844846d34650ee',
  'city.json': 'sha256:7bb17866539b9fc9',
  'claims-withholding.json': 'sha256:7db74a744d0adf8b',
  'community-prepay.json': 'sha256:e68368c3f8fc4a06',
  'min-savings-step.json': 'sha256:a85b7c3f0feed770',
  'planning-2026.json': 'sha256:923aa25bfaf45e9e',
  'reward-cap.json': 'sha256:d6a6def4c6cf3f58',
  'volume-floor.json': 'sha256:61c6d8ffeb3a7f92',
  // reward-cap with v1-ignored fields named as v2's (catalogue, points, settlement, reasonableShare).
  'v1-fields-v2-reads.json': 'sha256:d6a6def4c6cf3f58',
};

const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe('v1 fixtures', () => {
  it('are all pinned, and are version 1', () => {
    expect(files).toEqual(Object.keys(V1_FINGERPRINTS).sort());
    for (const f of files) expect(JSON.parse(read(f)).version).toBe(1);
  });

  describe.each(files)('%s', (file) => {
    it('opens as v2 with the fingerprint v1 gave', () => {
      const r = loadScenario(read(file));
      expect(r.ok ? [] : r.issues).toEqual([]);
      if (!r.ok) return;
      expect(r.scenario.version).toBe(FORMAT_VERSION);
      expect(fingerprint(runScenario(r.scenario))).toBe(V1_FINGERPRINTS[file]);
    });

    it('gives exactly the results of its v2 example (where there is one)', () => {
      let v2: string;
      try { v2 = readFileSync(join('scenarios', file), 'utf8'); } catch { return; }
      const a = loadScenario(read(file)), b = loadScenario(v2);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(runScenario(a.scenario)).toEqual(runScenario(b.scenario));
      // Only the version differs, and the wording of the sources (the examples' provenance text is
      // reworded as the app's words improve; the fixtures keep the text they were written with).
      const rules = (s: typeof a.scenario) =>
        ({ ...s, version: 0, policy: { ...s.policy, sources: Object.keys(s.policy.sources ?? {}) } });
      expect(rules(a.scenario)).toEqual(rules(b.scenario));
    });

    it('is saved as v2, and the saved file opens to the same scenario and results', () => {
      const r = loadScenario(read(file));
      if (!r.ok) throw new Error('does not load');
      const saved = saveScenario(r.scenario);
      expect(JSON.parse(saved).version).toBe(2);
      const again = loadScenario(saved);
      expect(again.ok && again.scenario).toEqual(r.scenario);
      expect(again.ok && fingerprint(runScenario(again.scenario))).toBe(V1_FINGERPRINTS[file]);
    });
  });
});

describe('the v1 → v2 step', () => {
  const doc = JSON.parse(read('v1-fields-v2-reads.json'));

  it('moves v1 fields that v2 reads under v1Fields of the same object, untouched', () => {
    const m = migrate(doc) as any;
    expect(m.version).toBe(2);
    expect(m.catalogue).toBeUndefined();
    expect(m[V1_FIELDS]).toEqual({ catalogue: doc.catalogue });
    expect(m.policy.points).toBeUndefined();
    expect(m.policy[V1_FIELDS]).toEqual({ points: { pointValueCap: '1.1' } });
    expect(m.policy.pools[0].settlement).toBeUndefined();
    expect(m.policy.pools[0][V1_FIELDS]).toEqual({ settlement: 'points' });
    expect(m.hospitals[0].points).toBeUndefined();
    expect(m.hospitals[0].reasonableShare).toBeUndefined();
    expect(m.hospitals[0][V1_FIELDS]).toEqual({ points: { total: 'not points' }, reasonableShare: '0.1' });
    // Merged with what was already there; other fields keep their order and values.
    expect(m.hospitals[1][V1_FIELDS]).toEqual({ note: 'already here', reasonableShare: 0 });
    expect(Object.keys(m.hospitals[2])).toEqual(Object.keys(doc.hospitals[2]));
  });

  it('never modifies its input', () => {
    const before = JSON.stringify(doc);
    migrate(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('keeps what it moved through a save', () => {
    const r = validateScenario(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const saved = JSON.parse(saveScenario(r.scenario));
    expect(saved.hospitals[0][V1_FIELDS].points).toEqual({ total: 'not points' });
    expect(saved.policy.pools[0][V1_FIELDS]).toEqual({ settlement: 'points' });
  });

  it('leaves a v2 file as it is (v2 fields are read, not moved)', () => {
    const v2 = { ...JSON.parse(readFileSync('scenarios/reward-cap.json', 'utf8')) };
    v2.hospitals = v2.hospitals.map((h: object, i: number) => (i === 0 ? { ...h, reasonableShare: '0.5' } : h));
    expect(migrate(v2)).toEqual(v2);
  });
});
