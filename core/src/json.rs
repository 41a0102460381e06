//! The JSON form of a [`Report`] (feature `json`): one function, so the CLI's
//! `--format json` and the JavaScript API (`api/`) give the same object for the same input.
//! The keys are a public contract (README, "JSON output").

use serde_json::{Value, json};

use crate::detect::DocKind;
use crate::i18n::Lang;
use crate::report::{Input, Report};
use crate::stack;
use crate::{Severity, Target};

/// Byte offsets → UTF-16 code unit offsets, for the few offsets a report names.
/// One pass over each text (offsets sorted first), so the cost stays linear in the input.
struct Utf16 {
    /// Sorted (file, byte offset, UTF-16 offset).
    map: Vec<(usize, usize, usize)>,
}

impl Utf16 {
    fn new(inputs: &[Input], mut wanted: Vec<(usize, usize)>) -> Self {
        crate::sort::sort(&mut wanted);
        wanted.dedup();
        let mut map = Vec::with_capacity(wanted.len());
        let (mut file, mut pos, mut units) = (usize::MAX, 0, 0);
        for (f, off) in wanted {
            let Some(bytes) = inputs.get(f).map(|i| i.text.as_bytes()) else {
                continue;
            };
            if f != file {
                (file, pos, units) = (f, 0, 0);
            }
            let off = off.min(bytes.len());
            // A UTF-8 lead byte starts one UTF-16 unit; a 4-byte sequence needs a second one.
            units += bytes[pos..off]
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum::<usize>();
            pos = off;
            map.push((f, off, units));
        }
        Utf16 { map }
    }

    fn get(&self, file: usize, off: usize) -> usize {
        match self
            .map
            .binary_search_by(|&(f, o, _)| (f, o).cmp(&(file, off)))
        {
            Ok(i) => self.map[i].2,
            // Past the end of the text: clamped when built, so take the file's last entry.
            Err(i) => self.map[..i]
                .last()
                .filter(|e| e.0 == file)
                .map_or(0, |e| e.2),
        }
    }
}

fn doc_json(report: &Report, i: usize, text: &str, lang: Lang) -> Vec<Value> {
    let f = &report.files[i];
    f.documents
        .iter()
        .map(|s| {
            let (l, _) = f.lines.line_col(text, s.span.start);
            let (el, _) = f.lines.line_col(text, s.span.end);
            json!({
                "kind": match s.kind {
                    DocKind::CorosyncConf => "corosync-conf".to_string(),
                    DocKind::ServiceFragment => "service-fragment".to_string(),
                    DocKind::ClusterConf => "cluster-conf".to_string(),
                    DocKind::Log(fmt) => format!("log:{}", fmt.name()),
                    DocKind::Prose => "text".to_string(),
                    DocKind::Unknown => "unknown".to_string(),
                },
                "line": l,
                "end_line": el,
                "corosync": s.target.map(|t| t.to_string()),
                "evidence": s.evidence.iter().map(|m| m.render(lang)).collect::<Vec<_>>(),
                "lines_restored": s.reflow.as_ref().map(|r| r.lines()),
            })
        })
        .collect()
}

/// The report as one JSON object, messages rendered in `lang`. `inputs` are the texts the
/// report was made from; `target` is the pin the caller asked for (echoed as `target`).
/// Diagnostics come sorted by file, position and code.
pub fn report(report: &Report, inputs: &[Input], lang: Lang, target: Option<Target>) -> Value {
    let mut order: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.file < inputs.len() && d.file < report.files.len())
        .collect();
    crate::sort::sort_by_key(&mut order, |d| (d.file, d.span.start, d.code));
    let mut wanted = Vec::new();
    for d in &order {
        wanted.extend([(d.file, d.span.start), (d.file, d.span.end)]);
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            wanted.extend([(d.file, e.span.start), (d.file, e.span.end)]);
        }
    }
    let u16 = Utf16::new(inputs, wanted);
    let diags: Vec<Value> = order
        .iter()
        .map(|d| {
            let text = inputs[d.file].text;
            let lines = &report.files[d.file].lines;
            let (l, c) = lines.line_col(text, d.span.start);
            let (el, ec) = lines.line_col(text, d.span.end);
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "path": inputs[d.file].path,
                "line": l,
                "column": c,
                "end_line": el,
                "end_column": ec,
                "start": d.span.start,
                "end": d.span.end,
                "start_utf16": u16.get(d.file, d.span.start),
                "end_utf16": u16.get(d.file, d.span.end),
                "message": d.message.render(lang),
                "help": d.help.as_ref().map(|h| h.render(lang)),
                "explanation": d.explanation.as_ref().map(|h| h.render(lang)),
                "fix": d.fix.as_ref().map(|f| {
                    json!({
                        "title": f.title.render(lang),
                        "edits": f.edits.iter().map(|e| {
                            let (l, c) = lines.line_col(text, e.span.start);
                            let (el, ec) = lines.line_col(text, e.span.end);
                            json!({"start": e.span.start, "end": e.span.end, "line": l, "column": c,
                                   "end_line": el, "end_column": ec, "replacement": e.replacement,
                                   "start_utf16": u16.get(d.file, e.span.start),
                                   "end_utf16": u16.get(d.file, e.span.end)})
                        }).collect::<Vec<_>>(),
                    })
                }),
                "related": d.related.iter().filter(|r| r.file < inputs.len()).map(|r| {
                    let (rl, rc) = report.files[r.file].lines.line_col(inputs[r.file].text, r.span.start);
                    json!({"path": inputs[r.file].path, "line": rl, "column": rc, "note": r.note.render(lang)})
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let facts = &report.facts;
    let roles = stack::roles(facts);
    // Exact counts: the findings a D007 stands for are included.
    let count = |s: Severity| report.count(s);
    json!({
        "tool": "corocheck",
        "version": env!("CARGO_PKG_VERSION"),
        "lang": lang.code(),
        "target": target.map(|t| t.to_string()),
        "migrations": report.migrations.iter().map(|m| json!({
            "path": inputs[m.file].path, "from": format!("{}.x", m.from), "to": m.to.to_string(),
            "steps": m.steps.iter().map(|(span, msg)| {
                let (l, c) = report.files[m.file].lines.line_col(inputs[m.file].text, span.start);
                json!({"line": l, "column": c, "text": msg.render(lang)})
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "summary": {"errors": count(Severity::Error), "warnings": count(Severity::Warning), "infos": count(Severity::Info)},
        "diagnostics": diags,
        "files": inputs.iter().enumerate().map(|(i, inp)| json!({"path": inp.path, "documents": doc_json(report, i, inp.text, lang)})).collect::<Vec<_>>(),
        "facts": {
            "corosync": facts.corosync.as_ref().map(|f| f.value.to_string()),
            "pacemaker": facts.pacemaker.as_ref().map(|f| f.value.to_string()),
            "distribution": facts.distro.as_ref().map(|f| f.value.to_string()),
            "stack": roles.stack.map(|s| format!("{s:?}").to_lowercase()),
        },
        "roles": {
            "headline": roles.headline.render(lang),
            "components": roles.components.iter().map(|c| json!({
                "id": c.id, "name": c.display_name(lang), "version": c.version,
                "presence": format!("{:?}", c.presence).to_lowercase(),
                "role": c.role.render(lang), "reads": c.reads.render(lang), "here": c.here.render(lang),
            })).collect::<Vec<_>>(),
            "choices": roles.choices.iter().map(|c| json!({
                "id": c.id, "recommended": c.recommended, "title": c.title.render(lang),
                "steps": c.steps.render(lang).lines().collect::<Vec<_>>(), "consequence": c.consequence.render(lang),
            })).collect::<Vec<_>>(),
        },
        "cluster_conf": report.cman.iter().map(|c| json!({
            "path": inputs[c.file].path,
            "summary": c.summary.iter().map(|m| m.render(lang)).collect::<Vec<_>>(),
            "corosync_conf": (!c.conversion.is_empty()).then(|| c.conversion.corosync_conf(lang)),
            "pcs_script": (!c.conversion.is_empty()).then(|| c.conversion.pcs_script(lang)),
        })).collect::<Vec<_>>(),
        "incidents": report.incidents.iter().map(|inc| {
            let line = |i: usize| report.records.get(i).map(|r| {
                let (l, _) = report.files[r.file()].lines.line_col(inputs[r.file()].text, r.span().start);
                (inputs[r.file()].path.as_str(), l, crate::logs::field(inputs[r.file()].text, r.timestamp))
            });
            json!({
                "kind": inc.kind.name(),
                "kind_text": crate::i18n::t(&format!("incident.kind.{}", inc.kind.name()), lang),
                "start": inc.start, "end": inc.end, "nodes": inc.nodes, "culprit": inc.culprit,
                "cause": inc.cause.render(lang),
                "steps": inc.steps.iter().map(|s| {
                    let (path, l, ts) = line(s.record).unwrap_or(("", 0, None));
                    json!({"time": s.time, "timestamp": ts, "node": s.node.as_deref(), "code": s.code(), "kb": s.kb(),
                           "stage": s.stage.name(), "severity": s.severity.as_str(), "path": path, "line": l,
                           "record": s.record, "evidence": s.evidence})
                }).collect::<Vec<_>>(),
                "patterns": inc.patterns.iter().map(|p| json!({
                    "kind": p.kind.name(), "node": p.node, "count": p.count, "threshold": p.threshold,
                    "records": p.records, "text": p.message.render(lang),
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "records": report.records.iter().map(|r| {
            let (l, _) = report.files[r.file()].lines.line_col(inputs[r.file()].text, r.span().start);
            // As owned strings: the same serializer as the other optional strings (wasm size).
            let f = |s| crate::logs::field(inputs[r.file()].text, s).map(str::to_string);
            json!({"path": inputs[r.file()].path, "line": l, "timestamp": f(r.timestamp), "host": f(r.host), "daemon": f(r.daemon),
                   "subsystem": f(r.subsystem), "level": f(r.level), "kb": r.kb.map(|e| e.code.clone())})
        }).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        // "a", "é" (2 bytes, 1 unit), "😀" (4 bytes, 2 units), "x"
        let text = "aé😀x";
        let inputs = [Input {
            path: "t".into(),
            text,
        }];
        let u = Utf16::new(
            &inputs,
            vec![(0, 7), (0, 1), (0, 3), (0, 8), (0, 0), (0, 99)],
        );
        assert_eq!(u.get(0, 0), 0);
        assert_eq!(u.get(0, 1), 1);
        assert_eq!(u.get(0, 3), 2);
        assert_eq!(u.get(0, 7), 4);
        assert_eq!(u.get(0, 8), 5);
        assert_eq!(u.get(0, 99), 5);
        assert_eq!(text.encode_utf16().count(), 5);
    }

    #[test]
    fn diagnostics_carry_matching_byte_and_utf16_offsets() {
        // A finding after a non-ASCII comment: its UTF-16 offsets must differ from the bytes.
        let text = "# ノード\ntotem {\n\tversion: 2\n\tbogus_key: 1\n}\n";
        let inputs = [Input {
            path: "corosync.conf".into(),
            text,
        }];
        let r = crate::analyze(&inputs, &crate::Options::default());
        let v = report(&r, &inputs, Lang::En, None);
        let diags = v["diagnostics"].as_array().unwrap();
        assert!(!diags.is_empty());
        for d in diags {
            let (s, e) = (
                d["start"].as_u64().unwrap() as usize,
                d["end"].as_u64().unwrap() as usize,
            );
            let s16 = d["start_utf16"].as_u64().unwrap() as usize;
            let e16 = d["end_utf16"].as_u64().unwrap() as usize;
            assert_eq!(s16, text[..s].encode_utf16().count());
            assert_eq!(e16, text[..e].encode_utf16().count());
            assert!(s > s16, "the comment's kana take 3 bytes and 1 unit each");
        }
    }
}
