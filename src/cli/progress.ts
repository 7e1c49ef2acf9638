// A progress bar on stderr for long batch runs; silent when stderr is not a terminal.

export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly format: (n: number) => string = String,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 1;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((Math.min(done, this.total) / this.total) * width);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.format(done)}/${this.format(this.total)}`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
