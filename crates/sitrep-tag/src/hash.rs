//! Feature hashing and a compact open-addressing map keyed by those hashes.
//!
//! The hash is our own (a multiply-rotate mix in the style of FxHash with a final
//! avalanche), so models are identical on every platform and Rust version.

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h | 1 // never 0: 0 marks an empty slot
}

#[inline]
pub fn bytes(seed: u64, b: &[u8]) -> u64 {
    let mut h = mix(0x243f_6a88_85a3_08d3, seed);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    mix(h, b.len() as u64)
}

#[inline]
pub fn str(seed: u64, s: &str) -> u64 {
    bytes(seed, s.as_bytes())
}

/// Combines a feature template id with up to three pre-hashed parts.
#[inline]
pub fn feat(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x1319_8a2e_0370_7344, template), a), b))
}

/// Open addressing with linear probing over non-zero u64 keys; the capacity is a power of
/// two at least twice the number of keys. Built once, read-only afterwards.
#[derive(Debug, Clone)]
pub struct U64Map<V> {
    keys: Vec<u64>,
    vals: Vec<V>,
    shift: u32,
    len: usize,
}

impl<V: Copy + Default> U64Map<V> {
    pub fn with_capacity(n: usize) -> U64Map<V> {
        let cap = (n.max(4) * 2).next_power_of_two();
        U64Map {
            keys: vec![0; cap],
            vals: vec![V::default(); cap],
            shift: 64 - cap.trailing_zeros(),
            len: 0,
        }
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(K) >> self.shift) as usize
    }

    /// Inserts or replaces. Panics if the map is full (callers size it up front).
    pub fn insert(&mut self, key: u64, v: V) {
        let key = key | 1;
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            if self.keys[i] == 0 {
                assert!(self.len + 1 < self.keys.len(), "U64Map over capacity");
                self.keys[i] = key;
                self.vals[i] = v;
                self.len += 1;
                return;
            }
            if self.keys[i] == key {
                self.vals[i] = v;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        let key = key | 1;
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.vals[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn heap_bytes(&self) -> usize {
        self.keys.len() * (8 + std::mem::size_of::<V>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_finds_what_was_inserted() {
        let mut m = U64Map::with_capacity(1000);
        for i in 0..1000u64 {
            m.insert(str(1, &i.to_string()), i as u32);
        }
        for i in 0..1000u64 {
            assert_eq!(m.get(str(1, &i.to_string())), Some(i as u32));
        }
        assert_eq!(m.get(str(2, "0")), None);
        assert_eq!(m.len(), 1000);
    }

    #[test]
    fn hashes_are_stable() {
        // Models store these hashes: a change here invalidates every model.
        assert_eq!(str(0, "Haus"), str(0, "Haus"));
        assert_ne!(str(0, "Haus"), str(1, "Haus"));
        assert_ne!(str(0, "ab"), str(0, "ab\0"));
    }
}
