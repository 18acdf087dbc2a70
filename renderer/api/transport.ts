// What every screen talks to: the contract's channels, one typed `call`, whichever surface carries it
// (the desktop app's preload, or browser mode's HTTP). Screens never know which; they also never
// compute what the engine already does — they ask the contract.
import type { ChannelInput, ChannelOutput, JobEvent, MenuCommand } from '../../main/api/bridge.ts';
import type { Channel } from '../../main/api/channels.ts';
import type { ErrorPayload } from '../../main/api/contract.ts';

export type { ChannelInput, ChannelOutput, JobEvent, MenuCommand, Channel, ErrorPayload };

export type CallOptions = {
  /** Aborting cancels the job on the other side (a worker is stopped), and the call rejects CANCELLED. */
  signal?: AbortSignal;
  onProgress?: (event: JobEvent) => void;
};

/** A refusal from the contract, as the screens show it: a stable code and the user's words. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message.en);
    this.name = 'ApiError';
    this.payload = payload;
  }
  get code(): string {
    return this.payload.code;
  }
}

const UNEXPECTED: ErrorPayload = {
  code: 'UNEXPECTED',
  message: { fr: "Une erreur inattendue s'est produite.", en: 'An unexpected error occurred.' },
};

/** Anything a call can throw, as the payload a screen shows: a refusal as it came, the rest UNEXPECTED. */
export const payloadOf = (error: unknown): ErrorPayload =>
  error instanceof ApiError ? error.payload : UNEXPECTED;

export type CatalogApi = {
  call<C extends Channel>(
    channel: C,
    request: ChannelInput<C>,
    options?: CallOptions,
  ): Promise<ChannelOutput<C>>;
};

/** What only a surface can do: choose files, show them, reach the menus. */
export type Shell = {
  mode: 'desktop' | 'browser';
  /** A native open dialog (desktop); undefined in browser mode, where the Open screen uploads or takes a typed path. */
  chooseWorkbook?(): Promise<string | undefined>;
  /** A native folder dialog (desktop). */
  chooseFolder?(): Promise<string | undefined>;
  chooseProjectToOpen?(): Promise<string | undefined>;
  chooseProjectToSave?(suggestedName: string): Promise<string | undefined>;
  /** A file dropped or picked in the page: its path on the machine (desktop) or after upload (browser). */
  receiveFile(file: File): Promise<string | undefined>;
  /** A path the user typed (browser mode): checked to exist, then allowed. */
  choosePath?(path: string, kind: 'file' | 'folder', create?: boolean): Promise<string>;
  /** Where outputs go when the user chose nothing (browser mode's per-run folder). */
  defaultOutputs?(): Promise<string | undefined>;
  showInFolder?(path: string): Promise<void>;
  /** A link to fetch a written file (browser mode). */
  downloadUrl?(path: string): string;
  onMenu(listener: (command: MenuCommand) => void): () => void;
};

export type Surface = { api: CatalogApi; shell: Shell };
