//! The calculator bundle's entry point (`/calc/`): mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(zhengcetong::CalcApp);
}
