// The late part of the page's wasm: the log reader, the knowledge base, the incidents, the
// ties, the cluster.conf analysis and redaction (web/src/late.rs). scripts/build-web.sh splits
// it out of the page's wasm into late-<hash>.wasm, named in the boot script's data-late, so a
// visit that checks only a corosync.conf starts without it. The page's wasm imports the loader
// below from this file; the late wasm is instantiated into the page's own memory, function
// table and globals (the `__wasm_split` imports), which fills in the table slots its entry
// point is called through.
let loading = null;

async function load() {
  const main = await globalThis.corocheckWasm;
  const url = document.querySelector('script[data-late]').dataset.late;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await WebAssembly.instantiate(await response.arrayBuffer(), { __wasm_split: main });
  return main;
}

// Called by the page's wasm: load the late part (once), then call `done(data, ok)`, a function
// of the page's wasm given as its index in the function table.
export function __wasm_split_load_late_0_run(done, data) {
  if (!loading) {
    loading = load();
    // A failed load is tried again on the next call.
    loading.catch(() => { loading = null; });
  }
  loading.then(
    (main) => main.__indirect_function_table.get(done)(data, true),
    async (e) => {
      console.warn('corocheck: the log and cluster.conf analysis could not be loaded:', e);
      (await globalThis.corocheckWasm).__indirect_function_table.get(done)(data, false);
    },
  );
}
