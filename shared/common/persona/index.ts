export * from './synced';
export * from './crm';
export * from './local-fields';
export * from './rules';
export * from './to-upsert';
export * from './grounding';
