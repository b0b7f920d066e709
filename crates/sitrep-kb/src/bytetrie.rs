//! A byte trie built once and then only walked: the sector index finds the longest listed
//! head a word ends in (keys stored reversed) and the longest listed first part it starts
//! with, one step per byte instead of hashing every suffix or prefix of the word.

/// Keys are byte strings; each node's edges are a sorted slice of one flat array.
#[derive(Debug, Clone)]
pub(crate) struct ByteTrie<V> {
    nodes: Vec<Node<V>>,
    /// `(byte, child)`, each node's run sorted by byte.
    edges: Vec<(u8, u32)>,
}

#[derive(Debug, Clone)]
struct Node<V> {
    first_edge: u32,
    edge_count: u32,
    value: Option<V>,
}

impl<V: Copy> ByteTrie<V> {
    /// The trie of `keys`; a key given twice keeps its first value (as `entry().or_insert`).
    pub fn new<K: AsRef<[u8]>>(keys: impl IntoIterator<Item = (K, V)>) -> ByteTrie<V> {
        // built with child maps, then flattened breadth-first
        struct Build<V> {
            children: std::collections::BTreeMap<u8, usize>,
            value: Option<V>,
        }
        let mut build = vec![Build::<V> {
            children: Default::default(),
            value: None,
        }];
        for (key, value) in keys {
            let mut at = 0;
            for &b in key.as_ref() {
                at = match build[at].children.get(&b) {
                    Some(&c) => c,
                    None => {
                        build.push(Build {
                            children: Default::default(),
                            value: None,
                        });
                        let c = build.len() - 1;
                        build[at].children.insert(b, c);
                        c
                    }
                };
            }
            build[at].value.get_or_insert(value);
        }
        // breadth-first numbering: old index → new index
        let mut order = vec![0usize];
        let mut new_of = vec![0u32; build.len()];
        let mut k = 0;
        while k < order.len() {
            let old = order[k];
            new_of[old] = k as u32;
            order.extend(build[old].children.values().copied());
            k += 1;
        }
        let mut nodes = Vec::with_capacity(build.len());
        let mut edges = Vec::with_capacity(build.len().saturating_sub(1));
        for &old in &order {
            let b = &build[old];
            nodes.push(Node {
                first_edge: edges.len() as u32,
                edge_count: b.children.len() as u32,
                value: b.value,
            });
            edges.extend(b.children.iter().map(|(&byte, &c)| (byte, new_of[c])));
        }
        ByteTrie { nodes, edges }
    }

    /// The child of `node` by `byte`.
    #[inline]
    pub fn step(&self, node: u32, byte: u8) -> Option<u32> {
        let n = &self.nodes[node as usize];
        let run = &self.edges[n.first_edge as usize..(n.first_edge + n.edge_count) as usize];
        if run.len() <= 8 {
            run.iter().find(|e| e.0 == byte).map(|e| e.1)
        } else {
            run.binary_search_by_key(&byte, |e| e.0)
                .ok()
                .map(|i| run[i].1)
        }
    }

    /// The value stored at `node`, if a key ends there.
    #[inline]
    pub fn value(&self, node: u32) -> Option<V> {
        self.nodes[node as usize].value
    }

    pub const ROOT: u32 = 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_keys_and_keeps_the_first_value() {
        let t = ByteTrie::new([("ab", 1), ("abc", 2), ("b", 3), ("ab", 9)]);
        let walk = |s: &str| {
            let mut at = ByteTrie::<i32>::ROOT;
            let mut seen = Vec::new();
            for &b in s.as_bytes() {
                match t.step(at, b) {
                    Some(n) => at = n,
                    None => break,
                }
                seen.extend(t.value(at));
            }
            seen
        };
        assert_eq!(walk("abcd"), [1, 2]);
        assert_eq!(walk("b"), [3]);
        assert_eq!(walk("c"), Vec::<i32>::new());
        assert_eq!(t.value(ByteTrie::<i32>::ROOT), None);
    }

    #[test]
    fn wide_nodes_are_searched_too() {
        let keys: Vec<(String, u8)> = (b'a'..=b'z')
            .map(|b| ((b as char).to_string(), b))
            .collect();
        let t = ByteTrie::new(keys.iter().map(|(k, v)| (k.as_str(), *v)));
        for b in b'a'..=b'z' {
            let n = t.step(ByteTrie::<u8>::ROOT, b).unwrap();
            assert_eq!(t.value(n), Some(b));
        }
        assert_eq!(t.step(ByteTrie::<u8>::ROOT, b'A'), None);
    }
}
