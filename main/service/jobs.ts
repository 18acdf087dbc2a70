// The service calls a job can run (main/service/run-job.ts): the long channels of the contract, with
// the schemas their request is parsed by and their answer checked against, and their handlers. What
// crosses the worker boundary is the channel's plain response — no closures, no open workbook.
import type { z } from 'zod';
import { JOB_CHANNELS } from '../api/channel-names.ts';
import { CHANNELS } from '../api/channels.ts';
import { handlers } from './handlers.ts';

// The contract names them (the preload and the surfaces read that list); the service does not repeat it.
export const JOB_NAMES = JOB_CHANNELS;
export type JobName = (typeof JOB_NAMES)[number];

export const JOBS = Object.fromEntries(
  JOB_NAMES.map((name) => [
    name,
    { request: CHANNELS[name].request, result: CHANNELS[name].response, run: handlers[name] },
  ]),
) as {
  [N in JobName]: {
    request: (typeof CHANNELS)[N]['request'];
    result: (typeof CHANNELS)[N]['response'];
    run: (typeof handlers)[N];
  };
};

export type JobRequestInput<N extends JobName> = z.input<(typeof CHANNELS)[N]['request']>;
export type JobResult<N extends JobName> = z.infer<(typeof CHANNELS)[N]['response']>;
