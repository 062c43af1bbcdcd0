// Process entry of the bundle (dist/server/main.js): the transfernet command line.
import { runCli } from './cli';

await runCli(process.argv);
