type Release = () => void;

interface Waiter {
  readonly exclusive: boolean;
  readonly grant: () => void;
}

interface LockState {
  readers: number;
  writing: boolean;
  readonly queue: Waiter[];
}

/**
 * One lock per multipart upload. Parts may be stored side by side (shared);
 * completing or aborting waits for them and runs alone (exclusive), so
 * s3rver never assembles or deletes an upload while another request is
 * writing or reading its files. Waiters are served in arrival order.
 */
export class UploadLocks {
  private readonly locks = new Map<string, LockState>();

  shared(upload: string): Promise<Release> {
    return this.acquire(upload, false);
  }

  exclusive(upload: string): Promise<Release> {
    return this.acquire(upload, true);
  }

  private acquire(upload: string, exclusive: boolean): Promise<Release> {
    const state = this.locks.get(upload) ?? { readers: 0, writing: false, queue: [] };
    this.locks.set(upload, state);
    return new Promise((resolve) => {
      state.queue.push({ exclusive, grant: () => resolve(this.releaser(upload, state, exclusive)) });
      this.serve(upload, state);
    });
  }

  private serve(upload: string, state: LockState): void {
    for (let next = state.queue[0]; next; next = state.queue[0]) {
      const free = next.exclusive ? state.readers === 0 && !state.writing : !state.writing;
      if (!free) return;
      state.queue.shift();
      if (next.exclusive) state.writing = true;
      else state.readers += 1;
      next.grant();
    }
    if (state.readers === 0 && !state.writing) this.locks.delete(upload);
  }

  private releaser(upload: string, state: LockState, exclusive: boolean): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) state.writing = false;
      else state.readers -= 1;
      this.serve(upload, state);
    };
  }
}
