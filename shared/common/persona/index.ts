export * from './synced';
