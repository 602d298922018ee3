export * from './common.js';
export * from './document.js';
export * from './table.js';
export * from './facts.js';
export * from './finding.js';
export * from './doelenboom.js';
export * from './triage.js';
