//! Sorting for the browser's short lists: chapters, listening marks, a page
//! of search results, and in the Markdown module an episode's chapters and
//! the problems found in its file (3 KB gzip less there).
//!
//! Every element type given to the standard library's sorts instantiates a
//! copy of its quicksort or driftsort, 2–3 KB of wasm each. One insertion
//! sort serves all of these lists instead. It is stable, linear on input
//! that is already in order (chapters files nearly always are), and
//! quadratic in the worst case, so it is only for lists of at most a few
//! thousand entries. Sorting large lists stays in the native indexer.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for k in 1..items.len() {
        let mut at = k;
        while at > 0 && cmp(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each, keeping items of equal keys
/// in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_sort_like_the_standard_stable_sort() {
        for input in [
            vec![],
            vec![(1, 'a')],
            vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')],
            vec![(5, 'a'), (4, 'b'), (3, 'c'), (2, 'd'), (1, 'e')],
            vec![(1, 'a'), (1, 'b'), (1, 'c')],
        ] {
            let mut want = input.clone();
            want.sort_by_key(|p| p.0);
            let mut got = input.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want, "{input:?}");
            let mut by_key = input.clone();
            sort_by_key(&mut by_key, |p| p.0);
            assert_eq!(by_key, want, "{input:?}");
        }
    }

    #[test]
    fn can_sort_in_reverse() {
        let mut v = vec![2, 9, 4, 7];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [9, 7, 4, 2]);
    }
}
