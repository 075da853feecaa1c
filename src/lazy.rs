//! Code a bundle loads on first use, after its first screen (README, "Lazily loaded code").
//!
//! A split point is a function of a bundle's binary (`src/bin/*.rs`), made with [`split_point!`]: the
//! build (scripts/split-wasm.mjs) moves every function reached only from it out of the bundle's main
//! module into a chunk of its own, which is fetched the first time the split point is called. It returns
//! a table of this library's functions (such as `components::LaterCode`), whose code is thus in the
//! chunk. (A split point in the library itself would be exported, so kept, by every bundle, used or not.)

use std::future::Future;
use std::pin::Pin;

pub use leptos::wasm_split::SplitLoaderError;

/// Gets the table `T` of a chunk's functions, loading the chunk first if it is not loaded yet. A chunk
/// that cannot be fetched (offline, never kept) is an error, not a panic (which would stop the app); the
/// next call tries again.
pub type Load<T> = fn() -> Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// Gets `load`'s table, loading its chunk if it is not loaded yet. The first time a chunk has come, the
/// service worker is told what the page has loaded, so the chunk is kept for offline use with the page.
pub async fn load<T>(load: Load<T>) -> Result<T, SplitLoaderError> {
    let code = load().await?;
    // Each split point's loader once: the page then has its chunk (and it is in Resource Timing).
    let first = TOLD.with(|told| {
        let mut told = told.borrow_mut();
        let first = !told.contains(&(load as usize));
        if first {
            told.push(load as usize);
        }
        first
    });
    if first {
        crate::offline::loaded_more();
    }
    Ok(code)
}

thread_local! {
    /// The split points whose chunk the service worker has been told of (their loaders' addresses; a
    /// bundle has one or two, so a list, without a hash set's code in the main module).
    static TOLD: std::cell::RefCell<Vec<usize>> = Default::default();
}

/// Once the page has been painted, loads `load`'s chunk in the background (see [`load`]), so that it is
/// ready when first used and kept for offline use with the page, then gives its table to `then`. Not with
/// Save-Data on (the person asked the browser to save data): then the chunk is fetched on first use only,
/// and `then` is not called.
pub fn prefetch<T: 'static>(load: Load<T>, then: impl FnOnce(T) + 'static) {
    if crate::offline::save_data() {
        return;
    }
    crate::dom::after_paint(move || {
        leptos::task::spawn_local(async move {
            if let Ok(code) = self::load(load).await {
                then(code);
            }
        })
    });
}

/// Defines, in a bundle's binary, the split point `$name` (a [`Load`]) of the table `$code` (a full
/// path; its `Default` is the table): the functions it names are in the chunk `$chunk`, not in the
/// bundle's main module.
#[macro_export]
macro_rules! split_point {
    ($(#[$doc:meta])* $chunk:ident, $name:ident -> $code:ty) => {
        $(#[$doc])*
        fn $name() -> ::std::pin::Pin<
            ::std::boxed::Box<
                dyn ::std::future::Future<
                    Output = ::std::result::Result<$code, $crate::lazy::SplitLoaderError>,
                >,
            >,
        > {
            ::std::boxed::Box::pin($name::$name())
        }
        mod $name {
            #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
            pub fn $name() -> ::std::result::Result<$code, $crate::lazy::SplitLoaderError> {
                ::std::result::Result::Ok(<$code as ::std::default::Default>::default())
            }
        }
    };
}
