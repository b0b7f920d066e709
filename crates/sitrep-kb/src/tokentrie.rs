//! The matcher's token trie in its final form: plain arrays that the compiled artifact
//! (`crate::compiled`) stores nearly as they are, so that loading it is a copy and two
//! cheap passes, not a rebuild.
//!
//! Tokens are interned to ids; their texts are one string with an end offset per id, found
//! by an open-addressing table of FNV-1a hashes. Nodes are numbered breadth-first with
//! each node's children in token order, so the children of a node are consecutive nodes
//! and the `e`-th edge leads to node `e + 1`: a node's children are a run of token ids,
//! nothing more. Node 0 is the root; its children are also indexed by token id directly
//! (nearly every lookup starts there). Each node has a run of entry indices (`at`), read by
//! the matcher.

use sitrep_core::fnv::{Fnv, FnvMap};
use std::borrow::Cow;
use std::hash::Hasher;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenTrie {
    /// The tokens' texts, concatenated in id order.
    pub text: Cow<'static, str>,
    /// The end of each token's text: token `i` is `ends[i - 1]..ends[i]` (from 0 for `i` 0).
    pub ends: Vec<u32>,
    /// Where each node's run of children starts in `child_tok` (one more than nodes).
    pub child_start: Vec<u32>,
    /// The token of each edge, each node's run sorted; edge `e` leads to node `e + 1`.
    pub child_tok: Vec<u32>,
    /// Where each node's run of entries starts in `at` (one more than nodes).
    pub at_start: Vec<u32>,
    /// Entry indices of the nodes, as the matcher gave them.
    pub at: Vec<u32>,
    /// Derived: token id + 1 by hash (0: empty); a power of two long, at most half full.
    slots: Vec<u32>,
    /// Derived: the root's child by token id (0: none; the root is nobody's child).
    root: Vec<u32>,
}

/// The hash [`TokenTrie::token_hashed`] takes (FNV-1a): computed once for two tries.
pub(crate) fn hash(token: &str) -> u64 {
    hash_bytes(token.as_bytes())
}

fn hash_bytes(token: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(token);
    h.finish()
}

impl TokenTrie {
    /// Freezes the builder's maps: `vocab` token → id (ids `0..n`), `edges` (node, token)
    /// → child (nodes `1..at_node.len()`), `at_node` the entries of each node. Nodes are
    /// renumbered breadth-first (the numbers are never seen outside the matcher).
    pub fn freeze(
        vocab: &FnvMap<Box<str>, u32>,
        edges: &FnvMap<(u32, u32), u32>,
        at_node: &[Vec<u32>],
    ) -> TokenTrie {
        let mut tokens: Vec<(&str, u32)> = vocab.iter().map(|(t, &id)| (&**t, id)).collect();
        tokens.sort_unstable_by_key(|t| t.1);
        let mut text = String::new();
        let mut ends = Vec::with_capacity(tokens.len());
        for (t, _) in &tokens {
            text.push_str(t);
            ends.push(text.len() as u32);
        }
        let mut runs: Vec<Vec<(u32, u32)>> = vec![Vec::new(); at_node.len()];
        for (&(node, tok), &child) in edges {
            runs[node as usize].push((tok, child));
        }
        for run in &mut runs {
            run.sort_unstable();
        }
        // breadth-first: `order[new] = old`
        let mut order = vec![0u32];
        let mut child_start = Vec::with_capacity(at_node.len() + 1);
        let mut child_tok = Vec::with_capacity(edges.len());
        let mut k = 0;
        while k < order.len() {
            child_start.push(child_tok.len() as u32);
            for &(tok, child) in &runs[order[k] as usize] {
                child_tok.push(tok);
                order.push(child);
            }
            k += 1;
        }
        child_start.push(child_tok.len() as u32);
        let mut at_start = Vec::with_capacity(order.len() + 1);
        let mut at = Vec::new();
        for &old in &order {
            at_start.push(at.len() as u32);
            at.extend_from_slice(&at_node[old as usize]);
        }
        at_start.push(at.len() as u32);
        TokenTrie::new(Cow::Owned(text), ends, child_start, child_tok, at_start, at)
            .unwrap_or_else(|e| unreachable!("a frozen trie is well formed: {e}"))
    }

    /// The trie of its stored parts, checked (so that a damaged artifact is an error at
    /// load, not a panic later: offsets in range and on character boundaries, runs in
    /// order, tokens and edges in range), with the lookup tables derived.
    pub fn new(
        text: Cow<'static, str>,
        ends: Vec<u32>,
        child_start: Vec<u32>,
        child_tok: Vec<u32>,
        at_start: Vec<u32>,
        at: Vec<u32>,
    ) -> Result<TokenTrie, String> {
        let tokens = ends.len();
        let mut prev = 0u32;
        for &e in &ends {
            if e < prev || e as usize > text.len() || !text.is_char_boundary(e as usize) {
                return Err(format!("token end {e} out of order or range"));
            }
            prev = e;
        }
        let nodes = child_start.len().saturating_sub(1);
        for (starts, len) in [(&child_start, child_tok.len()), (&at_start, at.len())] {
            if starts.len() != nodes + 1
                || starts.first() != Some(&0)
                || starts.last().map(|&l| l as usize) != Some(len)
                || starts.windows(2).any(|w| w[0] > w[1])
            {
                return Err("node runs out of order or range".into());
            }
        }
        // every node but the root is the child of one edge
        if child_tok.len() + 1 != nodes {
            return Err(format!("{} edges for {nodes} nodes", child_tok.len()));
        }
        // each run sorted, every token in range
        let mut run_end = 0;
        let mut n = 0;
        for (e, &tok) in child_tok.iter().enumerate() {
            while e >= run_end {
                n += 1;
                run_end = child_start[n] as usize;
            }
            let first = e == child_start[n - 1] as usize;
            if tok as usize >= tokens || (!first && child_tok[e - 1] >= tok) {
                return Err("children out of order or range".into());
            }
        }
        let mut t = TokenTrie {
            text,
            ends,
            child_start,
            child_tok,
            at_start,
            at,
            slots: vec![0u32; (tokens * 2).next_power_of_two().max(2)],
            root: vec![0u32; tokens],
        };
        let mask = t.slots.len() - 1;
        let mut start = 0;
        for (id, &end) in t.ends.iter().enumerate() {
            let mut s = hash_bytes(&t.text.as_bytes()[start..end as usize]) as usize & mask;
            start = end as usize;
            while t.slots[s] != 0 {
                s = (s + 1) & mask;
            }
            t.slots[s] = id as u32 + 1;
        }
        for e in 0..t.child_start[1] as usize {
            t.root[t.child_tok[e] as usize] = e as u32 + 1;
        }
        Ok(t)
    }

    /// The number of tokens.
    pub fn tokens(&self) -> usize {
        self.ends.len()
    }

    /// The number of nodes.
    pub fn nodes(&self) -> usize {
        self.at_start.len() - 1
    }

    /// Token `id`'s text.
    pub fn token_text(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start as usize..self.ends[id] as usize]
    }

    /// The id of `token`, if some form has it.
    #[inline]
    pub fn token(&self, token: &str) -> Option<u32> {
        self.token_hashed(token, hash(token))
    }

    /// [`TokenTrie::token`] with the token's [`hash`].
    #[inline]
    pub fn token_hashed(&self, token: &str, hash: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut s = hash as usize & mask;
        loop {
            let id = self.slots[s];
            if id == 0 {
                return None;
            }
            // bytes compared: the ends are on character boundaries (checked at `new`)
            let id = id as usize - 1;
            let start = if id == 0 {
                0
            } else {
                self.ends[id - 1] as usize
            };
            if &self.text.as_bytes()[start..self.ends[id] as usize] == token.as_bytes() {
                return Some(id as u32);
            }
            s = (s + 1) & mask;
        }
    }

    /// The child of `node` by token `tok`.
    #[inline]
    pub fn step(&self, node: u32, tok: u32) -> Option<u32> {
        if node == 0 {
            return self.root.get(tok as usize).copied().filter(|&c| c != 0);
        }
        let n = node as usize;
        let start = self.child_start[n];
        let run = &self.child_tok[start as usize..self.child_start[n + 1] as usize];
        let k = if run.len() <= 8 {
            run.iter().position(|&t| t == tok)
        } else {
            run.binary_search(&tok).ok()
        };
        k.map(|k| start + k as u32 + 1)
    }

    /// The entries at `node`.
    #[inline]
    pub fn at(&self, node: u32) -> &[u32] {
        let n = node as usize;
        &self.at[self.at_start[n] as usize..self.at_start[n + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_trie_walks_as_the_maps_do() {
        let mut vocab: FnvMap<Box<str>, u32> = FnvMap::default();
        let mut edges: FnvMap<(u32, u32), u32> = FnvMap::default();
        let mut at_node = vec![Vec::new()];
        // forms "a b", "a c", "b", and twelve children of "a" to reach the binary search
        let forms: Vec<String> = ["a b", "a c", "b", "c a b"]
            .into_iter()
            .map(String::from)
            .chain((0..12).map(|i| format!("a x{i}")))
            .collect();
        for (k, form) in forms.iter().enumerate() {
            let mut node = 0;
            for t in form.split(' ') {
                let n = vocab.len() as u32;
                let id = *vocab.entry(t.into()).or_insert(n);
                let next = at_node.len() as u32;
                node = *edges.entry((node, id)).or_insert_with(|| {
                    at_node.push(Vec::new());
                    next
                });
            }
            at_node[node as usize].push(k as u32);
        }
        let t = TokenTrie::freeze(&vocab, &edges, &at_node);
        for (tok, &id) in &vocab {
            assert_eq!(t.token(tok), Some(id));
        }
        assert_eq!(t.token("z"), None);
        assert_eq!(t.token(""), None);
        let walk = |form: &str| {
            form.split(' ')
                .try_fold(0u32, |node, w| t.step(node, t.token(w)?))
        };
        for (k, form) in forms.iter().enumerate() {
            assert_eq!(t.at(walk(form).unwrap()), [k as u32], "{form}");
        }
        assert!(t.at(walk("a").unwrap()).is_empty());
        assert_eq!(walk("a a"), None);
        assert_eq!(walk("b b"), None);
        assert_eq!(t.nodes(), at_node.len());
        // a damaged trie is refused
        type Parts = (
            Cow<'static, str>,
            Vec<u32>,
            Vec<u32>,
            Vec<u32>,
            Vec<u32>,
            Vec<u32>,
        );
        // rebuilt from its parts after `damage`: refused unless the damage is none
        let rebuilt = |damage: &dyn Fn(&mut Parts)| {
            let mut p: Parts = (
                t.text.clone(),
                t.ends.clone(),
                t.child_start.clone(),
                t.child_tok.clone(),
                t.at_start.clone(),
                t.at.clone(),
            );
            damage(&mut p);
            let (x, e, cs, ct, ats, at) = p;
            TokenTrie::new(x, e, cs, ct, ats, at)
        };
        assert!(rebuilt(&|_| {}).is_ok());
        assert!(rebuilt(&|p| p.3[0] = 99).is_err());
        assert!(rebuilt(&|p| {
            p.2.pop();
        })
        .is_err());
        assert!(rebuilt(&|p| p.1[0] = 1000).is_err());
    }
}
