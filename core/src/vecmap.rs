//! One small map for the whole core: (key, value) pairs kept sorted by key in a vector, found
//! by binary search.
//!
//! std's `BTreeMap` and `HashMap` are generic: each key and value type gets its own copy of
//! their node, balancing, hashing and rehashing code, kilobytes of wasm the page pays for (see
//! `sort`, which has the same reason). The maps here are built once and then read (a node's
//! links, the message catalog, the text packs, the knowledge base's ids): a sorted vector
//! serves them as well, and its code is a binary search.
//!
//! Invariants: keys are unique and ascending; iteration is in key order, as `BTreeMap`'s (a
//! `HashMap`'s was arbitrary); `insert` replaces the value of a key already there. Inserting
//! in ascending order appends; in any other order an insert moves the larger keys, O(n). Keys
//! from the user's input are therefore gathered first and sorted once ([`VecMap::from_pairs`],
//! O(n log n)); a map that looks up user keys while it is being filled (node names and ids, a
//! section's keys) stays a `HashMap`. `insert` one by one is for corocheck's own data.

use std::borrow::Borrow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VecMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap { items: Vec::new() }
    }
}

impl<K: Ord, V> VecMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, k: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.items.binary_search_by(|(x, _)| x.borrow().cmp(k))
    }

    pub fn get<Q: Ord + ?Sized>(&self, k: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(k).ok().map(|i| &self.items[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, k: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(k).is_ok()
    }

    /// The map of `pairs`, the last value of a key winning (as inserting them in order would
    /// give), in O(n log n) whatever their order.
    pub fn from_pairs(mut pairs: Vec<(K, V)>) -> Self {
        crate::sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        // Equal keys are in input order (the sort is stable): the last one's value stays.
        pairs.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        VecMap { items: pairs }
    }

    /// Set `k` to `v`; the value it had, if any.
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        match self.find(&k) {
            Ok(i) => Some(std::mem::replace(&mut self.items[i].1, v)),
            Err(i) => {
                self.items.insert(i, (k, v));
                None
            }
        }
    }

    /// The value of `k`, inserted as `V::default()` if missing (`entry(k).or_default()`).
    pub fn get_or_default(&mut self, k: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&k) {
            Ok(i) => i,
            Err(i) => {
                self.items.insert(i, (k, V::default()));
                i
            }
        };
        &mut self.items[i].1
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// In key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.into_iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.items.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.items.iter().map(|(_, v)| v)
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    /// In key order.
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The same answers as `BTreeMap` for inserts in any order, replacements and lookups.
    #[test]
    fn agrees_with_btreemap() {
        let mut m = VecMap::new();
        let mut b = BTreeMap::new();
        let mut x: u32 = 7;
        for i in 0..2000u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345) % 503;
            assert_eq!(m.insert(x, i), b.insert(x, i));
            *m.get_or_default(x / 3) += 1;
            *b.entry(x / 3).or_default() += 1;
            assert_eq!(m.get(&(i % 503)), b.get(&(i % 503)));
            assert_eq!(m.contains_key(&(i % 600)), b.contains_key(&(i % 600)));
        }
        assert_eq!(m.len(), b.len());
        let pairs: Vec<(u32, u32)> = (0..3000u32).map(|i| ((i * 7919) % 1009, i)).collect();
        let from = VecMap::from_pairs(pairs.clone());
        let want: BTreeMap<u32, u32> = pairs.into_iter().collect();
        assert!(from.iter().eq(want.iter()));
        assert!(m.iter().eq(b.iter()));
        assert!(m.keys().eq(b.keys()) && m.values().eq(b.values()));
        let mut s: VecMap<String, usize> = VecMap::new();
        s.insert("b".into(), 1);
        s.insert("a".into(), 2);
        assert_eq!(s.get("a"), Some(&2));
        assert_eq!(s.keys().collect::<Vec<_>>(), ["a", "b"]);
        m.clear();
        assert!(m.is_empty());
    }
}
