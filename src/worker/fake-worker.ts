import type { RequestMessage, WorkerEvent } from './protocol';

/**
 * A Worker stand-in for tests of the main-thread client: records what it is sent, and answers,
 * reports a status or crashes on demand.
 */
export class FakeWorker {
  static made: FakeWorker[] = [];
  sent: RequestMessage[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: RequestMessage) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: WorkerEvent) {
    this.onmessage?.({ data: m } as MessageEvent<WorkerEvent>);
  }
  crash(message: string) {
    this.onerror?.({ message } as ErrorEvent);
  }
}
