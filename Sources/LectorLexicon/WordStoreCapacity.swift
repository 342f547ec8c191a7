/// How many words a per-word store keeps: a memo of what was worked out for one word (its
/// dictionary knowledge, its name keys, its stems), kept from document to document so that a
/// stream's records (JSON Lines) look a word up once. A stream of ever new words (every record
/// new names) would grow such a store without end; past this many words a store keeps no new
/// word (or is emptied, where it says so), so memory stays flat in the stream's length.
///
/// Chosen from measured bytes (heaptrack, a stream of random names): a word costs about 470
/// bytes a side in the lexical alignment's stores (its `WordInfo` 335, its facts 100, its slots)
/// and 100 to 250 in each of the name rules' memos, and each checking thread keeps stores of its
/// own. At 50,000 words a store they held 110 MB of a 280 MB peak (the rest: 120 MB of mapped
/// dictionary files, 35 MB of loaded Hunspell and lexicon data); at this bound about 12 MB a
/// thread. Text repeats its words: news of 1,000,000 records has under 1,000 distinct words a side,
/// and the words met first are the frequent ones, so a store this size keeps most look-ups of
/// real text.
///
/// Three quarters of a power of two: a Swift dictionary doubles its buckets when more than 3/4
/// full, so 6,144 words fill 8,192 buckets, where 50,000 had taken 131,072.
package enum WordStoreCapacity {
    package static let words = 6_144
}
