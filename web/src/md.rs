//! A very small Markdown reader for rule docs and explanations: `## headings`, fenced code,
//! `- lists`, paragraphs, and inline `code`, **bold** and [links](https://…).
//! Output is data; `view` turns it into Yew nodes, so every piece stays text (never HTML).

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Bold(String),
    Em(String),
    Link { text: String, url: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(Vec<Inline>),
    Para(Vec<Inline>),
    Code(String),
    List(Vec<Vec<Inline>>),
}

pub fn parse(src: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut code: Option<String> = None;

    fn flush(out: &mut Vec<Block>, para: &mut Vec<&str>, list: &mut Vec<String>) {
        if !para.is_empty() {
            out.push(Block::Para(inline(&para.join(" "))));
            para.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(list.iter().map(|s| inline(s)).collect()));
            list.clear();
        }
    }

    for line in src.lines() {
        if let Some(buf) = &mut code {
            if line.trim_start().starts_with("```") {
                out.push(Block::Code(std::mem::take(buf)));
                code = None;
            } else {
                if !buf.is_empty() {
                    buf.push('\n');
                }
                buf.push_str(line);
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            flush(&mut out, &mut para, &mut list);
            code = Some(String::new());
        } else if let Some(h) = trimmed.strip_prefix('#') {
            flush(&mut out, &mut para, &mut list);
            out.push(Block::Heading(inline(h.trim_start_matches('#').trim())));
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            if !para.is_empty() {
                flush(&mut out, &mut para, &mut list);
            }
            list.push(item.to_string());
        } else if trimmed.is_empty() {
            flush(&mut out, &mut para, &mut list);
        } else if !list.is_empty() && line.starts_with("  ") {
            // continuation of a list item
            if let Some(last) = list.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut para, &mut list);
            }
            para.push(trimmed);
        }
    }
    if let Some(buf) = code {
        out.push(Block::Code(buf));
    }
    flush(&mut out, &mut para, &mut list);
    out
}

pub fn inline(s: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let token: Option<(Inline, usize)> = match c {
            '[' => link(rest).map(|(label, url, used)| {
                (
                    Inline::Link {
                        text: label.to_string(),
                        url: url.to_string(),
                    },
                    used,
                )
            }),
            '`' => rest[1..]
                .find('`')
                .map(|e| (Inline::Code(rest[1..1 + e].to_string()), e + 2)),
            '*' if rest.starts_with("**") => rest[2..]
                .find("**")
                .map(|e| (Inline::Bold(rest[2..2 + e].to_string()), e + 4)),
            '*' if opens_emphasis(s, rest) => closing_emphasis(&rest[1..])
                .map(|e| (Inline::Em(rest[1..1 + e].to_string()), e + 2)),
            _ => None,
        };
        match token {
            Some((tok, used)) => {
                push_text(&mut out, &mut text);
                out.push(tok);
                rest = &rest[used..];
            }
            None => {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    push_text(&mut out, &mut text);
    out
}

/// `[label](http…)` at the start of `s`: label, URL and bytes used. Other schemes stay text.
fn link(s: &str) -> Option<(&str, &str, usize)> {
    if !s.starts_with('[') {
        return None;
    }
    let close = s.find("](")?;
    let end = s[close + 2..].find(')')?;
    let (label, url) = (&s[1..close], &s[close + 2..close + 2 + end]);
    let web = url.starts_with("https://") || url.starts_with("http://");
    (web && !label.contains('[') && !url.contains(char::is_whitespace)).then_some((
        label,
        url,
        close + 3 + end,
    ))
}

/// `*` opens emphasis after a space, punctuation or the start, and before a non-space.
fn opens_emphasis(whole: &str, rest: &str) -> bool {
    let at = whole.len() - rest.len();
    let before = whole[..at].chars().next_back();
    let after = rest[1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || "([\"'".contains(b))
        && after.is_some_and(|a| !a.is_whitespace() && a != '*')
}

/// Offset of the `*` that closes emphasis: after a non-space, before a space, punctuation or
/// the end, on the same line of text.
fn closing_emphasis(s: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c == '*' && prev.is_some_and(|p| !p.is_whitespace()) {
            let next = s[i + 1..].chars().next();
            if next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]\"'".contains(n)) {
                return Some(i);
            }
        }
        prev = Some(c);
    }
    None
}

fn push_text(out: &mut Vec<Inline>, text: &mut String) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

fn view_inline(parts: &[Inline]) -> Html {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Code(t) => html! { <code>{ t.clone() }</code> },
            Inline::Bold(t) => html! { <strong>{ t.clone() }</strong> },
            Inline::Em(t) => html! { <em>{ t.clone() }</em> },
            Inline::Link { text, url } => html! {
                <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ text.clone() }</a>
            },
        })
        .collect()
}

/// Render Markdown as Yew nodes (text only).
pub fn view(src: &str) -> Html {
    parse(src)
        .iter()
        .map(|b| match b {
            Block::Heading(t) => html! { <h4>{ view_inline(t) }</h4> },
            Block::Para(t) => html! { <p>{ view_inline(t) }</p> },
            Block::Code(t) => html! { <pre class="md-code"><code>{ t.clone() }</code></pre> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|i| html! { <li>{ view_inline(i) }</li> }) }</ul>
            },
        })
        .collect()
}

/// Just the inline part (one line of text with `code`), for messages and help.
/// One line of a message or help text. These carry values from the input (inside backticks,
/// which a value can close), so they never become links: `[label](url)` stays text. Only the
/// rule docs, which are ours, have links (`view`).
pub fn view_line(src: &str) -> Html {
    view_inline(&line_inlines(src))
}

fn line_inlines(src: &str) -> Vec<Inline> {
    inline(src)
        .into_iter()
        .map(|i| match i {
            Inline::Link { text, url } => Inline::Text(format!("[{text}]({url})")),
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_lines_never_link() {
        // A value that closes its backticks and writes a link stays text.
        let msg = "`cluster_name: a` [login](https://evil.example/) `b` is too long";
        assert!(
            line_inlines(msg)
                .iter()
                .all(|i| !matches!(i, Inline::Link { .. }))
        );
        assert!(
            line_inlines(msg).iter().any(
                |i| matches!(i, Inline::Text(t) if t.contains("[login](https://evil.example/)"))
            )
        );
    }

    #[test]
    fn blocks_are_recognised() {
        let doc = "## What it does\nChecks `ver`.\nMore.\n\n```\nservice {\n  ver: 1\n}\n```\n- one\n- two `x`\n\n## Fix\nSee [docs](https://example.org/a).";
        let b = parse(doc);
        assert_eq!(
            b[0],
            Block::Heading(vec![Inline::Text("What it does".into())])
        );
        assert_eq!(
            b[1],
            Block::Para(vec![
                Inline::Text("Checks ".into()),
                Inline::Code("ver".into()),
                Inline::Text(". More.".into())
            ])
        );
        assert_eq!(b[2], Block::Code("service {\n  ver: 1\n}".into()));
        assert_eq!(
            b[3],
            Block::List(vec![
                vec![Inline::Text("one".into())],
                vec![Inline::Text("two ".into()), Inline::Code("x".into())]
            ])
        );
        assert_eq!(
            b[5],
            Block::Para(vec![
                Inline::Text("See ".into()),
                Inline::Link {
                    text: "docs".into(),
                    url: "https://example.org/a".into()
                },
                Inline::Text(".".into())
            ])
        );
    }

    #[test]
    fn unsafe_or_broken_markup_stays_text() {
        assert_eq!(inline("a `b"), vec![Inline::Text("a `b".into())]);
        assert_eq!(
            inline("[x](javascript:alert(1))"),
            vec![Inline::Text("[x](javascript:alert(1))".into())]
        );
        assert_eq!(
            inline("**bold** <b>"),
            vec![Inline::Bold("bold".into()), Inline::Text(" <b>".into())]
        );
        assert_eq!(
            inline("日本語の`キー`です"),
            vec![
                Inline::Text("日本語の".into()),
                Inline::Code("キー".into()),
                Inline::Text("です".into())
            ]
        );
    }

    #[test]
    fn emphasis_needs_word_boundaries() {
        assert_eq!(
            inline("see *Clusters from Scratch* now"),
            vec![
                Inline::Text("see ".into()),
                Inline::Em("Clusters from Scratch".into()),
                Inline::Text(" now".into())
            ]
        );
        // globs stay text
        assert_eq!(
            inline("crypto_* and service.d/* files"),
            vec![Inline::Text("crypto_* and service.d/* files".into())]
        );
        assert_eq!(inline("a * b * c"), vec![Inline::Text("a * b * c".into())]);
    }

    #[test]
    fn unterminated_code_fence_keeps_its_text() {
        assert_eq!(parse("```\nx"), vec![Block::Code("x".into())]);
    }
}
