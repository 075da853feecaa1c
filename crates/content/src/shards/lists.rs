//! Ascending lists of section numbers: stored as gaps, and intersected.

/// Ascending numbers as gaps.
#[cfg(any(feature = "build", test))]
pub(crate) fn gaps(sorted: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    sorted
        .iter()
        .map(|&n| {
            let g = n - prev;
            prev = n;
            g
        })
        .collect()
}

/// Gaps back to ascending numbers.
pub(crate) fn ungap(gaps: &[u32]) -> Vec<u32> {
    let mut at = 0u32;
    gaps.iter()
        .map(|&g| {
            at = at.wrapping_add(g);
            at
        })
        .collect()
}

/// Something with a section number.
pub(crate) trait Numbered {
    fn number(&self) -> u32;
}

/// Items of `a` whose number is in `keep` (both ascending by number).
pub(crate) fn intersect_by<T: Numbered>(a: Vec<T>, keep: &[u32]) -> Vec<T> {
    let mut j = 0;
    a.into_iter()
        .filter(|x| {
            let n = x.number();
            while j < keep.len() && keep[j] < n {
                j += 1;
            }
            j < keep.len() && keep[j] == n
        })
        .collect()
}

/// The items of `a` (ascending by number) whose number is also in `b`, combined by `join`.
pub(crate) fn intersect_pairs<A: Copy + Numbered, B: Copy + Numbered>(
    a: Vec<A>,
    b: &[B],
    join: impl Fn(A, B) -> A,
) -> Vec<A> {
    let mut j = 0;
    let mut out = Vec::new();
    for x in a {
        while j < b.len() && b[j].number() < x.number() {
            j += 1;
        }
        if j < b.len() && b[j].number() == x.number() {
            out.push(join(x, b[j]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_round_trip() {
        let n = [0, 3, 4, 100];
        assert_eq!(gaps(&n), [0, 3, 1, 96]);
        assert_eq!(ungap(&gaps(&n)), n);
    }
}
