// Entry point of the bundled CLI (dist/cli.js): runs the command and sets the exit code.
import { main } from './main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
