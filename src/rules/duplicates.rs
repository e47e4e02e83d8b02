//! The id tables of the catalogues' indexes, and the ids given to two
//! elements: recorded while a table is built, reported by each catalogue's
//! duplicate-id rule.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::hash::{BuildHasher, Hash};

use crate::validate::JsonPointer;

/// How the id tables hash their keys: foldhash, seeded afresh for every table.
///
/// Ids are UUIDs read from documents, so they may be random or follow a
/// pattern (counting up in their last bytes, or differing only in their first
/// ones); foldhash's folded multiplications spread both kinds over the whole
/// table, at a fraction of the cost of the standard library's SipHash. The
/// per-table seed keeps a document from being written to collide on purpose
/// in every run. No table is ever iterated, so findings never depend on the
/// seed.
pub(crate) type IdHasher = foldhash::fast::RandomState;

/// A table from an id to where its element sits.
pub(crate) type IdMap<K, V> = HashMap<K, V, IdHasher>;

/// A set of ids.
pub(crate) type IdSet<K> = HashSet<K, IdHasher>;

/// An empty [`IdMap`] with room for `capacity` ids.
pub(crate) fn id_map<K, V>(capacity: usize) -> IdMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, IdHasher::default())
}

/// An empty [`IdSet`] with room for `capacity` ids.
pub(crate) fn id_set<K>(capacity: usize) -> IdSet<K> {
    HashSet::with_capacity_and_hasher(capacity, IdHasher::default())
}

/// An id given to two elements of the same kind.
#[derive(Debug, Clone)]
pub(crate) struct Duplicate {
    /// What kind of element, such as `"segment"`.
    pub(crate) kind: &'static str,
    /// The id, as text.
    pub(crate) id: String,
    /// Where the id is first used.
    pub(crate) first: JsonPointer,
    /// Where it is used again.
    pub(crate) again: JsonPointer,
}

/// Records `key` at `place`; a second element with the same key becomes a
/// duplicate (its paths are built only then, since duplicates are rare).
pub(crate) fn record<K: Hash + Eq + Display, P: Copy, H: BuildHasher>(
    map: &mut HashMap<K, P, H>,
    duplicates: &mut Vec<Duplicate>,
    kind: &'static str,
    key: K,
    place: P,
    path: fn(P) -> JsonPointer,
) {
    match map.entry(key) {
        Entry::Occupied(first) => duplicates.push(Duplicate {
            kind,
            id: first.key().to_string(),
            first: path(*first.get()),
            again: path(place),
        }),
        Entry::Vacant(slot) => {
            slot.insert(place);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::hash::BuildHasher;

    use super::IdHasher;
    use crate::id::SegmentId;
    use uuid::Uuid;

    /// How evenly `ids` fall into `buckets` buckets by the low bits of their
    /// hashes (where a table puts them) and into 128 groups by the top seven
    /// (what a table compares first): the fullest bucket of each.
    fn fullest(ids: &[SegmentId], hash: impl Fn(&SegmentId) -> u64) -> (usize, usize) {
        let buckets = ids.len().next_power_of_two();
        let mut low = vec![0usize; buckets];
        let mut top = [0usize; 128];
        for id in ids {
            let hash = hash(id);
            low[(hash as usize) & (buckets - 1)] += 1;
            top[(hash >> 57) as usize] += 1;
        }
        (
            low.into_iter().max().unwrap(),
            top.into_iter().max().unwrap(),
        )
    }

    /// Asserts that 65,536 ids spread over 65,536 buckets as random keys would:
    /// the fullest bucket holds a handful (about 8 for random keys; a hash that
    /// collapses on a pattern puts hundreds or thousands in one), and each of
    /// the 128 top-bit groups stays near its 512 share.
    #[track_caller]
    fn spreads(what: &str, ids: &[SegmentId]) {
        let hasher = IdHasher::default();
        let (low, top) = fullest(ids, |id| hasher.hash_one(id));
        assert!(low <= 16, "{what}: {low} ids in the fullest bucket");
        assert!(top <= 700, "{what}: {top} ids in the fullest top-bit group");
    }

    const COUNT: u128 = 1 << 16;

    #[test]
    fn ids_counting_up_in_their_last_bytes_spread() {
        // Like the samples' ids: 00000000-0000-4000-8000-00000000xxxx.
        let base = 0x0000_0000_0000_4000_8000_0000_0000_0000_u128;
        let ids: Vec<_> = (0..COUNT)
            .map(|i| SegmentId::from_uuid(Uuid::from_u128(base | i)))
            .collect();
        spreads("counting up", &ids);
    }

    #[test]
    fn ids_differing_only_in_their_first_bytes_spread() {
        let base = 0x0000_0000_0000_4000_8000_0000_0000_0001_u128;
        let ids: Vec<_> = (0..COUNT)
            .map(|i| SegmentId::from_uuid(Uuid::from_u128(base | (i << 112))))
            .collect();
        spreads("first bytes", &ids);
    }

    #[test]
    fn ids_differing_only_in_their_middle_bytes_spread() {
        // What renumbering copies of a canvas does: the copy in bytes 6 and 7.
        let base = 0x0000_0000_0000_4000_8000_0000_0000_0001_u128;
        let ids: Vec<_> = (0..COUNT)
            .map(|i| SegmentId::from_uuid(Uuid::from_u128(base ^ (i << 64))))
            .collect();
        spreads("middle bytes", &ids);
    }

    #[test]
    fn random_ids_spread() {
        let ids: Vec<_> = (0..COUNT).map(|_| SegmentId::new()).collect();
        spreads("random", &ids);
    }

    #[test]
    fn a_hash_that_collapses_on_a_pattern_is_caught() {
        // The measure itself must be able to fail: a hash that keeps the first
        // eight bytes of an id puts every id counting up in its last bytes in
        // one bucket.
        let base = 0x0000_0000_0000_4000_8000_0000_0000_0000_u128;
        let ids: Vec<_> = (0..COUNT)
            .map(|i| SegmentId::from_uuid(Uuid::from_u128(base | i)))
            .collect();
        let (low, top) = fullest(&ids, |id| (id.as_uuid().as_u128() >> 64) as u64);
        assert_eq!((low, top), (ids.len(), ids.len()));
    }
}
