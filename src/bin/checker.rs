//! The checker bundle's entry point (`/check/`, `/self-check/`, `/villages/`): mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(zhengcetong::CheckerApp);
}
