//! The pathological inputs of issue 6, point 3, made at a scale: `make(100)` is the size the
//! issue names (a 10 MB line, 100 000 nested sections, 1 000 000 short lines, ...), `make(10)`
//! a tenth of it, `make(1)` a hundredth. `core/tests/bad_input.rs` checks every case at full
//! size (nothing panics, findings stay inside the input); `make bench-pathological` times
//! each one at 1x, 10x and 100x to show the curve is linear. Shared by both through `#[path]`.

/// One input: the file name it is analysed under and its bytes at scale `k` (1, 10 or 100).
pub struct Case {
    pub name: &'static str,
    pub path: &'static str,
    pub make: fn(usize) -> Vec<u8>,
}

/// A small deterministic byte generator (xorshift; no rand dependency).
pub fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

const LOG_LINE: &str = "Aug 26 16:20:37 node1 corosync[2345]:   [TOTEM ] A processor failed, forming new configuration.\n";

fn long_line(k: usize) -> Vec<u8> {
    format!(
        "totem {{\n\tcluster_name: {}\n}}\n",
        "x".repeat(k * 104_858)
    )
    .into_bytes()
}
fn nested(k: usize) -> Vec<u8> {
    format!("{}{}", "totem {\n".repeat(k * 1000), "}\n".repeat(k * 1000)).into_bytes()
}
fn unclosed(k: usize) -> Vec<u8> {
    "a {\n".repeat(k * 1000).into_bytes()
}
fn short_lines(k: usize) -> Vec<u8> {
    format!("totem {{\n{}}}\n", "\ttoken: 3000\n".repeat(k * 10_000)).into_bytes()
}
fn binary(k: usize) -> Vec<u8> {
    noise(k * 104_858, 7)
}
fn nul_and_invalid(k: usize) -> Vec<u8> {
    let mut b = b"totem {\n".to_vec();
    for i in 0..k * 10_000 {
        b.extend_from_slice(match i % 3 {
            0 => b"\ttoken: 30\x0000\n".as_slice(),
            1 => b"\tcluster_name: \xff\xfe\x93\xfa\n",
            _ => b"\t# \xe3\x81 cut character\n",
        });
    }
    b.extend_from_slice(b"}\n");
    b
}
fn nodelist(k: usize) -> Vec<u8> {
    let mut s = String::from(
        "totem {\n\tversion: 2\n\tcluster_name: big\n\ttransport: knet\n}\nquorum {\n\tprovider: corosync_votequorum\n}\nnodelist {\n",
    );
    for id in 1..=k * 100 {
        s.push_str(&format!(
            "\tnode {{\n\t\tring0_addr: 10.{}.{}.{}\n\t\tname: node{id}\n\t\tnodeid: {id}\n\t}}\n",
            id >> 16,
            (id >> 8) & 255,
            id & 255
        ));
    }
    s.push_str("}\n");
    s.into_bytes()
}
fn repeated_log_line(k: usize) -> Vec<u8> {
    LOG_LINE.repeat(k * 524_288 / LOG_LINE.len()).into_bytes()
}
fn glued_log(k: usize) -> Vec<u8> {
    // Records whose line breaks became spaces: one line, many records (restored by detection).
    LOG_LINE
        .replace('\n', " ")
        .repeat(k * 104_858 / LOG_LINE.len())
        .into_bytes()
}
fn cman_nested(k: usize) -> Vec<u8> {
    let n = k * 1000;
    format!(
        "<?xml version=\"1.0\"?>\n<cluster name=\"c\" config_version=\"1\">\n{}{}</cluster>\n",
        "<rm>".repeat(n),
        "</rm>".repeat(n)
    )
    .into_bytes()
}
fn cman_nodes(k: usize) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\"?>\n<cluster name=\"c\" config_version=\"1\">\n<clusternodes>\n",
    );
    for id in 1..=k * 100 {
        s.push_str(&format!(
            "<clusternode name=\"n{id}\" nodeid=\"{id}\"><fence><method name=\"1\"><device name=\"f\" port=\"n{id}\"/></method></fence></clusternode>\n"
        ));
    }
    s.push_str("</clusternodes>\n<fencedevices><fencedevice name=\"f\" agent=\"fence_ipmilan\"/></fencedevices>\n</cluster>\n");
    s.into_bytes()
}

pub const CASES: &[Case] = &[
    Case {
        name: "one 10 MB line",
        path: "corosync.conf",
        make: long_line,
    },
    Case {
        name: "100 000 nested sections",
        path: "corosync.conf",
        make: nested,
    },
    Case {
        name: "100 000 unclosed sections",
        path: "corosync.conf",
        make: unclosed,
    },
    Case {
        name: "1 000 000 short lines",
        path: "corosync.conf",
        make: short_lines,
    },
    Case {
        name: "10 MB of binary data",
        path: "pasted",
        make: binary,
    },
    Case {
        name: "NUL bytes, invalid UTF-8 (1 M lines)",
        path: "corosync.conf",
        make: nul_and_invalid,
    },
    Case {
        name: "10 000-node nodelist",
        path: "corosync.conf",
        make: nodelist,
    },
    Case {
        name: "50 MB log of one repeated line",
        path: "corosync.log",
        make: repeated_log_line,
    },
    Case {
        name: "10 MB log line, no line breaks",
        path: "pasted",
        make: glued_log,
    },
    Case {
        name: "cluster.conf, 100 000 nested elements",
        path: "cluster.conf",
        make: cman_nested,
    },
    Case {
        name: "cluster.conf, 10 000 nodes",
        path: "cluster.conf",
        make: cman_nodes,
    },
];
