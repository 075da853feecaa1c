//! The search's code (`policy_content::shards`: planning a query, reading the index's pieces, ranking and
//! cutting the hits' snippets; the offer of the documents' words): a table of functions the reader bundle
//! loads only on the search page, from a split point of its own (`src/main.rs`, see `crate::lazy`), so
//! that a document's page does not download it.

use policy_content::search::RegionFilter;
use policy_content::shards::{Library, Piece, PieceError, Plan, Step};

use crate::lazy::Load;

/// The search's functions, in the search chunk.
#[derive(Clone, Copy)]
pub struct SearchCode {
    /// A query's plan (`Plan::new`).
    pub plan: fn(&str) -> Plan,
    /// The next step of a search (`Library::step`).
    pub step: fn(&mut Library, &Plan, Option<&'static RegionFilter>, usize) -> Step,
    /// A piece of the index read into the library (`Library::add`).
    pub add: fn(&mut Library, &Piece, &[u8]) -> Result<(), PieceError>,
    /// The documents' words for a query that finds nothing
    /// (`policy_content::search::in_documents_words`).
    pub documents_words: fn(&str) -> Option<(String, String, String)>,
    /// The documents' other word for one a query holds, whatever it found
    /// (`policy_content::search::related_words`).
    pub related_words: fn(&str) -> Option<(String, String, String)>,
}

impl Default for SearchCode {
    fn default() -> Self {
        Self {
            plan: Plan::new,
            step: Library::step,
            add: Library::add,
            documents_words: policy_content::search::in_documents_words,
            related_words: policy_content::search::related_words,
        }
    }
}

/// The loader of [`SearchCode`], the reader bundle's split point (a context the reader's app provides).
#[derive(Clone, Copy)]
pub struct SearchLoader(pub Load<SearchCode>);
