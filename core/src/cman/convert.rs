//! cluster.conf → a corosync 3 `corosync.conf` and a pcs (0.10+) command script.
//!
//! The corosync.conf follows what `pcs cluster setup` writes (pcs
//! `lib/corosync/config_facade.py`, `lib/commands/cluster/setup_cluster.py`): totem version 2,
//! `cluster_name`, knet with aes256/sha256, one `node` per clusternode with `ring0_addr` (and
//! `ring1_addr` from an `<altname>`), votequorum with `two_node: 1` for two nodes, logging to
//! `/var/log/cluster/corosync.log` and syslog. Fence devices become `pcs stonith create` with
//! the fence-agents 4 parameter names; rgmanager resources that have an OCF/LSB/systemd
//! counterpart become `pcs resource create … --group <service>`; failover domains become
//! location constraints. What cannot be mapped is written as a comment with the reason.

use super::model::{Model, Resource, Service};
use crate::i18n::{Lang, Msg};
use crate::msg;

/// One output line: literal text, or a comment to render in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Text(String),
    Note(Msg),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conversion {
    pub corosync: Vec<Out>,
    pub pcs: Vec<Out>,
}

impl Conversion {
    pub fn is_empty(&self) -> bool {
        self.corosync.is_empty()
    }
    pub fn corosync_conf(&self, lang: Lang) -> String {
        render(&self.corosync, lang)
    }
    pub fn pcs_script(&self, lang: Lang) -> String {
        render(&self.pcs, lang)
    }
}

fn render(lines: &[Out], lang: Lang) -> String {
    let mut s = String::new();
    for l in lines {
        match l {
            Out::Text(t) => s.push_str(t),
            Out::Note(m) => {
                let r = m.render(lang);
                for (i, part) in r.lines().enumerate() {
                    if i > 0 {
                        s.push('\n');
                    }
                    s.push_str("# ");
                    s.push_str(part);
                }
            }
        }
        s.push('\n');
    }
    s
}

/// Quote a word for the shell when it needs it.
pub fn q(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_./:@=,+-%".contains(&b))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// A Pacemaker id: letters, digits, `_.-`, not starting with a digit or `.`/`-`.
pub fn pcmk_id(s: &str) -> String {
    let mut id: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.is_empty() || !id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        id.insert(0, '_');
    }
    id
}

/// corosync.conf values are one line; anything that would break the line is dropped.
fn conf_value(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !matches!(c, '{' | '}' | '#'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// fence-agents 4 renamed the RHEL 6 parameters; the old names are only aliases.
fn fence_param(name: &str) -> &str {
    match name {
        "ipaddr" => "ip",
        "login" => "username",
        "passwd" => "password",
        "passwd_script" => "password_script",
        "port" => "plug",
        other => other,
    }
}

/// The nodes that can be converted: named, first of each name.
fn usable(m: &Model) -> Vec<&super::model::Node> {
    // A map of the names taken: a scan per node would be quadratic in the nodes. (The map
    // types in cman/ are ones the core already uses: each new one costs wasm bytes.)
    let mut seen = std::collections::HashMap::new();
    m.nodes
        .iter()
        .filter(|n| !n.name().trim().is_empty() && seen.insert(n.name(), 0usize).is_none())
        .collect()
}

pub fn convert(m: &Model) -> Conversion {
    let mut c = Conversion::default();
    if m.root.is_none() || m.nodes.is_empty() {
        return c;
    }
    corosync(m, &mut c.corosync);
    pcs(m, &mut c.pcs);
    c
}

/// Node ids for the new cluster: the cluster.conf ids when valid and unique, else the next
/// free number.
fn node_ids(nodes: &[&super::model::Node]) -> Vec<u32> {
    let mut used = std::collections::HashMap::<u32, usize>::new();
    let mut ids = Vec::new();
    for n in nodes {
        let id = n.nodeid.as_ref().and_then(|v| v.positive());
        ids.push(id.filter(|i| !used.contains_key(i)));
        if let Some(i) = id {
            used.insert(i, 0);
        }
    }
    let mut next = 1;
    ids.into_iter()
        .map(|id| {
            id.unwrap_or_else(|| {
                while used.contains_key(&next) {
                    next += 1;
                }
                used.insert(next, 0);
                next
            })
        })
        .collect()
}

fn corosync(m: &Model, o: &mut Vec<Out>) {
    let t = |s: &str| Out::Text(s.to_string());
    let name = m
        .name
        .as_ref()
        .map(|v| conf_value(&v.value))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "cluster".into());
    o.push(Out::Note(msg!(
        "cman.conv.header",
        name = name.as_str(),
        version = m.config_version.as_ref().map_or("?", |v| v.value.as_str())
    )));
    o.push(Out::Note(msg!("cman.conv.addresses")));
    o.push(Out::Note(msg!("cman.conv.authkey")));
    o.push(t("totem {"));
    o.push(t("    version: 2"));
    o.push(Out::Text(format!("    cluster_name: {name}")));
    o.push(t("    transport: knet"));
    o.push(t("    crypto_cipher: aes256"));
    o.push(t("    crypto_hash: sha256"));
    for (k, v) in &m.totem {
        // Timers carry over; cman's own defaults (token 10000) do not apply any more.
        if matches!(k.as_str(), "token" | "consensus" | "join")
            && v.trim().bytes().all(|b| b.is_ascii_digit())
            && !v.trim().is_empty()
        {
            o.push(Out::Text(format!("    {k}: {}", v.trim())));
        }
    }
    o.push(t("}"));
    o.push(t(""));
    o.push(t("nodelist {"));
    let nodes = usable(m);
    if nodes.len() < m.nodes.len() {
        o.push(Out::Note(msg!("cman.conv.nodes-skipped")));
    }
    let ids = node_ids(&nodes);
    for (n, id) in nodes.iter().zip(ids) {
        let nm = conf_value(n.name());
        o.push(t("    node {"));
        o.push(Out::Text(format!("        ring0_addr: {nm}")));
        if let Some(alt) = n.altnames.first() {
            o.push(Out::Text(format!(
                "        ring1_addr: {}",
                conf_value(alt)
            )));
        }
        o.push(Out::Text(format!("        name: {nm}")));
        o.push(Out::Text(format!("        nodeid: {id}")));
        if n.votes() != 1 {
            o.push(Out::Text(format!("        quorum_votes: {}", n.votes())));
        }
        o.push(t("    }"));
    }
    o.push(t("}"));
    o.push(t(""));
    o.push(t("quorum {"));
    o.push(t("    provider: corosync_votequorum"));
    if nodes.len() == 2 && m.quorumd.is_none() {
        o.push(t("    two_node: 1"));
    } else if let Some(e) = m.expected_votes.as_ref().and_then(|v| v.positive()) {
        if !m.is_two_node() {
            o.push(Out::Text(format!("    expected_votes: {e}")));
        }
    }
    o.push(t("}"));
    if m.quorumd.is_some() {
        o.push(Out::Note(msg!("cman.conv.qdisk")));
    }
    o.push(t(""));
    o.push(t("logging {"));
    o.push(t("    to_logfile: yes"));
    o.push(t("    logfile: /var/log/cluster/corosync.log"));
    o.push(t("    to_syslog: yes"));
    o.push(t("    timestamp: on"));
    o.push(t("}"));
}

fn pcs(m: &Model, o: &mut Vec<Out>) {
    let t = |s: String| Out::Text(s);
    let name = m
        .name
        .as_ref()
        .map(|v| v.value.clone())
        .unwrap_or_else(|| "cluster".into());
    let usable = usable(m);
    let nodes: Vec<&str> = usable.iter().map(|n| n.name()).collect();
    o.push(t("#!/bin/sh".into()));
    o.push(Out::Note(msg!(
        "cman.conv.pcs.header",
        name = name.as_str(),
        version = m.config_version.as_ref().map_or("?", |v| v.value.as_str())
    )));
    o.push(Out::Note(msg!("cman.conv.pcs.review")));
    o.push(t("set -e".into()));
    o.push(t(String::new()));
    let hosts: Vec<String> = nodes.iter().map(|n| q(n)).collect();
    o.push(t(format!("pcs host auth {} -u hacluster", hosts.join(" "))));
    let mut setup = format!("pcs cluster setup {}", q(&name));
    for n in &usable {
        setup.push(' ');
        setup.push_str(&q(n.name()));
        if let Some(alt) = n.altnames.first() {
            setup.push_str(&format!(" addr={} addr={}", q(n.name()), q(alt)));
        }
    }
    o.push(t(setup));
    o.push(t("pcs cluster start --all".into()));
    if m.quorumd.is_some() {
        o.push(Out::Note(msg!("cman.conv.qdisk")));
    }
    stonith(m, o);
    resources(m, o);
}

fn stonith(m: &Model, o: &mut Vec<Out>) {
    o.push(Out::Text(String::new()));
    o.push(Out::Note(msg!("cman.conv.pcs.fencing")));
    // (stonith id, node, method index) for the levels.
    let mut levels: Vec<(String, String, usize)> = Vec::new();
    let mut any = false;
    for f in &m.fencedevices {
        let agent = f.agent();
        if agent == "fence_pcmk" {
            o.push(Out::Note(msg!("cman.conv.fence-pcmk", name = f.name())));
            continue;
        }
        if agent.is_empty() {
            o.push(Out::Note(msg!("cman.conv.fence-no-agent", name = f.name())));
            continue;
        }
        // Who uses this device, with what per-node attributes.
        let mut users: Vec<(String, usize, Vec<(String, String)>)> = Vec::new();
        for n in &m.nodes {
            for (mi, me) in n.methods.iter().enumerate() {
                for d in &me.devices {
                    if d.name.as_ref().map(|v| v.value.as_str()) == Some(f.name()) {
                        let attrs = d
                            .attrs
                            .iter()
                            .filter(|(k, _)| k != "action")
                            .map(|(k, v)| (k.clone(), v.value.clone()))
                            .collect();
                        users.push((n.name().to_string(), mi, attrs));
                    }
                }
            }
        }
        let base: Vec<(String, String)> = f
            .attrs
            .iter()
            .filter(|(k, _)| k != "action")
            .map(|(k, v)| (fence_param(k).to_string(), v.value.clone()))
            .collect();
        // One resource for all users when they differ at most by `port`; else one per node.
        let extra = |a: &Vec<(String, String)>| -> Vec<(String, String)> {
            a.iter().filter(|(k, _)| k != "port").cloned().collect()
        };
        let shared = users.windows(2).all(|w| extra(&w[0].2) == extra(&w[1].2));
        let groups: Vec<(String, Vec<&(String, usize, Vec<(String, String)>)>)> =
            if shared || users.is_empty() {
                vec![(pcmk_id(f.name()), users.iter().collect())]
            } else {
                users
                    .iter()
                    .map(|u| (pcmk_id(&format!("{}-{}", f.name(), u.0)), vec![u]))
                    .collect()
            };
        for (id, us) in groups {
            let mut params = base.clone();
            if let Some(u) = us.first() {
                for (k, v) in extra(&u.2) {
                    let k = fence_param(&k).to_string();
                    params.retain(|(pk, _)| *pk != k);
                    params.push((k, v));
                }
            }
            let ports: Vec<(String, String)> = us
                .iter()
                .filter_map(|u| {
                    u.2.iter()
                        .find(|(k, _)| k == "port")
                        .map(|(_, p)| (u.0.clone(), p.clone()))
                })
                .collect();
            let mut seen = std::collections::HashMap::new();
            let hosts: Vec<String> = us
                .iter()
                .filter(|u| seen.insert(u.0.as_str(), 0usize).is_none())
                .map(|u| u.0.clone())
                .collect();
            let mut cmd = format!("pcs stonith create {} {}", q(&id), q(agent));
            for (k, v) in &params {
                cmd.push_str(&format!(" {}", q(&format!("{k}={v}"))));
            }
            if !ports.is_empty() {
                let map: Vec<String> = ports.iter().map(|(n, p)| format!("{n}:{p}")).collect();
                cmd.push_str(&format!(
                    " {}",
                    q(&format!("pcmk_host_map={}", map.join(";")))
                ));
            } else if !hosts.is_empty() {
                cmd.push_str(&format!(
                    " {}",
                    q(&format!("pcmk_host_list={}", hosts.join(",")))
                ));
            }
            o.push(Out::Text(cmd));
            any = true;
            for u in &us {
                levels.push((id.clone(), u.0.clone(), u.1));
            }
        }
    }
    if !any {
        o.push(Out::Note(msg!("cman.conv.no-stonith")));
    }
    // More than one method on a node: fencing levels in the same order.
    for n in &m.nodes {
        if n.methods.len() < 2 {
            continue;
        }
        for mi in 0..n.methods.len() {
            let ids: Vec<&str> = levels
                .iter()
                .filter(|(_, node, i)| node == n.name() && *i == mi)
                .map(|(id, _, _)| id.as_str())
                .collect();
            if !ids.is_empty() {
                o.push(Out::Text(format!(
                    "pcs stonith level add {} {} {}",
                    mi + 1,
                    q(n.name()),
                    ids.join(",")
                )));
            }
        }
    }
}

/// The mount point or export path above a resource, for NFS clients.
fn path_above(s: &Service, mut r: Option<usize>) -> Option<String> {
    while let Some(i) = r {
        let res = &s.resources[i];
        match res.kind.as_str() {
            "fs" | "clusterfs" | "netfs" => {
                if let Some(p) = res.get("mountpoint") {
                    return Some(p.to_string());
                }
            }
            "nfsexport" | "nfsserver" => {
                if let Some(p) = res.get("path") {
                    return Some(p.to_string());
                }
            }
            _ => {}
        }
        r = res.parent;
    }
    None
}

/// The agent and parameters of one rgmanager resource, or why it has none.
fn map_resource(s: &Service, r: &Resource) -> Result<(String, Vec<(String, String)>), Msg> {
    let g = |k: &str| r.get(k).map(str::to_string);
    let mut p: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            p.push((k.to_string(), v));
        }
    };
    let agent = match r.kind.as_str() {
        "ip" => {
            let addr = g("address").unwrap_or_default();
            let (ip, mask) = match addr.split_once('/') {
                Some((a, m)) => (a.to_string(), Some(m.to_string())),
                None => (addr.clone(), None),
            };
            put("ip", Some(ip));
            put("cidr_netmask", mask);
            "ocf:heartbeat:IPaddr2"
        }
        "fs" | "clusterfs" => {
            put("device", g("device"));
            put("directory", g("mountpoint"));
            put(
                "fstype",
                g("fstype").or((r.kind == "clusterfs").then(|| "gfs2".into())),
            );
            put("options", g("options"));
            "ocf:heartbeat:Filesystem"
        }
        "netfs" => {
            let dev = match (g("host"), g("export")) {
                (Some(h), Some(e)) => Some(format!("{h}:{e}")),
                _ => None,
            };
            put("device", dev);
            put("directory", g("mountpoint"));
            put("fstype", Some(g("fstype").unwrap_or_else(|| "nfs".into())));
            put("options", g("options"));
            "ocf:heartbeat:Filesystem"
        }
        "lvm" => {
            put("vgname", g("vg_name"));
            put("lvname", g("lv_name"));
            put("vg_access_mode", Some("system_id".into()));
            "ocf:heartbeat:LVM-activate"
        }
        "script" => {
            let file = g("file").unwrap_or_default();
            let base = file.rsplit('/').next().unwrap_or("").to_string();
            if base.is_empty() {
                return Err(msg!("cman.conv.unmapped.script-file"));
            }
            return Ok((format!("lsb:{base}"), p));
        }
        "apache" => {
            let root = g("server_root").unwrap_or_else(|| "/etc/httpd".into());
            let cfg = g("config_file").unwrap_or_else(|| "conf/httpd.conf".into());
            let path = if cfg.starts_with('/') {
                cfg
            } else {
                format!("{}/{cfg}", root.trim_end_matches('/'))
            };
            put("configfile", Some(path));
            put("options", g("httpd_options"));
            "ocf:heartbeat:apache"
        }
        "mysql" => {
            put("config", g("config_file"));
            put("additional_parameters", g("mysqld_options"));
            "ocf:heartbeat:mysql"
        }
        "postgres-8" => {
            put("config", g("config_file"));
            put("pgdba", g("postmaster_user"));
            "ocf:heartbeat:pgsql"
        }
        "nfsclient" => {
            put("clientspec", g("target"));
            put("directory", g("path").or_else(|| path_above(s, r.parent)));
            put("options", g("options"));
            put("fsid", g("fsid").or_else(|| inherited_fsid(s, r.parent)));
            "ocf:heartbeat:exportfs"
        }
        "nfsserver" => {
            put(
                "nfs_shared_infodir",
                g("path")
                    .or_else(|| path_above(s, r.parent))
                    .map(|p| format!("{}/nfsinfo", p.trim_end_matches('/'))),
            );
            "ocf:heartbeat:nfsserver"
        }
        "samba" => return Ok(("systemd:smb".into(), p)),
        "nfsexport" => return Err(msg!("cman.conv.unmapped.nfsexport")),
        "action" => return Err(msg!("cman.conv.unmapped.action")),
        "service" | "vm" => return Err(msg!("cman.conv.unmapped.nested")),
        _ => return Err(msg!("cman.conv.unmapped.kind")),
    };
    Ok((agent.to_string(), p))
}

fn inherited_fsid(s: &Service, mut r: Option<usize>) -> Option<String> {
    while let Some(i) = r {
        if let Some(f) = s.resources[i].get("fsid") {
            return Some(f.to_string());
        }
        r = s.resources[i].parent;
    }
    None
}

fn resources(m: &Model, o: &mut Vec<Out>) {
    if m.services.is_empty() {
        return;
    }
    o.push(Out::Text(String::new()));
    o.push(Out::Note(msg!("cman.conv.pcs.resources")));
    let mut used_ids = std::collections::HashMap::<String, usize>::new();
    let mut unique = |base: String| {
        let mut id = base.clone();
        let mut k = 2;
        while used_ids.contains_key(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        used_ids.insert(id.clone(), 0);
        id
    };
    for s in &m.services {
        let group = unique(pcmk_id(&s.name));
        o.push(Out::Note(msg!(
            "cman.conv.service",
            name = s.name.as_str(),
            kind = s.kind.as_str()
        )));
        if s.kind == "vm" {
            o.push(Out::Note(msg!(
                "cman.conv.unmapped.vm",
                name = s.name.as_str()
            )));
            continue;
        }
        let mut created = 0;
        for r in &s.resources {
            match map_resource(s, r) {
                Ok((agent, params)) => {
                    let id = unique(pcmk_id(&format!(
                        "{}-{}-{}",
                        s.name,
                        r.kind,
                        if r.label().is_empty() { "1" } else { r.label() }
                    )));
                    let mut cmd = format!("pcs resource create {} {}", q(&id), q(&agent));
                    for (k, v) in &params {
                        cmd.push_str(&format!(" {}", q(&format!("{k}={v}"))));
                    }
                    cmd.push_str(&format!(" --group {}", q(&group)));
                    if !s.autostart {
                        cmd.push_str(" --disabled");
                    }
                    o.push(Out::Text(cmd));
                    created += 1;
                }
                Err(why) => o.push(Out::Note(
                    why.arg("kind", r.kind.as_str()).arg("name", r.label()),
                )),
            }
        }
        if created == 0 {
            continue;
        }
        if s.recovery == "relocate" {
            o.push(Out::Text(format!(
                "pcs resource meta {} migration-threshold=1",
                q(&group)
            )));
        } else if s.recovery == "disable" {
            o.push(Out::Note(msg!("cman.conv.recovery-disable")));
        }
        if let Some(d) = s
            .domain
            .as_ref()
            .and_then(|d| m.domains.iter().find(|x| &x.name == d))
        {
            domain_constraints(m, d, &group, o);
        }
    }
}

fn domain_constraints(m: &Model, d: &super::model::Domain, group: &str, o: &mut Vec<Out>) {
    if d.nodes.is_empty() {
        return;
    }
    let mut prefers: Vec<String> = Vec::new();
    for (n, prio) in &d.nodes {
        // Priority 1 is the most preferred: give it the highest score.
        let score = if d.ordered {
            100 * (101 - prio.unwrap_or(100).min(100)) as u64
        } else {
            100
        };
        prefers.push(format!("{}={score}", q(n)));
    }
    o.push(Out::Text(format!(
        "pcs constraint location {} prefers {}",
        q(group),
        prefers.join(" ")
    )));
    if d.restricted {
        let others: Vec<String> = m
            .nodes
            .iter()
            .map(|n| n.name())
            .filter(|n| !d.nodes.iter().any(|(x, _)| x == n))
            .map(q)
            .collect();
        if !others.is_empty() {
            o.push(Out::Text(format!(
                "pcs constraint location {} avoids {}",
                q(group),
                others.join(" ")
            )));
        }
    }
    if d.nofailback {
        o.push(Out::Note(msg!("cman.conv.nofailback")));
        o.push(Out::Text(format!(
            "pcs resource meta {} resource-stickiness=INFINITY",
            q(group)
        )));
    }
}
