use super::found;
use crate::cman::Cx;
use crate::cman::model::RESOURCE_KINDS;
use crate::cman::schema;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::msg;

declare_rule! {
    /// ## What it does
    /// Finds an element that cluster.rng does not allow where it stands, in the core sections (cluster, cman, clusternodes and fencing, quorumd, logging, rm and its services and resources), and suggests the name you may have meant.
    ///
    /// ## Why is this bad?
    /// cman, fenced and rgmanager ignore elements they do not know, so a misspelt `<clusternode>` or `<fencedevice>` simply is not there. cluster.conf(5): "Unrecognized items will produce a warning during cluster startup"; `ccs_config_validate` rejects the file.
    ///
    /// ## Example
    /// ```xml
    /// <clusternodes>
    ///   <clustrnode name="node1" nodeid="1"/>
    /// </clusternodes>
    /// ```
    ///
    /// ## Fix
    /// Fix the spelling or move the element to where it belongs.
    ///
    /// ## References
    /// - cluster.rng (`config/tools/xml/cluster.rng.in` in the same tree); cluster.conf(5): "Unrecognized items will produce a warning during cluster startup".
    pub static META = {
        code: "M116",
        name: "cman-unknown-element",
        severity: Warning,
        docs_ja: "## 何をするか
コアのセクション（cluster、cman、clusternodes とフェンシング、quorumd、logging、rm とそのサービス・リソース）で、cluster.rng がその位置に許していない要素を検出し、意図したと思われる名前を示します。

## なぜ問題か
cman、fenced、rgmanager は知らない要素を無視します。`<clusternode>` や `<fencedevice>` のつづりを誤ると、その要素は存在しないのと同じです。cluster.conf(5):「Unrecognized items will produce a warning during cluster startup」。`ccs_config_validate` はこのファイルを受け付けません。

## 例
```xml
<clusternodes>
  <clustrnode name=\"node1\" nodeid=\"1\"/>
</clusternodes>
```

## 対処
つづりを直すか、要素を正しい位置に移してください。

## 参考
- 同じツリーの cluster.rng（`config/tools/xml/cluster.rng.in`）。cluster.conf(5):「Unrecognized items will produce a warning during cluster startup」",
    }
}

pub fn check(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for (id, e) in cx.doc.elements.iter().enumerate() {
        let Some(p) = e.parent else { continue };
        let pname = cx.name(p);
        let gp = cx.doc.elements[p].parent.map_or("", |g| cx.name(g));
        let allowed: &[&str] = match schema::spec(pname, gp) {
            Some(s) => match s.children {
                Some(c) => c,
                None => continue,
            },
            None if RESOURCE_KINDS.contains(&pname) && in_rm(cx, p) => RESOURCE_KINDS,
            None => continue,
        };
        // Only the known part of the tree: the parent itself must be where it belongs.
        if gp.is_empty() && pname != "cluster" {
            continue;
        }
        let name = cx.name(id);
        if allowed.contains(&name) {
            continue;
        }
        let msg = match crate::text::did_you_mean(name, allowed.iter().copied()) {
            Some(s) => msg!(
                "M116.message.typo",
                name = name,
                parent = pname,
                suggestion = s
            ),
            None => msg!("M116.message", name = name, parent = pname),
        };
        out.push(found(&META, e.name, msg));
    }
}

fn in_rm(cx: &Cx, mut id: usize) -> bool {
    // Bounded walk up: resources sit a few levels below <rm>.
    for _ in 0..64 {
        match cx.doc.elements[id].parent {
            Some(p) if cx.name(p) == "rm" => return true,
            Some(p) => id = p,
            None => return false,
        }
    }
    false
}
