// corocheck's large-file worker (web/src/big.rs has the protocol). It loads a wasm of its own,
// built for speed (worker/, dist/worker/: the page names its files), and analyses files too
// large for the page's thread:
// it reads each file straight into the wasm, reports progress, sends a summary, then sends
// rows of findings as the page's list asks for them. New texts or settings are analysed
// again without reading the files again. The page stops it with terminate() (Cancel).
// Nothing here talks to anything but the page.
const SLICE = 8 << 20;
let app = null;

function analyse(m) {
  for (const [name, text, pasted] of m.texts) app.bigText(name, text, pasted);
  const summary = app.bigAnalyze(m.target, m.profile, (d, t) =>
    postMessage({ op: 'progress', run: m.run, phase: 'analyse', done: d, total: t }));
  postMessage({ op: 'done', run: m.run, summary });
}

async function run(m) {
  app = await import(m.js);
  const wasm = await app.default({ module_or_path: m.wasm });
  // For the bench (tests/e2e/bench-big.mjs): the wasm's memory, to tell it from the rest.
  self.wasmBytes = () => wasm.memory.buffer.byteLength;
  const total = m.files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  let told = 0;
  const push = (bytes) => {
    app.bigPush(bytes);
    done += bytes.length;
    // Reads may come in small pieces: tell the page about every half percent.
    if (done - told >= total / 200 || done === total) {
      told = done;
      postMessage({ op: 'progress', run: m.run, phase: 'read', done, total });
    }
  };
  for (const f of m.files) {
    app.bigFile(f.name, f.size);
    // One buffer for the whole file (a BYOB reader hands it back after each read), so the
    // file is not left behind in slices for the garbage collector while the analysis runs.
    let reader = null;
    try {
      reader = f.stream().getReader({ mode: 'byob' });
    } catch {}
    if (reader) {
      let buf = new ArrayBuffer(SLICE);
      for (;;) {
        const { value, done: end } = await reader.read(new Uint8Array(buf, 0, SLICE));
        if (end) break;
        push(value);
        buf = value.buffer;
      }
    } else {
      for (let at = 0; at < f.size; at += SLICE) push(new Uint8Array(await f.slice(at, at + SLICE).arrayBuffer()));
    }
  }
  analyse(m);
}

onmessage = async (e) => {
  const m = e.data;
  try {
    if (m.op === 'run') await run(m);
    else if (m.op === 'analyse' && app) {
      app.bigKeepFiles();
      analyse(m);
    } else if (m.op === 'rows' && app) {
      const rows = app.bigRows(m.filter, m.start, m.count);
      postMessage({ op: 'rows', run: m.run, filter: m.filter, start: m.start, rows });
    }
  } catch (err) {
    postMessage({ op: 'error', run: m.run, message: String((err && err.message) || err) });
  }
};
