// Entry of a job's worker thread (see run-job.ts). A worker thread starts without the parent's
// TypeScript loader, under vitest as under bin/catalog.mjs: register tsx, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./job-worker.ts');
