//! The reader bundle's entry point (home, library, documents, search, about): mounts the app. Everything
//! else lives in the library so tests can use it.

fn main() {
    zhengcetong::mount(zhengcetong::ReaderApp);
}
