// The benches' static server: python3's http.server on 127.0.0.1, waited for until it answers.
import { spawn } from 'node:child_process';

/** Serve `dir` on `port`; resolves to { server, base } once a GET of `/` succeeds. */
export async function serve(dir, port) {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  let failed = null;
  server.on('error', (e) => { failed = e; });
  for (let i = 0; i < 100 && !failed; i++) {
    // A server that exited (its port taken) must not pass for one that answers.
    if (server.exitCode !== null) throw new Error(`the static server on port ${port} exited (port in use?)`);
    try {
      if ((await fetch(base)).ok && server.exitCode === null) return { server, base };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`the static server on port ${port} did not start${failed ? `: ${failed.message}` : ''}`);
}
