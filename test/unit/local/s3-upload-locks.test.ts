import { describe, expect, it } from 'vitest';
import { UploadLocks } from '#local/emulators/s3-front/multipart/upload-locks.ts';

/** Records the order in which lock holders start. */
function recorder() {
  const started: string[] = [];
  return { started, take: (name: string, lock: Promise<() => void>) => lock.then((release) => (started.push(name), release)) };
}

describe('UploadLocks', () => {
  it('lets parts of one upload be stored side by side', async () => {
    const locks = new UploadLocks();
    const { started, take } = recorder();

    await Promise.all([take('part 1', locks.shared('b/u')), take('part 2', locks.shared('b/u'))]);

    expect(started).toEqual(['part 1', 'part 2']);
  });

  it('makes a completion wait for the parts in flight, and parts that come after it wait for it', async () => {
    const locks = new UploadLocks();
    const { started, take } = recorder();
    const part = await take('part 1', locks.shared('b/u'));
    const completion = take('complete', locks.exclusive('b/u'));
    const late = take('part 2', locks.shared('b/u'));
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['part 1']);

    part();
    const releaseCompletion = await completion;
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toEqual(['part 1', 'complete']);

    releaseCompletion();
    await late;
    expect(started).toEqual(['part 1', 'complete', 'part 2']);
  });

  it('runs completions of one upload one at a time, and never blocks another upload', async () => {
    const locks = new UploadLocks();
    const { started, take } = recorder();
    const first = await take('complete 1', locks.exclusive('b/u'));
    const second = take('complete 2', locks.exclusive('b/u'));

    await take('other upload', locks.exclusive('b/v'));
    expect(started).toEqual(['complete 1', 'other upload']);

    first();
    first();
    await second;
    expect(started).toEqual(['complete 1', 'other upload', 'complete 2']);
  });
});
