// A format worker: receives one batch of files, returns them formatted by prettier. Plain JS (not
// TS) because worker threads start without the TS loader the main process runs under.
import { parentPort } from 'node:worker_threads';
import * as prettier from 'prettier';

parentPort.on('message', async ({ files, options }) => {
  const out = [];
  try {
    for (const [path, text] of files)
      out.push([path, await prettier.format(text, { ...options, filepath: path })]);
    parentPort.postMessage({ ok: true, files: out });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error?.message ?? error) });
  }
});
