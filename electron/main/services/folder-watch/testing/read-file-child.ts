/** Prints what readWatchedFile finds for argv[2]: run as another user to see permissions at work. */
import { readWatchedFile } from '../file-intake.js';

process.stdout.write(JSON.stringify(await readWatchedFile(process.argv[2] ?? '')));
