//! One sort for the whole core.
//!
//! `slice::sort_by` and friends are generic: every call site with its own element type or
//! comparator gets its own copy of std's driftsort/ipnsort (quicksort, merge, small-sort and
//! pivot routines). Seventeen call sites made 76 sort functions, about 40 KB of wasm before
//! `wasm-opt`. The page pays for every byte, and our lists are small (diagnostics, findings,
//! nodes), so the core sorts through this module instead: a stable merge sort over `u32`
//! indices that is compiled once (the comparator is a `dyn` call), then an in-place
//! permutation that is the only per-type code.
//!
//! Invariants: stable (equal elements keep their order); O(n log n) comparisons; O(n) extra
//! memory (two index buffers and the run ends); never panics for a comparator that is not a total order (the
//! result is then some permutation of the input).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx = order(v.len(), &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &mut idx);
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The permutation that sorts `v` stably by `key`: position `k` holds the index of the element
/// that belongs at `k`. For callers that build the sorted vector themselves: reading large
/// elements in merge order (a few sequential streams) is cheaper than [`sort_by`]'s swaps
/// along the permutation's cycles, which miss the cache on every step.
pub fn order_by_key<T, K: Ord>(v: &[T], mut key: impl FnMut(&T) -> K) -> Vec<u32> {
    if v.len() < 2 {
        return (0..v.len() as u32).collect();
    }
    order(v.len(), &mut |a, b| {
        key(&v[a as usize]).cmp(&key(&v[b as usize]))
    })
}

/// Sorts `v` stably in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The permutation that sorts `n` elements: position `k` of the result holds the index of the
/// element that belongs at `k`. Natural merge sort, non-generic: it starts from the runs
/// already in order (sorted input costs `n - 1` comparisons and no copy), then merges
/// neighbouring runs until one is left.
fn order(n: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    debug_assert!(n <= u32::MAX as usize);
    let mut a: Vec<u32> = (0..n as u32).collect();
    // Where each run ends.
    let mut ends: Vec<usize> = (1..n)
        .filter(|&i| cmp(i as u32, i as u32 - 1) == Ordering::Less)
        .collect();
    ends.push(n);
    if ends.len() == 1 {
        return a;
    }
    let mut b = a.clone();
    while ends.len() > 1 {
        let mut lo = 0;
        let mut merged = Vec::with_capacity(ends.len() / 2 + 1);
        for pair in ends.chunks(2) {
            let mid = pair[0];
            let hi = *pair.last().unwrap_or(&mid);
            merged.push(hi);
            // Runs already in order (after a first merge) are copied, not merged.
            if mid == hi || cmp(a[mid], a[mid - 1]) != Ordering::Less {
                b[lo..hi].copy_from_slice(&a[lo..hi]);
                lo = hi;
                continue;
            }
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right run only when strictly less: that keeps the sort stable.
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        ends = merged;
    }
    a
}

/// Rearranges `v` so that `v[k]` becomes the old `v[idx[k]]`, following each cycle with swaps.
/// `idx` is consumed (each visited slot is reset to its own index).
fn permute<T>(v: &mut [T], idx: &mut [u32]) {
    for start in 0..v.len() {
        let mut cur = start;
        loop {
            let next = idx[cur] as usize;
            idx[cur] = cur as u32;
            if next == start || next == cur {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the test needs varied inputs, not quality randomness.
    fn lcg(seed: &mut u64) -> u32 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) as u32
    }

    #[test]
    fn agrees_with_std_stable_sort() {
        let mut seed = 7;
        for n in [0, 1, 2, 3, 5, 8, 13, 31, 64, 100, 257, 1000] {
            for modulus in [1, 3, 50, u32::MAX] {
                let v: Vec<(u32, usize)> = (0..n).map(|i| (lcg(&mut seed) % modulus, i)).collect();
                let mut ours = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut std = v.clone();
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n={n} modulus={modulus}");
            }
        }
    }

    #[test]
    fn order_by_key_is_the_sorting_permutation() {
        let mut seed = 11;
        for n in [0usize, 1, 2, 7, 100, 1000] {
            let v: Vec<(u32, usize)> = (0..n).map(|i| (lcg(&mut seed) % 13, i)).collect();
            let idx = order_by_key(&v, |p| p.0);
            let ours: Vec<(u32, usize)> = idx.iter().map(|&i| v[i as usize]).collect();
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n={n}");
        }
    }

    #[test]
    fn runs_in_order_agree_with_std() {
        // Sorted, reversed, sorted with an unsorted tail, and saw-tooth inputs.
        for n in [2usize, 3, 10, 101, 1000] {
            let shapes: [Vec<(usize, usize)>; 4] = [
                (0..n).map(|i| (i / 3, i)).collect(),
                (0..n).map(|i| (n - i, i)).collect(),
                (0..n)
                    .map(|i| (if i < n - n / 4 { i } else { i % 7 }, i))
                    .collect(),
                (0..n).map(|i| (i % 5, i)).collect(),
            ];
            for v in shapes {
                let mut ours = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut std = v;
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n={n}");
            }
        }
    }

    #[test]
    fn non_total_order_still_permutes() {
        let mut seed = 3;
        let mut v: Vec<u32> = (0..200).collect();
        sort_by(&mut v, |_, _| {
            if lcg(&mut seed) % 2 == 0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        let mut back = v.clone();
        back.sort();
        assert_eq!(back, (0..200).collect::<Vec<_>>());
    }

    /// The module's reason to exist holds only if nothing else in the core calls std's sorts.
    #[test]
    fn the_core_sorts_only_through_this_module() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        let mut offenders = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("sort.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (n, line) in text.lines().enumerate() {
                        let code = line.split("//").next().unwrap_or("");
                        if [".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable"]
                            .iter()
                            .any(|p| code.contains(p))
                        {
                            offenders.push(format!("{}:{}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        assert!(offenders.is_empty(), "use crate::sort: {offenders:?}");
    }
}
