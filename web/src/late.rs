//! The late part of the analysis (core `late`: the log reader, the knowledge base, the
//! incidents, the ties, the cluster.conf analysis; and redaction, which reads log lines'
//! host names) as a wasm of its own, fetched only when an input holds a log or a cluster.conf,
//! or on "Redact". A visit that checks a corosync.conf never downloads it (README, "Size").
//!
//! How: the entry point, which does one `Task`, is exported under a name `wasm-split-cli`
//! knows (`split::__wasm_split_00___late___00_export_0_run`) and called through an import of
//! the matching name. `scripts/build-web.sh` hands the page's wasm to `wasm-split-cli`, which
//! moves everything only that export reaches into `dist/late-*.wasm`, and turns the import
//! into a call through the function table, filled in when that file is instantiated (by
//! `web/late.js`, into the page's own memory and table). [`load`] asks `late.js` for it;
//! until it is in, a task is left undone (an analysis gives the configs' report alone), so
//! the page loads it first whenever `late::needed` says an input needs it.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use corocheck_core::late::{self, Job};
use corocheck_core::redact::Redacted;
use corocheck_core::{Input, Options, Report, analyze_late};

#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum State {
    /// Not asked for yet, or the last try failed (the next [`load`] tries again).
    Idle,
    Loading,
    In,
}

thread_local! {
    static STATE: RefCell<(State, Option<bool>, Vec<Waker>)> =
        const { RefCell::new((State::Idle, None, Vec::new())) };
}

#[cfg(target_arch = "wasm32")]
mod split {
    use std::ffi::c_void;

    // The names are wasm-split-cli's protocol: `__wasm_split_00___<module>___00_import_<id>_
    // <name>` is replaced by a call through the table to the export of the same module, id
    // and name, which with all it alone reaches goes to the split module (`late`).
    #[link(wasm_import_module = "./late.js")]
    unsafe extern "C" {
        /// `web/late.js`: fetch and instantiate `dist/late-*.wasm`, then call `done(data, ok)`.
        pub fn __wasm_split_load_late_0_run(
            done: unsafe extern "C" fn(*const c_void, bool),
            data: *const c_void,
        );
        pub fn __wasm_split_00___late___00_import_0_run(job: *mut c_void);
    }

    /// The late part's entry: `job` points at an `Option<Task>`, taken and done.
    ///
    /// # Safety
    /// `job` is a `&mut Option<Task>` of the caller's, alive for the call.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn __wasm_split_00___late___00_export_0_run(job: *mut c_void) {
        let job = unsafe { &mut *(job as *mut Option<super::Task<'static>>) };
        if let Some(job) = job.take() {
            super::Task::run(job);
        }
    }
}

/// Called by `late.js` once the late part is in (`ok`) or could not be loaded.
#[cfg(target_arch = "wasm32")]
unsafe extern "C" fn done(_: *const std::ffi::c_void, ok: bool) {
    let wakers = STATE.with_borrow_mut(|(state, result, wakers)| {
        *state = if ok { State::In } else { State::Idle };
        *result = Some(ok);
        std::mem::take(wakers)
    });
    for w in wakers {
        w.wake();
    }
}

/// Whether the late part is in (natively it is always: it is linked).
pub fn loaded() -> bool {
    cfg!(not(target_arch = "wasm32")) || STATE.with_borrow(|(s, ..)| *s == State::In)
}

/// Load the late part (once; again after a failure). True when it is in.
pub async fn load() -> bool {
    if loaded() {
        return true;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let ask = STATE.with_borrow_mut(|(state, result, _)| {
            let ask = *state == State::Idle;
            if ask {
                *state = State::Loading;
                *result = None;
            }
            ask
        });
        if ask {
            unsafe { split::__wasm_split_load_late_0_run(done, std::ptr::null()) };
        }
    }
    Wait.await
}

struct Wait;

impl Future for Wait {
    type Output = bool;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        STATE.with_borrow_mut(|(state, result, wakers)| match (*state, *result) {
            (State::In, _) => Poll::Ready(true),
            (State::Idle, Some(ok)) => Poll::Ready(ok),
            (State::Idle, None) => Poll::Ready(false),
            (State::Loading, _) => {
                wakers.push(cx.waker().clone());
                Poll::Pending
            }
        })
    }
}

/// Whether analysing `inputs` needs the late part and it is not in yet.
pub fn missing(inputs: &[Input]) -> bool {
    !loaded() && late::needed(inputs)
}

/// What the late part does: a job of the core's analysis, or a redaction (which reads the host
/// names of log lines, so it needs the log reader; and it is only ever asked for here).
enum Task<'a> {
    Analysis(Job<'a>),
    Redact {
        inputs: &'a [Input<'a>],
        out: &'a mut Option<Redacted>,
    },
}

impl Task<'_> {
    fn run(self) {
        match self {
            Task::Analysis(job) => late::run(job),
            Task::Redact { inputs, out } => *out = Some(corocheck_core::redact::redact(inputs)),
        }
    }
}

/// Do `task` in the late part if it is in; else leave it undone (for an analysis: the
/// configs' report).
fn call(task: Task) {
    #[cfg(target_arch = "wasm32")]
    if loaded() {
        let mut task = Some(task);
        unsafe {
            split::__wasm_split_00___late___00_import_0_run(
                &mut task as *mut Option<Task> as *mut std::ffi::c_void,
            )
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    task.run();
}

fn runner(job: Job) {
    call(Task::Analysis(job));
}

/// `analyze`, with the late part as far as it is in.
pub fn analyze(inputs: &[Input], opts: &Options) -> Report {
    analyze_late(inputs, opts, &mut |_, _| {}, &mut runner)
}

/// [`corocheck_core::redact::redact`], in the late part; `None` when it is not in.
pub fn redact(inputs: &[Input]) -> Option<Redacted> {
    let mut out = None;
    call(Task::Redact {
        inputs,
        out: &mut out,
    });
    out
}
