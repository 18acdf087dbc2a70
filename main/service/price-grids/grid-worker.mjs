// Entry of a price-grid batch thread (see grid-pool.ts). A worker thread starts without the parent's
// TypeScript loader, under vitest as under bin/catalog.mjs: register tsx, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./grid-worker.ts');
