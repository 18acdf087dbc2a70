// What the desktop app's preload puts on `window.catalog`, and what the renderer reads there: named
// methods only — one per channel of the contract, cancel, progress, and the shell's dialogs — never
// a raw ipcRenderer. Types only: the preload implements it (main/app/preload.ts), the renderer
// consumes it (renderer/api/ipc-transport.ts), and neither pulls the other's code.
import type { z } from 'zod';
import type { CHANNELS, Channel } from './channels.ts';
import type { ErrorPayload } from './contract.ts';
import type { Progress } from '../engine/progress.ts';

export type ChannelInput<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof CHANNELS)[C]['response']>;

/** A call's outcome as it crosses a process boundary: the value, or the refusal's payload. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A progress event of one job, tagged with the id its caller gave. */
export type JobEvent = Progress & { job: string };

/** Commands a native menu sends to the renderer. */
export type MenuCommand =
  | { command: 'open' }
  | { command: 'open-project'; path: string }
  /** A workbook the system asked the app to open (command line, macOS 'open-file'), already allowed. */
  | { command: 'open-workbook'; path: string }
  | { command: 'save' }
  | { command: 'save-as' }
  | { command: 'language'; lang: 'fr' | 'en' };

export type DesktopBridge = {
  mode: 'desktop';
  /** One method per channel; `job` is the caller's id for progress and cancel of a long channel. */
  call: { [C in Channel]: (request: ChannelInput<C>, job?: string) => Promise<Outcome<ChannelOutput<C>>> };
  cancel(job: string): Promise<void>;
  onProgress(listener: (event: JobEvent) => void): () => void;
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Native dialogs: the path the user chose (and the app now allows), or undefined when cancelled. */
  chooseWorkbook(): Promise<string | undefined>;
  chooseFolder(): Promise<string | undefined>;
  chooseProjectToOpen(): Promise<string | undefined>;
  chooseProjectToSave(suggestedName: string): Promise<string | undefined>;
  /** A workbook dropped on the window: its path, allowed when it is a workbook that exists. */
  dropWorkbook(file: File): Promise<string | undefined>;
  showInFolder(path: string): Promise<void>;
  /** http and https links only. */
  openExternal(url: string): Promise<void>;
};
