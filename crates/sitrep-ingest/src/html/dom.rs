//! HTML5 parsing (html5ever) into a flat arena tree, with a depth guard between the
//! tokenizer and the tree builder.
//!
//! Why an arena: nodes live in one `Vec` and refer to each other by index, so nothing is
//! dropped recursively and every walk can be a loop with an explicit stack.
//!
//! Why a guard: html5ever's tree builder scans its stack of open elements on many tags, so
//! 200,000 nested `<div>`s cost 200,000² steps. [`DepthGuard`] keeps a cheap model of that
//! stack and drops start tags (and their end tags) that would nest deeper than the limit,
//! so their text lands in the deepest allowed element, much as browsers cap DOM depth.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::tree_builder::{
    ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, Attribute, LocalName, Namespace, QualName, TokenizerResult};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub type NodeId = usize;

/// The document node's id.
pub const DOCUMENT: NodeId = 0;

#[derive(Debug)]
pub enum NodeData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template_contents: Option<NodeId>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: nothing we read.
    Other,
}

#[derive(Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev_sibling: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Children of `id`, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].first_child, move |&c| {
            self.nodes[c].next_sibling
        })
    }

    /// The element's local name in the HTML namespace (`None` for other nodes and for SVG
    /// or MathML elements, whose `<title>` and the like must not be taken for HTML ones).
    pub fn html_name(&self, id: NodeId) -> Option<&LocalName> {
        match &self.nodes[id].data {
            NodeData::Element { name, .. } if name.ns == html5ever::ns!(html) => Some(&name.local),
            _ => None,
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Element { .. })
    }

    /// An attribute's value (attribute names are lower-case after parsing).
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name.ns == html5ever::ns!() && &*a.name.local == attr)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    /// All nodes below `root` (itself included) in document order; iterative.
    pub fn preorder(&self, root: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if out.len() > self.nodes.len() {
                break; // a cycle, which the tree builder should never make: stop, not hang
            }
            out.push(id);
            let start = stack.len();
            stack.extend(self.children(id));
            // Pushed in order; reversed so that the first child is popped first.
            stack[start..].reverse();
        }
        out
    }

    /// The text under `id`, concatenated as in the source (no block structure).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.preorder(id) {
            if let NodeData::Text(t) = &self.nodes[n].data {
                s.push_str(t);
            }
        }
        s
    }
}

/// Parses decoded HTML; elements nested deeper than `max_depth` are dropped, their text
/// kept.
pub fn parse(html: &str, max_depth: usize) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
    };
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let guard = DepthGuard::new(builder, max_depth.max(1));
    let tokenizer = Tokenizer::new(guard, Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // Script results ask the caller to run a script; we run none and go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let nodes = tokenizer.sink.inner.sink.nodes.into_inner();
    Dom { nodes }
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
}

/// An element name handed to the tree builder; owned because the nodes sit in a `RefCell`.
#[derive(Debug)]
pub struct OwnedName(QualName);

impl ElemName for OwnedName {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = (
            nodes[id].parent,
            nodes[id].prev_sibling,
            nodes[id].next_sibling,
        );
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => nodes[p].next_sibling = next,
            None => nodes[parent].first_child = next,
        }
        match next {
            Some(n) => nodes[n].prev_sibling = prev,
            None => nodes[parent].last_child = prev,
        }
        let node = &mut nodes[id];
        node.parent = None;
        node.prev_sibling = None;
        node.next_sibling = None;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent].last_child;
        nodes[child].parent = Some(parent);
        nodes[child].prev_sibling = last;
        match last {
            Some(l) => nodes[l].next_sibling = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
        nodes[parent].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        // The tree builder promises a parent; if it broke that promise, the node stays
        // out of the tree rather than panicking the batch.
        let Some(parent) = nodes[sibling].parent else {
            return;
        };
        let prev = nodes[sibling].prev_sibling;
        nodes[child].parent = Some(parent);
        nodes[child].prev_sibling = prev;
        nodes[child].next_sibling = Some(sibling);
        nodes[sibling].prev_sibling = Some(child);
        match prev {
            Some(p) => nodes[p].next_sibling = Some(child),
            None => nodes[parent].first_child = Some(child),
        }
    }

    /// Appends text to a text node, if `id` is one.
    fn merge_text(nodes: &mut [Node], id: Option<NodeId>, text: &StrTendril) -> bool {
        if let Some(NodeData::Text(t)) = id.map(|i| &mut nodes[i].data) {
            t.push_tendril(text);
            true
        } else {
            false
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = ();
    type ElemName<'a> = OwnedName;

    fn finish(self) {}

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> OwnedName {
        match &self.nodes.borrow()[*target].data {
            NodeData::Element { name, .. } => OwnedName(name.clone()),
            // Never asked by the tree builder; an empty name is a safe answer.
            _ => OwnedName(QualName::new(None, html5ever::ns!(), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template_contents = flags.template.then(|| self.push(NodeData::Document));
        self.push(NodeData::Element {
            name,
            attrs,
            template_contents,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(c) => Self::append_child(&mut nodes, *parent, c),
            NodeOrText::AppendText(t) => {
                let last = nodes[*parent].last_child;
                if !Self::merge_text(&mut nodes, last, &t) {
                    nodes.push(Node::new(NodeData::Text(t)));
                    let id = nodes.len() - 1;
                    Self::append_child(&mut nodes, *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[*target].data {
            NodeData::Element {
                template_contents: Some(c),
                ..
            } => *c,
            _ => *target, // never asked for a non-template
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(c) => Self::insert_before(&mut nodes, *sibling, c),
            NodeOrText::AppendText(t) => {
                let prev = nodes[*sibling].prev_sibling;
                if !Self::merge_text(&mut nodes, prev, &t) {
                    nodes.push(Node::new(NodeData::Text(t)));
                    let id = nodes.len() - 1;
                    Self::insert_before(&mut nodes, *sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, new: Vec<Attribute>) {
        if let NodeData::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in new {
                if !attrs.iter().any(|b| b.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(c) = nodes[*node].first_child {
            Self::append_child(&mut nodes, *new_parent, c);
        }
    }
}

/// Models the tree builder's stack of open elements, roughly but in O(1) amortised steps
/// per token, and drops tags that would take it past `max` elements.
///
/// The model follows the common implied closes (`p`, `li`, `dd`/`dt`, table cells and rows,
/// `option`, headings); where it errs it errs either way by a few levels, which is harmless:
/// the point is that the real stack stays near `max`, not exactly at it.
struct DepthGuard<S> {
    inner: S,
    max: usize,
    state: RefCell<Model>,
    /// Formatting elements passed on and not yet closed by their own end tag; the tree
    /// builder may reopen all of them before any later tag (its "reconstruction"), so their
    /// number is capped too.
    open_formatting: Cell<usize>,
}

#[derive(Default)]
struct Model {
    /// Names of the elements believed open, outermost first.
    stack: Vec<LocalName>,
    /// Where each name sits in `stack` (ascending), for O(1) "is it open" checks.
    positions: HashMap<LocalName, Vec<usize>>,
    /// Start tags dropped for depth, innermost last, with counts by name.
    dropped: Vec<LocalName>,
    dropped_count: HashMap<LocalName, usize>,
    /// Formatting start tags dropped for their number, by name.
    dropped_formatting: HashMap<LocalName, usize>,
}

impl Model {
    fn push(&mut self, name: LocalName) {
        self.positions
            .entry(name.clone())
            .or_default()
            .push(self.stack.len());
        self.stack.push(name);
    }

    fn last_pos(&self, name: &LocalName) -> Option<usize> {
        self.positions.get(name).and_then(|v| v.last().copied())
    }

    /// Pops elements until `len` remain.
    fn truncate(&mut self, len: usize) {
        while self.stack.len() > len {
            let name = self.stack.pop().expect("len checked");
            if let Some(v) = self.positions.get_mut(&name) {
                v.pop();
            }
        }
    }

    /// The innermost open element among `names`, if none of `barriers` is open inside it.
    fn in_scope(&self, names: &[LocalName], barriers: &[LocalName]) -> Option<usize> {
        let pos = names.iter().filter_map(|n| self.last_pos(n)).max()?;
        let barrier = barriers.iter().filter_map(|n| self.last_pos(n)).max();
        (barrier.is_none_or(|b| b < pos)).then_some(pos)
    }

    fn pop_dropped_until(&mut self, name: &LocalName) {
        while let Some(n) = self.dropped.pop() {
            if let Some(c) = self.dropped_count.get_mut(&n) {
                *c -= 1;
            }
            if &n == name {
                break;
            }
        }
    }

    fn clear_dropped(&mut self) {
        self.dropped.clear();
        self.dropped_count.clear();
    }
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("image")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

/// Elements whose content the tokenizer reads as raw text: they never nest, and dropping
/// their start tag would make the tokenizer read a script as markup.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// Start tags that close an open `<p>` (the spec's list, roughly).
fn closes_p(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("ul")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("pre")
            | local_name!("listing")
            | local_name!("form")
            | local_name!("table")
            | local_name!("li")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("hr")
            | local_name!("xmp")
    )
}

fn is_heading(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

/// The most open formatting elements passed on; deeper ones only lose their formatting.
const MAX_OPEN_FORMATTING: usize = 64;

impl<S> DepthGuard<S> {
    fn new(inner: S, max: usize) -> Self {
        DepthGuard {
            inner,
            max,
            state: RefCell::new(Model::default()),
            open_formatting: Cell::new(0),
        }
    }

    /// Whether to pass a start tag on; updates the model.
    fn start_tag(&self, tag: &Tag) -> bool {
        let name = &tag.name;
        let mut m = self.state.borrow_mut();
        // The tree builder merges repeated html/head/body tags into the first ones.
        if matches!(
            *name,
            local_name!("html") | local_name!("head") | local_name!("body")
        ) || is_void(name)
        {
            return true;
        }
        let in_foreign =
            m.last_pos(&local_name!("svg")).is_some() || m.last_pos(&local_name!("math")).is_some();
        if tag.self_closing && in_foreign {
            return true;
        }
        if is_raw_text(name) {
            // Closed by the next matching end tag, before anything else can nest.
            return true;
        }
        if !m.dropped.is_empty() || m.stack.len() >= self.max {
            m.dropped_count
                .entry(name.clone())
                .and_modify(|c| *c += 1)
                .or_insert(1);
            m.dropped.push(name.clone());
            return false;
        }
        if is_formatting(name) {
            if *name == local_name!("a") && m.last_pos(name).is_some() {
                // A new <a> closes the open one (adoption agency).
                let pos = m.last_pos(name).expect("checked");
                m.truncate(pos);
                self.open_formatting
                    .set(self.open_formatting.get().saturating_sub(1));
            }
            if self.open_formatting.get() >= MAX_OPEN_FORMATTING {
                *m.dropped_formatting.entry(name.clone()).or_insert(0) += 1;
                return false;
            }
            self.open_formatting.set(self.open_formatting.get() + 1);
        }
        let button_scope = [
            local_name!("button"),
            local_name!("table"),
            local_name!("td"),
            local_name!("th"),
            local_name!("caption"),
            local_name!("object"),
            local_name!("marquee"),
            local_name!("applet"),
            local_name!("template"),
        ];
        let list_barriers = [
            local_name!("ul"),
            local_name!("ol"),
            local_name!("dl"),
            local_name!("table"),
            local_name!("td"),
            local_name!("th"),
            local_name!("button"),
            local_name!("template"),
        ];
        let table = [local_name!("table"), local_name!("template")];
        let close = match *name {
            local_name!("li") => m.in_scope(&[local_name!("li")], &list_barriers),
            local_name!("dd") | local_name!("dt") => {
                m.in_scope(&[local_name!("dd"), local_name!("dt")], &list_barriers)
            }
            local_name!("td") | local_name!("th") => {
                m.in_scope(&[local_name!("td"), local_name!("th")], &table)
            }
            local_name!("tr") => m.in_scope(&[local_name!("tr")], &table),
            local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => m.in_scope(
                &[
                    local_name!("tbody"),
                    local_name!("thead"),
                    local_name!("tfoot"),
                ],
                &table,
            ),
            local_name!("option") | local_name!("optgroup") => {
                m.in_scope(&[local_name!("option")], &[])
            }
            local_name!("button") => m.in_scope(&[local_name!("button")], &[]),
            _ => None,
        };
        if let Some(pos) = close {
            m.truncate(pos);
        }
        if closes_p(name) {
            if let Some(pos) = m.in_scope(&[local_name!("p")], &button_scope) {
                m.truncate(pos);
            }
        }
        if is_heading(name) && m.stack.last().is_some_and(is_heading) {
            let len = m.stack.len();
            m.truncate(len - 1);
        }
        if *name == local_name!("form") && m.last_pos(name).is_some() {
            return true; // ignored by the tree builder: a form does not nest
        }
        m.push(name.clone());
        true
    }

    /// Whether to pass an end tag on; updates the model.
    fn end_tag(&self, tag: &Tag) -> bool {
        let name = &tag.name;
        let mut m = self.state.borrow_mut();
        if m.dropped_count.get(name).is_some_and(|&c| c > 0) {
            m.pop_dropped_until(name);
            return false;
        }
        if let Some(c) = m.dropped_formatting.get_mut(name).filter(|c| **c > 0) {
            *c -= 1;
            return false;
        }
        if is_formatting(name) {
            self.open_formatting
                .set(self.open_formatting.get().saturating_sub(1));
        }
        if let Some(pos) = m.last_pos(name) {
            // Closing an element that holds the dropped ones closes those too.
            m.clear_dropped();
            m.truncate(pos);
        }
        true
    }
}

impl<S: TokenSink> TokenSink for DepthGuard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            let pass = match tag.kind {
                TagKind::StartTag => self.start_tag(tag),
                TagKind::EndTag => self.end_tag(tag),
            };
            if !pass {
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}
