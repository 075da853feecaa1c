//! The reader bundle's entry point (home, library, documents, search, about): mounts the app. Everything
//! else lives in the library so tests can use it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(zhengcetong::ReaderApp);
}
