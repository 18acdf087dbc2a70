// @vitest-environment node
// The event stream's hub: each listening page gets every progress event as `event: progress`, a
// comment line keeps a quiet stream alive, a page that went away is dropped, and close ends all.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_MS, eventHub, progressMessage } from '../../../main/server/events.ts';

/** Just what the hub uses of a response: its head, what is written, its end and its close. */
class FakeResponse extends EventEmitter {
  head: Record<string, string> = {};
  written = '';
  writableEnded = false;
  writeHead(_status: number, head: Record<string, string>) {
    this.head = head;
    return this;
  }
  write(text: string) {
    this.written += text;
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
}

const fake = () => new FakeResponse() as FakeResponse & ServerResponse;

afterEach(() => vi.useRealTimers());

describe('event hub', () => {
  it('sends each progress event to every listening page, as text/event-stream', () => {
    const hub = eventHub();
    const [a, b] = [fake(), fake()];
    hub.attach(a);
    hub.attach(b);
    expect(a.head['Content-Type']).toBe('text/event-stream; charset=utf-8');
    expect(a.head['Cache-Control']).toBe('no-store');
    hub.broadcast({ job: 'j1', stage: 'layout', done: 3, total: 9 });
    const message = 'event: progress\ndata: {"job":"j1","stage":"layout","done":3,"total":9}\n\n';
    expect(progressMessage({ job: 'j1', stage: 'layout', done: 3, total: 9 })).toBe(message);
    expect(a.written.endsWith(message)).toBe(true);
    expect(b.written.endsWith(message)).toBe(true);
    hub.close();
  });

  it('keeps a quiet stream alive with a comment line every 15 s', () => {
    vi.useFakeTimers();
    const hub = eventHub();
    const page = fake();
    hub.attach(page);
    const before = page.written;
    vi.advanceTimersByTime(KEEP_ALIVE_MS);
    expect(page.written.slice(before.length)).toBe(': keep-alive\n\n');
    expect(KEEP_ALIVE_MS).toBe(15_000);
    hub.close();
  });

  it('drops a page that went away, and ends every stream on close', () => {
    const hub = eventHub();
    const [gone, stays] = [fake(), fake()];
    hub.attach(gone);
    hub.attach(stays);
    gone.emit('close');
    expect(hub.size).toBe(1);
    const written = gone.written;
    hub.broadcast({ job: 'j', stage: 'pdf', done: 1 });
    expect(gone.written).toBe(written);
    hub.close();
    expect([hub.size, stays.writableEnded]).toEqual([0, true]);
  });
});
