/** The workspace layer: baseline + variants as change lists, files, fingerprints, undo, persistence. */
export * from './types.ts';
export * from './changes.ts';
export * from './workspace.ts';
export * from './history.ts';
export * from './file.ts';
export * from '../engine/fingerprint.ts';
export * from './validate.ts';
export * from './persist.ts';
