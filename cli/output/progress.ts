import { SingleBar } from 'cli-progress';
import type { OutputStream } from '../io.ts';
import { bytes } from './render.ts';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A status line on stderr while something is waited for: a spinner redrawn
 * in place on a terminal; elsewhere (a log, a test) one line per change.
 */
export class StatusLine {
  private frame = 0;
  private last = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly stream: OutputStream) {
    if (stream.isTTY) this.timer = setInterval(() => this.draw(), 100);
  }

  update(text: string): void {
    if (text === this.last) return;
    this.last = text;
    if (this.stream.isTTY) this.draw();
    else this.stream.write(`${text}\n`);
  }

  /** Ends the line with a final word (✔ or ✖ on a terminal). */
  done(text: string, ok: boolean): void {
    if (this.timer) clearInterval(this.timer);
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${ok ? '✔' : '✖'} ${text}\n`);
    else this.stream.write(`${text}\n`);
  }

  private draw(): void {
    this.frame = (this.frame + 1) % FRAMES.length;
    this.stream.write(`\r\x1b[K${FRAMES[this.frame]} ${this.last}`);
  }
}

/** A byte progress bar (cli-progress) on stderr; on a non-terminal it prints its state every second and at the end. */
export class ByteProgress {
  private readonly bar: SingleBar;
  private readonly started = Date.now();
  private value: number;

  constructor(
    stream: OutputStream,
    label: string,
    private readonly total: number,
    private readonly already = 0,
  ) {
    this.value = already;
    this.bar = new SingleBar({
      stream: stream as NodeJS.WritableStream,
      format: `${label} [{bar}] {percentage}% | {done} of {size} | {speed}`,
      barCompleteChar: '#',
      barIncompleteChar: '-',
      hideCursor: stream.isTTY === true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    });
    this.bar.start(total, already, this.payload());
  }

  add(sent: number): void {
    this.value += sent;
    this.bar.update(this.value, this.payload());
  }

  stop(): void {
    this.bar.update(this.value, this.payload());
    this.bar.stop();
  }

  private payload() {
    const elapsed = Math.max(1, Date.now() - this.started);
    return { done: bytes(this.value), size: bytes(this.total), speed: `${bytes(Math.round(((this.value - this.already) * 1000) / elapsed))}/s` };
  }
}
