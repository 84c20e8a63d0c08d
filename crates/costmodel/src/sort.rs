//! A stable sort for the model's short lists: regime markers (at most four), window ends and
//! phase cuts (a few each), the preset rows (about a hundred), "what would make it fit" stacks
//! (at most a few hundred combinations).
//!
//! `slice::sort_by` links a driftsort (quicksort, merges and small-sort networks, about 4 KB of
//! .wasm) for every element type and comparison; the web app had 23 copies of its parts (12 KB
//! before compression, issue 12's ninth pass). Binary insertion sort is a few hundred bytes per
//! copy, stable, and within a millisecond for the sizes above: it makes at most
//! `n·log2(n)` comparisons and `n²/2` element moves (`rotate_right`), the latter a `memmove`.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (equal elements keep their order), like `slice::sort_by`.
/// Meant for short slices (hundreds of elements): moves are quadratic in the worst case.
pub fn sort_stable_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        // The first place in the sorted prefix whose element is greater than v[i]: after
        // every equal element, which keeps the sort stable.
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if cmp(&v[mid], &v[i]) == Ordering::Greater {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v[lo..=i].rotate_right(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_floats_with_total_order() {
        let mut v = [3.0, -1.0, f64::INFINITY, 0.0, -0.0, 2.5, 2.5];
        sort_stable_by(&mut v, f64::total_cmp);
        assert_eq!(v.map(f64::to_bits), [-1.0, -0.0, 0.0, 2.5, 2.5, 3.0, f64::INFINITY].map(f64::to_bits));
    }

    #[test]
    fn empty_and_single_slices_are_left_alone() {
        let mut e: [u8; 0] = [];
        sort_stable_by(&mut e, u8::cmp);
        let mut one = [7u8];
        sort_stable_by(&mut one, u8::cmp);
        assert_eq!(one, [7]);
    }

    proptest! {
        /// The same order as the standard library's stable sort, element for element, when
        /// sorting by a key with many ties (so stability is exercised): (key, original index).
        #[test]
        fn matches_std_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = tagged.clone();
            let mut std_sorted = tagged;
            sort_stable_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
