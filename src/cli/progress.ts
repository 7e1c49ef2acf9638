// A progress bar on stderr for long batch runs; silent when stderr is not a terminal.

export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;

  constructor(private readonly total: number, private readonly label: string, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY) && total > 1;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total}`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
