//! The article's main text: boilerplate pruning, choice of the main container, and
//! rendering its blocks.
//!
//! Every pass is a loop over a precomputed document order (parents before children, or the
//! reverse for bottom-up sums): no recursion, whatever the nesting.

use super::dom::{Dom, NodeData, NodeId};
use super::meta::collapse;
use html5ever::{local_name, LocalName};

/// What the passes over the tree found out, indexed by node id.
pub struct Analysis {
    /// Every node reachable from the document, parents before children.
    pub order: Vec<NodeId>,
    /// The node or one of its ancestors is boilerplate, hidden or not text.
    pub pruned: Vec<bool>,
    /// Non-whitespace characters of unpruned text below the node.
    text_len: Vec<u32>,
    /// The part of `text_len` inside links.
    link_len: Vec<u32>,
    /// Text of the paragraphs below the node that count as article text (see [`MIN_PARAGRAPH`]).
    para_len: Vec<u32>,
    /// Readability-style score: paragraph text of children (full) and grandchildren (half).
    score: Vec<f64>,
}

/// Shorter paragraphs (captions, "Mehr zum Thema", bylines) do not count for the choice of
/// the main container.
const MIN_PARAGRAPH: u32 = 25;

/// Class and id tokens that mark navigation, ads and other boilerplate. Tokens are compared
/// whole (`ad` matches `ad-slot` and `AdSlot`, not `shadow` or `load`).
fn is_boilerplate_token(t: &str) -> bool {
    matches!(
        t,
        "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "menubar"
            | "footer"
            | "header"
            | "masthead"
            | "sidebar"
            | "cookie"
            | "cookies"
            | "consent"
            | "gdpr"
            | "banner"
            | "share"
            | "sharing"
            | "shariff"
            | "social"
            | "socials"
            | "related"
            | "recommended"
            | "recommendations"
            | "comment"
            | "comments"
            | "kommentar"
            | "kommentare"
            | "newsletter"
            | "ad"
            | "ads"
            | "advert"
            | "adverts"
            | "advertisement"
            | "anzeige"
            | "werbung"
            | "promo"
            | "promotion"
            | "breadcrumb"
            | "breadcrumbs"
            | "subscribe"
            | "subscription"
            | "popup"
            | "modal"
            | "toolbar"
            | "widget"
            | "skiplink"
            | "outbrain"
            | "taboola"
            | "teilen"
            | "login"
            | "signup"
            | "pagination"
            | "pager"
            | "disqus"
    )
}

/// Elements whose content is never article text.
fn is_dropped_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("map")
            | local_name!("button")
            | local_name!("input")
            | local_name!("select")
            | local_name!("textarea")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("footer")
            | local_name!("dialog")
            | local_name!("figure")
            | local_name!("head")
            | local_name!("title")
            | local_name!("menu")
    )
}

/// ARIA roles of page furniture.
fn is_boilerplate_role(role: &str) -> bool {
    role.split_ascii_whitespace().any(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
        )
    })
}

/// Elements that start and end a block of text.
fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("caption")
            | local_name!("center")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("html")
            | local_name!("legend")
            | local_name!("li")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr")
            | local_name!("ul")
            | local_name!("xmp")
            | local_name!("plaintext")
    )
}

/// Calls `f` with each lower-cased token of a class or id value: split at non-alphanumerics
/// and at camelCase humps (`cookieBanner` → `cookie`, `banner`).
fn for_each_token(value: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut token = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !token.is_empty() {
            if f(&token) {
                return true;
            }
            token.clear();
        }
        if c.is_alphanumeric() {
            token.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    !token.is_empty() && f(&token)
}

/// Whether the class or id names boilerplate. Taxonomy classes (WordPress's `tag-social`,
/// `category-werbung`) describe the article's topic, not its role, and are skipped.
fn has_boilerplate_name(dom: &Dom, id: NodeId) -> bool {
    let taxonomy = |item: &str| {
        let item = item.to_ascii_lowercase();
        ["tag-", "category-", "kategorie-", "rubrik-", "ressort-"]
            .iter()
            .any(|p| item.starts_with(p))
    };
    ["class", "id"]
        .iter()
        .filter_map(|a| dom.attr(id, a))
        .flat_map(str::split_ascii_whitespace)
        .filter(|item| !taxonomy(item))
        .any(|item| for_each_token(item, is_boilerplate_token))
}

fn has_itemprop(dom: &Dom, id: NodeId, prop: &str) -> bool {
    dom.attr(id, "itemprop")
        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == prop))
}

fn is_main_role(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some()
        || dom
            .attr(id, "aria-hidden")
            .is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    dom.attr(id, "style").is_some_and(|style| {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Non-whitespace characters, a measure of text length that ignores indentation.
fn visible_len(s: &str) -> u32 {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .count()
        .min(u32::MAX as usize) as u32
}

impl Analysis {
    pub fn new(dom: &Dom) -> Analysis {
        let n = dom.nodes.len();
        let order = dom.preorder(super::dom::DOCUMENT);
        let parent = |id: NodeId| dom.nodes[id].parent;

        // Bottom-up: which elements hold the headline or the marked-up main content (never
        // pruned for their class), and how many paragraphs (a page-wide <form>, as ASP.NET
        // pages have, is not a form to drop).
        let mut anchor = vec![false; n];
        let mut paragraphs = vec![0u32; n];
        for &id in order.iter().rev() {
            if let Some(name) = dom.html_name(id) {
                if *name == local_name!("h1")
                    || *name == local_name!("main")
                    || is_main_role(dom, id)
                    || has_itemprop(dom, id, "articleBody")
                {
                    anchor[id] = true;
                }
                if *name == local_name!("p") {
                    paragraphs[id] += 1;
                }
            }
            if let Some(p) = parent(id) {
                anchor[p] |= anchor[id];
                paragraphs[p] = paragraphs[p].saturating_add(paragraphs[id]);
            }
        }

        // Top-down: pruning.
        let mut pruned = vec![false; n];
        let mut in_article = vec![false; n];
        for &id in &order {
            let (p_pruned, p_article) =
                parent(id).map_or((false, false), |p| (pruned[p], in_article[p]));
            in_article[id] = p_article;
            pruned[id] = p_pruned;
            if p_pruned {
                continue;
            }
            match &dom.nodes[id].data {
                // SVG and MathML: drawings and formulas, not prose.
                NodeData::Element { .. } if dom.html_name(id).is_none() => pruned[id] = true,
                NodeData::Element { name, .. } => {
                    let name = &name.local;
                    let structural = matches!(
                        *name,
                        local_name!("html")
                            | local_name!("body")
                            | local_name!("main")
                            | local_name!("article")
                    ) || is_main_role(dom, id)
                        || has_itemprop(dom, id, "articleBody");
                    in_article[id] |=
                        structural && !matches!(*name, local_name!("html") | local_name!("body"));
                    pruned[id] = is_dropped_tag(name)
                        || (*name == local_name!("header") && !in_article[id])
                        || (*name == local_name!("form") && !anchor[id] && paragraphs[id] < 3)
                        || is_hidden(dom, id)
                        || dom.attr(id, "role").is_some_and(is_boilerplate_role)
                        || (!structural && !anchor[id] && has_boilerplate_name(dom, id));
                }
                NodeData::Other => pruned[id] = true,
                NodeData::Text(_) | NodeData::Document => {}
            }
        }

        // Bottom-up: text and link lengths of what is left.
        let mut text_len = vec![0u32; n];
        let mut link_len = vec![0u32; n];
        let mut para_len = vec![0u32; n];
        for &id in order.iter().rev() {
            if pruned[id] {
                continue;
            }
            match &dom.nodes[id].data {
                NodeData::Text(t) => text_len[id] = visible_len(t),
                NodeData::Element { name, .. } => match name.local {
                    local_name!("a") => link_len[id] = text_len[id],
                    local_name!("p") | local_name!("pre") => {
                        let own = text_len[id].saturating_sub(link_len[id]);
                        if own >= MIN_PARAGRAPH {
                            para_len[id] = own;
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            if let Some(p) = parent(id) {
                text_len[p] = text_len[p].saturating_add(text_len[id]);
                link_len[p] = link_len[p].saturating_add(link_len[id]);
                para_len[p] = para_len[p].saturating_add(para_len[id]);
            }
        }

        // Paragraph scores go to the parent in full and to the grandparent in half.
        let mut score = vec![0f64; n];
        for &id in &order {
            let own = match dom.html_name(id) {
                Some(&local_name!("p") | &local_name!("pre")) if !pruned[id] => para_len[id],
                _ => continue,
            };
            if own == 0 {
                continue;
            }
            if let Some(p) = parent(id) {
                score[p] += f64::from(own);
                if let Some(g) = parent(p) {
                    score[g] += f64::from(own) / 2.0;
                }
            }
        }
        Analysis {
            order,
            pruned,
            text_len,
            link_len,
            para_len,
            score,
        }
    }

    fn contains(&self, dom: &Dom, ancestor: NodeId, mut id: NodeId) -> bool {
        loop {
            if id == ancestor {
                return true;
            }
            match dom.nodes[id].parent {
                Some(p) => id = p,
                None => return false,
            }
        }
    }

    /// The element holding the article: marked-up (`itemprop=articleBody`, `<article>`,
    /// `<main>`, `role=main`) if that agrees with where the paragraphs are, else the
    /// element with the best paragraph score, else `<body>`.
    pub fn main_container(&self, dom: &Dom) -> NodeId {
        let live = || {
            self.order
                .iter()
                .copied()
                .filter(|&id| !self.pruned[id] && dom.is_element(id))
        };
        let best_by = |pred: &dyn Fn(NodeId) -> bool| {
            live()
                .filter(|&id| pred(id))
                .max_by_key(|&id| (self.para_len[id], self.text_len[id]))
        };
        let marked = best_by(&|id| has_itemprop(dom, id, "articleBody") && self.text_len[id] > 0)
            .or_else(|| {
                best_by(&|id| {
                    dom.html_name(id) == Some(&local_name!("article")) && self.text_len[id] > 0
                })
            })
            .or_else(|| {
                best_by(&|id| {
                    (dom.html_name(id) == Some(&local_name!("main")) || is_main_role(dom, id))
                        && self.text_len[id] > 0
                })
            });
        let scored = live()
            .filter(|&id| self.score[id] > 0.0)
            .map(|id| {
                let density = f64::from(self.link_len[id]) / f64::from(self.text_len[id].max(1));
                (id, self.score[id] * (1.0 - density))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id);
        let body = || {
            live()
                .find(|&id| dom.html_name(id) == Some(&local_name!("body")))
                .unwrap_or(super::dom::DOCUMENT)
        };
        match (marked, scored) {
            (None, None) => body(),
            (Some(m), None) => m,
            (None, Some(s)) => s,
            (Some(m), Some(s)) => {
                // A teaser <article> or a thin <main> loses to where the paragraphs are.
                if self.contains(dom, m, s) || 2 * self.para_len[m] >= self.para_len[s] {
                    m
                } else {
                    s
                }
            }
        }
    }

    /// The first unpruned element named `name` at or below `root`.
    pub fn find(&self, dom: &Dom, root: NodeId, name: &LocalName) -> Option<NodeId> {
        dom.preorder(root)
            .into_iter()
            .find(|&id| !self.pruned[id] && dom.html_name(id) == Some(name))
    }

    /// The nearest `<article>` (or marked-up article body) at or above `id`.
    pub fn article_of(&self, dom: &Dom, mut id: NodeId) -> Option<NodeId> {
        loop {
            if dom.html_name(id) == Some(&local_name!("article")) {
                return Some(id);
            }
            id = dom.nodes[id].parent?;
        }
    }

    /// The blocks of text at or below `root`, each with whitespace collapsed and `<br>`s as
    /// line breaks.
    pub fn blocks(&self, dom: &Dom, root: NodeId) -> Vec<String> {
        let mut out = Blocks::default();
        let mut stack = vec![(root, false)];
        while let Some((id, leaving)) = stack.pop() {
            if self.pruned[id] && id != root {
                continue;
            }
            match &dom.nodes[id].data {
                NodeData::Text(t) => out.text(t),
                NodeData::Element { name, .. } => {
                    let name = &name.local;
                    let block = is_block(name);
                    let pre = matches!(
                        *name,
                        local_name!("pre") | local_name!("listing") | local_name!("xmp")
                    );
                    if leaving {
                        out.in_pre -= usize::from(pre);
                        if block {
                            out.flush();
                        }
                        continue;
                    }
                    if *name == local_name!("br") {
                        out.line_break();
                        continue;
                    }
                    if block {
                        out.flush();
                    }
                    out.in_pre += usize::from(pre);
                    stack.push((id, true));
                    let start = stack.len();
                    stack.extend(dom.children(id).map(|c| (c, false)));
                    stack[start..].reverse();
                }
                NodeData::Document => {
                    let start = stack.len();
                    stack.extend(dom.children(id).map(|c| (c, false)));
                    stack[start..].reverse();
                }
                NodeData::Other => {}
            }
        }
        out.flush();
        out.blocks
    }

    /// The text of one element on one line.
    pub fn line(&self, dom: &Dom, id: NodeId) -> String {
        collapse(&self.blocks(dom, id).join(" "))
    }
}

/// Text being gathered into blocks.
#[derive(Default)]
struct Blocks {
    blocks: Vec<String>,
    current: String,
    space: bool,
    in_pre: usize,
}

impl Blocks {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            match c {
                // Invisible: soft hyphens, zero-width spaces, stray BOMs.
                '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => {}
                '\r' if self.in_pre > 0 => {}
                '\n' if self.in_pre > 0 => self.line_break(),
                c if c.is_whitespace() && self.in_pre == 0 => self.space = true,
                c => {
                    if self.space && !self.current.is_empty() && !self.current.ends_with('\n') {
                        self.current.push(' ');
                    }
                    self.space = false;
                    self.current.push(if c.is_whitespace() { ' ' } else { c });
                }
            }
        }
    }

    fn line_break(&mut self) {
        self.current.push('\n');
        self.space = false;
    }

    /// Ends the current block. Lines are trimmed; an empty line (`<br><br>`) splits the
    /// block, so that blocks never hold a blank line.
    fn flush(&mut self) {
        let mut block = String::new();
        for line in self.current.split('\n').map(str::trim) {
            if line.is_empty() {
                if !block.is_empty() {
                    self.blocks.push(std::mem::take(&mut block));
                }
                continue;
            }
            if !block.is_empty() {
                block.push('\n');
            }
            block.push_str(line);
        }
        if !block.is_empty() {
            self.blocks.push(block);
        }
        self.current.clear();
        self.space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_tokens_match_whole_words() {
        let cases = [
            ("cookie-banner", true),
            ("cookieBanner", true),
            ("site_nav main", true),
            ("AdSlot", true),
            ("shadow-box", false),
            ("load-more", false),
            ("headline", false),
            ("article-body", false),
            ("navigator", false),
        ];
        for (value, want) in cases {
            assert_eq!(for_each_token(value, is_boilerplate_token), want, "{value}");
        }
    }
}
