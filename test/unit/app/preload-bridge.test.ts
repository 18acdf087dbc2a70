// The preload's bridge, built from fake IPC functions: it exposes exactly the contract's channels
// and the shell's named methods, each invoking its own channel; listeners get payloads only.
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../main/api/channel-names.ts';
import { IPC, callChannel } from '../../../main/app/ipc-names.ts';
import { makeBridge, type BridgeIo } from '../../../main/app/preload-bridge.ts';

function fakeIo(path = '/home/user/tarif.xlsx') {
  const listeners = new Map<string, (payload: unknown) => void>();
  const io: BridgeIo = {
    invoke: vi.fn(async (channel: string) => (channel === IPC.dropWorkbook ? path : undefined)),
    subscribe: vi.fn((channel: string, listener: (payload: unknown) => void) => {
      listeners.set(channel, listener);
      return () => void listeners.delete(channel);
    }),
    pathForFile: vi.fn(() => path),
  };
  return { io, listeners };
}

describe('makeBridge', () => {
  it('exposes exactly the contract’s channels under call, and the shell’s named methods', () => {
    const bridge = makeBridge(fakeIo().io);
    expect(Object.keys(bridge.call).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'mode',
        'call',
        'cancel',
        'onProgress',
        'onMenu',
        'chooseWorkbook',
        'chooseFolder',
        'chooseProjectToOpen',
        'chooseProjectToSave',
        'dropWorkbook',
        'showInFolder',
        'openExternal',
      ].sort(),
    );
    expect(bridge.mode).toBe('desktop');
    // Nothing of ipcRenderer, and nothing the page could add to.
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|invoke|send|on\b/i);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.call)).toBe(true);
  });

  it('each channel method invokes its own channel with the request and the job id', async () => {
    const { io } = fakeIo();
    const bridge = makeBridge(io);
    for (const name of CHANNEL_NAMES)
      await (bridge.call[name] as (r: unknown, j?: string) => unknown)({ n: name }, `job-${name}`);
    expect(vi.mocked(io.invoke).mock.calls).toEqual(
      CHANNEL_NAMES.map((name) => [callChannel(name), { n: name }, `job-${name}`]),
    );
  });

  it('the shell’s methods invoke their channels', async () => {
    const { io } = fakeIo();
    const bridge = makeBridge(io);
    await bridge.cancel('job-1');
    await bridge.chooseWorkbook();
    await bridge.chooseFolder();
    await bridge.chooseProjectToOpen();
    await bridge.chooseProjectToSave('Printemps');
    await bridge.showInFolder('/out/catalog.pdf');
    await bridge.openExternal('https://example.com/');
    expect(vi.mocked(io.invoke).mock.calls).toEqual([
      [IPC.cancel, 'job-1'],
      [IPC.chooseWorkbook],
      [IPC.chooseFolder],
      [IPC.chooseProjectToOpen],
      [IPC.chooseProjectToSave, 'Printemps'],
      [IPC.showInFolder, '/out/catalog.pdf'],
      [IPC.openExternal, 'https://example.com/'],
    ]);
  });

  it('a drop sends the dropped file’s path; a File without one is not sent', async () => {
    const { io } = fakeIo();
    const file = new File(['x'], 'tarif.xlsx');
    expect(await makeBridge(io).dropWorkbook(file)).toBe('/home/user/tarif.xlsx');
    expect(io.pathForFile).toHaveBeenCalledWith(file);
    expect(io.invoke).toHaveBeenCalledWith(IPC.dropWorkbook, '/home/user/tarif.xlsx');
    const none = fakeIo('');
    expect(await makeBridge(none.io).dropWorkbook(file)).toBeUndefined();
    expect(none.io.invoke).not.toHaveBeenCalled();
  });

  it('progress and menu listeners get the payload only, and can unsubscribe', () => {
    const { io, listeners } = fakeIo();
    const bridge = makeBridge(io);
    const progress = vi.fn();
    const menu = vi.fn();
    const off = bridge.onProgress(progress);
    const offMenu = bridge.onMenu(menu);
    listeners.get(IPC.progress)!({ job: 'j', stage: 'import', done: 1 });
    listeners.get(IPC.menu)!({ command: 'save' });
    expect(progress).toHaveBeenCalledExactlyOnceWith({ job: 'j', stage: 'import', done: 1 });
    expect(menu).toHaveBeenCalledExactlyOnceWith({ command: 'save' });
    off();
    expect(listeners.has(IPC.progress)).toBe(false);
    offMenu();
    listeners.get(IPC.menu)!({ command: 'save-as' });
    expect(menu).toHaveBeenCalledOnce();
  });

  it('keeps a menu command sent before the page listened, for its first listener only', () => {
    const { io, listeners } = fakeIo();
    const bridge = makeBridge(io);
    listeners.get(IPC.menu)!({ command: 'open-workbook', path: '/w/tarif.xlsx' });
    const first = vi.fn();
    const second = vi.fn();
    bridge.onMenu(first);
    bridge.onMenu(second);
    expect(first).toHaveBeenCalledExactlyOnceWith({ command: 'open-workbook', path: '/w/tarif.xlsx' });
    expect(second).not.toHaveBeenCalled();
  });
});
